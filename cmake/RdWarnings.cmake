# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT

# rd_set_warnings(target): the project's warning set, private to the target.
function(rd_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Woverloaded-virtual)
    # GCC 12 at -O3 reports impossible overlaps inside std::string concatenation (GCC bug 105329, a false positive).
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12)
        target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(RD_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# rd_qt_defaults(target): the Qt settings every Qt target of the project uses.
function(rd_qt_defaults target)
    target_compile_definitions(
        ${target} PRIVATE QT_NO_KEYWORDS QT_NO_FOREACH QT_NO_CAST_TO_ASCII QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
                          QT_NO_CAST_FROM_BYTEARRAY)
endfunction()
