// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ExampleWorkspace.h"

#include "rd/core/workspace/WorkspaceFile.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace rd::test
{

core::Workspace exampleWorkspace(const char *path, bool roleBob)
{
    core::WorkspaceLoadResult loaded = core::loadWorkspaceFile(path);
    if (!loaded.workspace) {
        std::fprintf(stderr, "cannot read %s\n", path);
        std::abort();
    }
    if (roleBob) {
        core::Role bob;
        bob.accountId = "111122223333";
        bob.name = "bob";
        bob.arn = "arn:aws:iam::111122223333:role/bob";
        loaded.workspace->add(std::move(bob));
    }
    return std::move(*loaded.workspace);
}

} // namespace rd::test
