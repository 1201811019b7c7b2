# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# Usage: cmake -DDIR=<core dir> -P CheckNoQtInCore.cmake
# Fails when a file under DIR includes a Qt header (<QString>, <QtCore/...>, "QObject"...).
file(GLOB_RECURSE files "${DIR}/*.h" "${DIR}/*.hpp" "${DIR}/*.cpp" "${DIR}/*.cc")
set(offenders "")
foreach(f IN LISTS files)
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](Q[A-Za-z]|Qt[A-Za-z]*/)")
    if(lines)
        list(APPEND offenders "${f}: ${lines}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " text)
    message(FATAL_ERROR "core/ must not include Qt headers:\n  ${text}")
endif()
