// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace rd::doc
{

/// The one crossing between core's UTF-8 std::string and Qt's QString.
QString toQString(std::string_view text);
std::string toStdString(const QString &text);

} // namespace rd::doc
