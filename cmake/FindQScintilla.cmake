# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
#
# Finds QScintilla built for Qt 6 (Debian: libqscintilla2-qt6-dev), which ships no CMake package of its own.
# Defines QScintilla_FOUND and the imported target QScintilla::QScintilla.

find_path(
    QScintilla_INCLUDE_DIR Qsci/qsciscintilla.h
    HINTS ${Qt6_DIR}/../../../../include ${QT6_INSTALL_PREFIX}/include
    PATH_SUFFIXES x86_64-linux-gnu/qt6 aarch64-linux-gnu/qt6 qt6)
find_library(QScintilla_LIBRARY NAMES qscintilla2_qt6 qscintilla2_qt6d)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QScintilla REQUIRED_VARS QScintilla_LIBRARY QScintilla_INCLUDE_DIR)

if(QScintilla_FOUND AND NOT TARGET QScintilla::QScintilla)
    add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
    set_target_properties(QScintilla::QScintilla PROPERTIES IMPORTED_LOCATION "${QScintilla_LIBRARY}"
                                                            INTERFACE_INCLUDE_DIRECTORIES "${QScintilla_INCLUDE_DIR}")
    # QScintilla is a widget library: whoever links it links Qt Widgets too.
    set_property(TARGET QScintilla::QScintilla PROPERTY INTERFACE_LINK_LIBRARIES Qt6::Widgets)
endif()
mark_as_advanced(QScintilla_INCLUDE_DIR QScintilla_LIBRARY)
