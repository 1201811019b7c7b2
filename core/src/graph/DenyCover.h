// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Wildcard.h"
#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/graph/AccessGraph.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// How much of a symbolic grant (an action pattern, a resource pattern) a Deny statement covers, read from the
/// statement's Action/NotAction and Resource/NotResource (IAM User Guide, "IAM JSON policy elements: NotAction",
/// "NotResource"). Patterns are compared as wildcard patterns: an action pattern lies within another when the other
/// matches it read literally, a resource pattern as resourcePatternWithin judges; two overlap when some text matches
/// both (patternsOverlap).
enum class DenyCover { None, Partial, Full };

/// The lesser of two covers: a grant is covered fully only when its actions and its resource both are.
DenyCover combine(DenyCover a, DenyCover b);

/// The deny's cover of a granted action pattern (lower case; `*` for all).
DenyCover actionCover(const CompiledStatement &deny, std::string_view action);
/// The deny's cover of a NotAction grant: every action except `excluded` (lower-case patterns).
DenyCover notActionCover(const CompiledStatement &deny, const std::vector<std::string> &excluded);
/// The deny's cover of a granted resource pattern (as written, `*` for all). For a resource-based policy
/// (`attachedTo` not empty) the policy governs only its resource (resourceGovernedBy): an absent Resource is that
/// resource, and the cover is at most the pattern's cover by the governed scope.
DenyCover resourceCover(const CompiledStatement &deny, std::string_view pattern, std::string_view attachedTo = {});

/// Whether a resource-based policy attached to `attachedTo` governs requests on `arn`: the resource itself, and for
/// an S3 bucket its objects (Amazon S3 User Guide, "Bucket policies for Amazon S3": a bucket policy grants or denies
/// access to the bucket and the objects in it).
bool resourceGovernedBy(std::string_view arn, std::string_view attachedTo);
/// The ARN of the S3 bucket an object ARN (or object pattern) lies in (`arn:aws:s3:::b` for `arn:aws:s3:::b/k*`);
/// empty when the text is not an S3 object ARN.
std::string bucketOfObject(std::string_view arn);

/// Whether the deny applies to a concrete lower-case action on a concrete ARN (its conditions aside): the shared
/// request-free matchers (StatementMatch.h), within the policy's governed scope for a resource-based policy.
bool denyMatches(const GraphDeny &deny, std::string_view lowerAction, std::string_view arn);
/// Whether the deny's Resource or NotResource (and governed scope) covers a concrete ARN, its actions aside.
bool denyCoversArn(const GraphDeny &deny, std::string_view arn);

/// Whether a statement's Principal (or NotPrincipal) covers a graph node (IAM User Guide, "IAM JSON policy elements:
/// Principal"): `*`; the node's account; a role by name and account; a user, service or provider exactly.
bool principalCoversNode(const CompiledStatement &statement, const GraphNode &node);

} // namespace rd::core
