// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

namespace rd::core
{

/// True when `c` is of the Unicode general category L (letter), N (number) or Z (separator: space, line or paragraph
/// separator), the union of the classes `\p{L}`, `\p{N}` and `\p{Z}` of the patterns in AWS's API references. Read
/// from a table that scripts/make_unicode_table.py generates from Unicode 14.0 (UnicodeCategory.cpp); code points
/// unassigned in Unicode 14.0 are none of these.
bool isLetterNumberOrSeparator(char32_t c);

} // namespace rd::core
