// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ThousandRoleAccount.h"

#include "document/WorkspaceEntity.h"
#include "rd/core/workspace/RoleTemplate.h"

#include <string>
#include <variant>

namespace rd::test
{

std::optional<core::Workspace> makeThousandRoleAccount()
{
    const std::string account = "111122223333";
    const core::RoleTemplate *lambda = core::findRoleTemplate("lambda-s3-logs");
    if (!lambda)
        return std::nullopt;
    std::string reason;
    const std::optional<core::Role> prototype = core::buildRole(*lambda, account, { { "name", "Prototype" } }, reason);
    if (!prototype)
        return std::nullopt;
    core::Workspace ws;
    ws.ensureAccount(account);
    for (int i = 0; i < 1000; ++i) {
        // 7919 is prime: every name once, not in the order a sorted view shows them.
        const std::string name = "Role" + std::to_string(1000 + (i * 7919) % 1000);
        ws.add(std::get<core::Role>(doc::renamedEntity(*prototype, name)));
        ws.add(std::get<core::ManagedPolicy>(*doc::newEntity(doc::EntityKind::Policy, account, "Policy" + name)));
    }
    return ws;
}

} // namespace rd::test
