// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rd::core
{

/// Every finding the program reports, one enumerator per row of the check table (checkTable()). A diagnostic is
/// made from its enumerator (makeDiagnostic), so the code string, the finding type and the links come from the
/// table and nowhere else. docs/VALIDATION.md has an entry for each code, in this order.
// INVARIANT: the table in CheckCodes.cpp holds one row per enumerator, in this order (the order is checked at compile
// time, the count by TestCheckCodes).
enum class CheckCode {
    // JSON and the policy document
    JsonSyntaxError,
    DuplicateKeys,
    DocumentTooLarge,
    DataTypeMismatch,
    InvalidPolicyElement,
    // Grammar
    MissingVersion,
    InvalidVersion,
    MissingStatement,
    MissingEffect,
    InvalidEffect,
    MissingAction,
    MissingResource,
    MissingPrincipal,
    UnsupportedPrincipal,
    InvalidPrincipalKey,
    InvalidPrincipalFormat,
    UnsupportedElementCombination,
    UniqueSidsRequired,
    RoleTrustPolicySyntaxErrorNotPrincipal,
    RoleTrustPolicySyntaxErrorResource,
    // Values
    UnsupportedSid,
    EmptySidValue,
    EmptyArrayAction,
    EmptyArrayResource,
    EmptyArrayPrincipal,
    EmptyObjectPrincipal,
    EmptyObjectCondition,
    EmptyArrayCondition,
    EmptyArrayConditionForAllValues,
    EmptyArrayConditionForAnyValue,
    EmptyArrayConditionIfExists,
    // Actions
    InvalidService,
    InvalidAction,
    // Resources
    InvalidArnPrefix,
    MissingArnField,
    InvalidPartition,
    InvalidArnService,
    InvalidArnRegion,
    InvalidArnAccount,
    InvalidArnResource,
    // Conditions
    InvalidConditionOperator,
    NullWithIfExists,
    NullWithQualifier,
    InvalidGlobalConditionKey,
    InvalidServiceConditionKey,
    DuplicateKeysWithDifferentCase,
    TypeMismatch,
    TypeMismatchNumber,
    TypeMismatchDate,
    TypeMismatchBoolean,
    TypeMismatchString,
    TypeMismatchIpRange,
    InvalidDateValue,
    ImproveIpRange,
    WildcardWithoutLikeOperator,
    MissingQualifier,
    ForAllValuesWithSingleValuedKey,
    StringLikeOperatorWithArnConditionKeys,
    InvalidRegion,
    // Policy variables
    EmptyVariable,
    MissingBraceInVariable,
    MissingQuoteInVariable,
    UnsupportedSpaceInVariable,
    VariableUnsupportedInVersion,
    VariableUnsupportedInElement,
    InvalidVariableForOperator,
    // Trust policies
    RoleTrustPolicyUnsupportedWildcardInPrincipal,
    UnsupportedWildcardInPrincipal,
    MismatchedActionForPrincipal,
    MissingConditionKeyForOidcPrincipal,
    MissingGithubRepoConditionKey,
    SpecificGithubRepoAndBranchRecommended,
    ConfusedDeputySourceRecommended,
    MissingExternalId,
    TrustPolicyAllowsAnyPrincipal,
    // Resource policies
    RestrictAccessToServicePrincipal,
    AllowWithNotPrincipal,
    UnsupportedResourceArnInPolicy,
    // Breadth
    PassRoleWithStarInResource,
    PassRoleWithStarInActionAndResource,
    PassRoleWithNotResource,
    PassRoleWithStarInActionAndNotResource,
    PassRoleWithStarInResourceAndNotAction,
    PassRoleWithNotActionAndNotResource,
    CreateSlrWithStarInResource,
    CreateSlrWithStarInActionAndResource,
    CreateSlrWithNotResource,
    CreateSlrWithStarInActionAndNotResource,
    CreateSlrWithStarInResourceAndNotAction,
    CreateSlrWithNotActionAndNotResource,
    AllowWithNotAction,
    AllowWithNotResource,
    FullAccess,
    FullIamAccess,
    PrivilegeEscalation,
    // Redundancy
    RedundantAction,
    RedundantResource,
    RedundantStatement,
    // Size quotas of one policy
    PolicySizeExceedsIdentityPolicyQuota,
    PolicySizeExceedsRoleTrustPolicyQuota,
    PolicySizeExceedsScpQuota,
    PolicySizeExceedsRcpQuota,
    // Roles
    InvalidRoleName,
    DuplicateRoleName,
    InvalidRolePath,
    InvalidMaxSessionDuration,
    ManagedPoliciesPerRoleExceeded,
    RoleInlinePoliciesSizeExceedsQuota,
    InvalidRoleDescription,
    InvalidTagKey,
    InvalidTagValue,
    DuplicateTagKey,
    TagsPerRoleExceeded,
    // Workspace and import files
    WorkspaceFormatError,
    GaadFormatError,
    GaadFormatWarning,
    GaadPolicyError,
    OrganizationFormatError,
    ResourceListFormatError,
    DanglingReference,
};

/// What a check needs as input, and so which file of tests/data/validation/ holds its examples.
enum class CheckInput {
    /// One policy text, of a kind, with validation options: checks.jsonl.
    Policy,
    /// A role of a workspace: roles.jsonl.
    Role,
    /// A workspace file, or the output of `aws iam get-account-authorization-details` or `aws iam list-roles`:
    /// files.jsonl.
    File,
};

/// One row of the check table.
struct CheckInfo {
    CheckCode id;
    /// The issue code: Access Analyzer's where it has the check, the program's own otherwise.
    std::string_view code;
    /// The finding type this program reports.
    Severity severity;
    CheckInput input;
    /// What the finding means, in one line.
    std::string_view title;
    /// Where Access Analyzer has the check: the finding type its "IAM policy validation check reference" files it
    /// under, which names the page's anchor (it differs from `severity` where the program reports it otherwise).
    std::optional<Severity> accessAnalyzerType;
    /// For the program's own codes: the AWS documentation page the rule follows; empty when none does.
    std::string_view sourceUrl;

    bool isAccessAnalyzerCode() const { return accessAnalyzerType.has_value(); }
};

/// Every row of the check table, in CheckCode order. A code string appears in more than one row only when a check
/// reports it with more than one finding type (GAAD_FORMAT_ERROR: an entry skipped, or only a note).
std::span<const CheckInfo> checkTable();

/// The table's row for a code.
const CheckInfo &checkInfo(CheckCode code);

/// The first row with this code string, or nullptr.
const CheckInfo *findCheck(std::string_view code);

/// The learn-more link of a check: its entry in the IAM User Guide's "IAM policy validation check reference" for
/// Access Analyzer's codes, the page of `sourceUrl` for the program's own, or empty.
std::string learnMoreUrl(const CheckInfo &check);

/// The anchor of the check's entry in docs/VALIDATION.md: the code in lower case (`#### MISSING_VERSION` is
/// `missing_version`).
std::string documentationAnchor(const CheckInfo &check);

/// A finding of a check: the code, finding type and learn-more link from the table, with the given range and
/// message. The only way core makes a Diagnostic.
Diagnostic makeDiagnostic(CheckCode code, SourceRange range, std::string message);

/// True when the diagnostic carries the code string of `code`.
bool hasCheckCode(const Diagnostic &diagnostic, CheckCode code);

} // namespace rd::core
