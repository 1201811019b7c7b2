// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/IamIdentifiers.h"

#include "base/TextUtil.h"
#include "base/UnicodeCategory.h"

namespace rd::core
{

bool isTagCharacter(char32_t c)
{
    if (c < 0x80)
        return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U' '
            || std::u32string_view(U"_.:/=+-@").find(c) != std::u32string_view::npos;
    return isLetterNumberOrSeparator(c);
}

bool hasReservedTagPrefix(std::string_view text)
{
    // In any case: the IAM User Guide writes `aws:`, other AWS guides reserve "aws:, AWS:, or any upper or lowercase
    // combination of such" (AWS Batch User Guide, "Tag restrictions").
    return text.size() >= 4 && equalsIgnoreCase(text.substr(0, 4), "aws:");
}

} // namespace rd::core
