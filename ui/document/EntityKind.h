// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

namespace rd::doc
{

/// The kinds of thing a workspace holds. The order is the order of the workspace browser's top-level groups.
enum class EntityKind { Account, Role, User, Group, Policy, Resource, ExternalPrincipal };

/// The number of entity kinds, for tables indexed by kind.
inline constexpr int kEntityKindCount = 7;

} // namespace rd::doc
