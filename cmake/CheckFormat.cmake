# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# Usage: cmake -DCLANG_FORMAT=<clang-format> -DSOURCE_DIR=<source tree> -P CheckFormat.cmake
# Fails, naming the files, when clang-format (with the tree's .clang-format) would change a tracked *.cpp or *.h file.
# Outside a git checkout (a source archive) it checks every *.cpp and *.h file except those in build directories.
if(NOT CLANG_FORMAT OR NOT EXISTS "${CLANG_FORMAT}")
    message(FATAL_ERROR "clang-format not found: install it (scripts/debian-packages.txt) and configure again")
endif()

set(files "")
find_program(GIT_EXECUTABLE git)
if(GIT_EXECUTABLE)
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" -c core.quotePath=off ls-files -- "*.cpp" "*.h"
        WORKING_DIRECTORY "${SOURCE_DIR}"
        RESULT_VARIABLE git_result
        OUTPUT_VARIABLE git_files
        ERROR_QUIET)
    if(git_result EQUAL 0)
        string(REPLACE "\n" ";" git_files "${git_files}")
        foreach(f IN LISTS git_files)
            # A file deleted in the work tree but not yet in the index is listed too.
            if(f AND EXISTS "${SOURCE_DIR}/${f}")
                list(APPEND files "${f}")
            endif()
        endforeach()
    endif()
endif()
if(NOT files)
    file(GLOB_RECURSE found RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/*.cpp" "${SOURCE_DIR}/*.h")
    foreach(f IN LISTS found)
        if(NOT f MATCHES "^(build|build-[^/]*|\\.cache|\\.git)/")
            list(APPEND files "${f}")
        endif()
    endforeach()
endif()
list(LENGTH files count)
if(count EQUAL 0)
    message(FATAL_ERROR "no *.cpp or *.h file found under ${SOURCE_DIR}")
endif()

# One clang-format process for all files (one per file takes minutes on a loaded machine); each violation is reported
# as `<file>:<line>:<column>: error: code should be clang-formatted`.
execute_process(
    COMMAND "${CLANG_FORMAT}" --dry-run --Werror ${files}
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE format_result
    OUTPUT_VARIABLE format_output
    ERROR_VARIABLE format_output)
if(format_result EQUAL 0)
    message(STATUS "${count} files formatted as .clang-format says")
    return()
endif()

string(REGEX MATCHALL "[^\n]+:[0-9]+:[0-9]+: [a-z]+: code should be clang-formatted" violations "${format_output}")
set(offenders "")
foreach(v IN LISTS violations)
    string(REGEX REPLACE ":[0-9]+:[0-9]+: [a-z]+: code should be clang-formatted$" "" f "${v}")
    list(APPEND offenders "${f}")
endforeach()
list(REMOVE_DUPLICATES offenders)
execute_process(COMMAND "${CLANG_FORMAT}" --version OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT offenders)
    message(FATAL_ERROR "${version} failed:\n${format_output}")
endif()
list(JOIN offenders "\n  " text)
list(JOIN offenders " " args)
message(FATAL_ERROR "${version} would change these files (the project uses clang-format 14):\n  ${text}\n"
                    "Format them with: clang-format -i ${args}")
