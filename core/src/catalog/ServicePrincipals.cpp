// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/catalog/ServicePrincipals.h"

#include <algorithm>

// The bytes of resources/catalog/service-principals.txt, embedded by cmake/EmbedFile.cmake.
extern const unsigned char kServicePrincipalsData[];
extern const std::size_t kServicePrincipalsDataSize;

namespace rd::core
{

std::vector<std::string> parseServicePrincipalList(std::string_view text)
{
    std::vector<std::string> names;
    std::size_t position = 0;
    while (position < text.size()) {
        std::size_t end = text.find('\n', position);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(position, end - position);
        position = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty() && line.front() != '#')
            names.emplace_back(line);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

const std::vector<std::string> &knownServicePrincipals()
{
    static const std::vector<std::string> names = parseServicePrincipalList(
        std::string_view(reinterpret_cast<const char *>(kServicePrincipalsData), kServicePrincipalsDataSize));
    return names;
}

bool isKnownServicePrincipal(std::string_view name)
{
    const std::vector<std::string> &names = knownServicePrincipals();
    return std::binary_search(names.begin(), names.end(), name, std::less<>());
}

} // namespace rd::core
