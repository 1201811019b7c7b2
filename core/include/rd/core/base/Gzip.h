// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

namespace rd::core
{

/// Inflates gzip data (RFC 1952, as `gzip -9 -n` writes it) into `out`. Returns false with the reason in `error` when
/// the data is not one complete gzip member; `out` is then unspecified. Used for the data files built into the
/// program (the service catalog, the AWS managed policies).
bool gunzip(const unsigned char *data, std::size_t size, std::string &out, std::string &error);

} // namespace rd::core
