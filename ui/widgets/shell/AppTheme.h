// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QString>

namespace rd::ui
{

/// The application's colours: the system's (light or dark, as the desktop says), or a light or dark palette chosen
/// in View > Theme and kept in the settings.
class AppTheme
{
public:
    enum class Mode { System, Light, Dark };

    /// Applies a mode to the running application (Fusion style for the explicit palettes, so that every widget
    /// follows them).
    static void apply(Mode mode);
    /// The mode kept in the settings (System when none).
    static Mode saved();
    static void save(Mode mode);
    static QString name(Mode mode);

    static QPalette lightPalette();
    static QPalette darkPalette();
    /// True when a palette is a dark one (light text on a dark base).
    static bool isDark(const QPalette &palette);
};

} // namespace rd::ui
