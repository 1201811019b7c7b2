# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# Per-generator CPack settings. CPack runs this file once for each generator in CPACK_GENERATOR, with
# CPACK_GENERATOR set to that one generator, after the settings of installer/CMakeLists.txt.

if(CPACK_GENERATOR STREQUAL "DEB")
    # A Debian package installs below /usr whatever CMAKE_INSTALL_PREFIX the build tree was configured with.
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
elseif(CPACK_GENERATOR STREQUAL "TGZ" OR CPACK_GENERATOR STREQUAL "ZIP")
    # A relocatable tree: role-designer-<version>-<system>/bin, /share.
    set(CPACK_PACKAGING_INSTALL_PREFIX "/")
elseif(CPACK_GENERATOR STREQUAL "NSIS")
    # Windows installer, when added to CPACK_GENERATOR on WIN32. Its settings go here, e.g.:
    #   CPACK_NSIS_MUI_ICON / CPACK_NSIS_MUI_UNIICON   an .ico rendered from ${CPACK_RD_ICON_SVG}
    #   CPACK_NSIS_INSTALLED_ICON_NAME                 bin\\role-designer.exe
    #   CPACK_NSIS_DISPLAY_NAME, CPACK_NSIS_PACKAGE_NAME "IAM Role Designer"
    #   CPACK_NSIS_URL_INFO_ABOUT                      ${CPACK_PACKAGE_HOMEPAGE_URL}
    #   CPACK_NSIS_MODIFY_PATH ON                      so that role-designer-cli is on PATH
    #   CPACK_NSIS_EXTRA_INSTALL_COMMANDS              the .rdws file association (WriteRegStr HKCR ...)
    # Start-menu shortcuts come from CPACK_PACKAGE_EXECUTABLES; windeployqt's output is installed by app/.
elseif(CPACK_GENERATOR STREQUAL "DragNDrop")
    # macOS disk image, when added to CPACK_GENERATOR on APPLE. Its settings go here, e.g.:
    #   CPACK_DMG_VOLUME_NAME "IAM Role Designer", CPACK_DMG_FORMAT UDBZ
    #   CPACK_PACKAGE_ICON    an .icns rendered from ${CPACK_RD_ICON_SVG} (the volume icon)
    #   CPACK_DMG_BACKGROUND_IMAGE, CPACK_DMG_DS_STORE_SETUP_SCRIPT  the drag-to-Applications layout
    # The app bundle itself (MACOSX_BUNDLE, Info.plist with the .rdws document type, macdeployqt) is set up in app/.
    set(CPACK_PACKAGING_INSTALL_PREFIX "/")
endif()
