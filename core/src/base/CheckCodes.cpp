// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/CheckCodes.h"

#include <array>
#include <cassert>
#include <cctype>

namespace rd::core
{

namespace
{

using enum CheckCode;

constexpr Severity kError = Severity::Error;
constexpr Severity kSecurityWarning = Severity::SecurityWarning;
constexpr Severity kWarning = Severity::Warning;
constexpr Severity kSuggestion = Severity::Suggestion;
constexpr CheckInput kPolicyInput = CheckInput::Policy;
constexpr CheckInput kRoleInput = CheckInput::Role;
constexpr CheckInput kFileInput = CheckInput::File;

/// A check Access Analyzer has, with the finding type it gives it.
constexpr CheckInfo aa(CheckCode id, std::string_view code, Severity severity, CheckInput input, std::string_view title)
{
    return CheckInfo { id, code, severity, input, title, severity, {} };
}

/// A check Access Analyzer has but files under another finding type than the one reported here.
constexpr CheckInfo aaFiledAs(Severity accessAnalyzerType, CheckCode id, std::string_view code, Severity severity,
    CheckInput input, std::string_view title)
{
    return CheckInfo { id, code, severity, input, title, accessAnalyzerType, {} };
}

/// A check of the program's own, following the AWS documentation page at `source` (empty: none).
constexpr CheckInfo own(CheckCode id, std::string_view code, Severity severity, CheckInput input,
    std::string_view title, std::string_view source)
{
    return CheckInfo { id, code, severity, input, title, std::nullopt, source };
}

// The check table. The finding type of each code is chosen here and nowhere else; docs/VALIDATION.md explains each
// row, and tests/data/validation/ holds a failing and a passing example of each (TestCheckCodes checks both).
// Access Analyzer files TYPE_MISMATCH_IP_RANGE under general warnings and INVALID_ARN_RESOURCE under errors; the
// reasons this program reports them otherwise are in docs/VALIDATION.md.
constexpr std::array kChecks {
    // JSON and the policy document
    aa(JsonSyntaxError, "JSON_SYNTAX_ERROR", kError, kPolicyInput, "the text is not valid JSON"),
    own(DuplicateKeys, "DUPLICATE_KEYS", kError, kPolicyInput,
        "a JSON object repeats a key: only the last value counts", "https://www.rfc-editor.org/rfc/rfc8259#section-4"),
    own(DocumentTooLarge, "DOCUMENT_TOO_LARGE", kError, kPolicyInput,
        "the text is larger than any policy IAM stores, and is not read",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"),
    aa(DataTypeMismatch, "DATA_TYPE_MISMATCH", kError, kPolicyInput,
        "a policy element has a value of the wrong JSON type"),
    aa(InvalidPolicyElement, "INVALID_POLICY_ELEMENT", kError, kPolicyInput,
        "the policy or a statement has an element the policy language does not know"),
    // Grammar
    aa(MissingVersion, "MISSING_VERSION", kWarning, kPolicyInput,
        "the policy has no Version, so IAM reads it as 2008-10-17, without policy variables"),
    aa(InvalidVersion, "INVALID_VERSION", kError, kPolicyInput, "the Version is not 2012-10-17 or 2008-10-17"),
    aa(MissingStatement, "MISSING_STATEMENT", kError, kPolicyInput, "the policy has no Statement"),
    aa(MissingEffect, "MISSING_EFFECT", kError, kPolicyInput, "a statement has no Effect"),
    aa(InvalidEffect, "INVALID_EFFECT", kError, kPolicyInput, "the Effect is not Allow or Deny (case-sensitive)"),
    aa(MissingAction, "MISSING_ACTION", kError, kPolicyInput, "a statement has no Action or NotAction"),
    aa(MissingResource, "MISSING_RESOURCE", kError, kPolicyInput,
        "a statement of an identity or resource policy has no Resource or NotResource"),
    aa(MissingPrincipal, "MISSING_PRINCIPAL", kError, kPolicyInput,
        "a statement of a trust, resource or RCP policy has no Principal"),
    aa(UnsupportedPrincipal, "UNSUPPORTED_PRINCIPAL", kError, kPolicyInput,
        "a Principal or NotPrincipal where the kind of policy does not take one, or an RCP principal other than *"),
    aa(InvalidPrincipalKey, "INVALID_PRINCIPAL_KEY", kError, kPolicyInput,
        "the principal type is not AWS, Service, Federated or CanonicalUser"),
    aa(InvalidPrincipalFormat, "INVALID_PRINCIPAL_FORMAT", kError, kPolicyInput,
        "a principal given as a string is not *"),
    aa(UnsupportedElementCombination, "UNSUPPORTED_ELEMENT_COMBINATION", kError, kPolicyInput,
        "a statement has both an element and its Not form"),
    aa(UniqueSidsRequired, "UNIQUE_SIDS_REQUIRED", kError, kPolicyInput, "two statements have the same Sid"),
    aa(RoleTrustPolicySyntaxErrorNotPrincipal, "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL", kError, kPolicyInput,
        "a role trust policy uses NotPrincipal"),
    aa(RoleTrustPolicySyntaxErrorResource, "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE", kError, kPolicyInput,
        "a role trust policy has a Resource or NotResource"),
    // Values
    aa(UnsupportedSid, "UNSUPPORTED_SID", kError, kPolicyInput,
        "a Sid of a policy IAM or Organizations stores holds more than ASCII letters and digits"),
    aa(EmptySidValue, "EMPTY_SID_VALUE", kSuggestion, kPolicyInput, "a Sid is empty"),
    aa(EmptyArrayAction, "EMPTY_ARRAY_ACTION", kSuggestion, kPolicyInput, "the Action or NotAction list is empty"),
    aa(EmptyArrayResource, "EMPTY_ARRAY_RESOURCE", kSuggestion, kPolicyInput,
        "the Resource or NotResource list is empty"),
    aa(EmptyArrayPrincipal, "EMPTY_ARRAY_PRINCIPAL", kSuggestion, kPolicyInput, "a principal type has an empty list"),
    aa(EmptyObjectPrincipal, "EMPTY_OBJECT_PRINCIPAL", kSuggestion, kPolicyInput, "the principal map is empty"),
    aa(EmptyObjectCondition, "EMPTY_OBJECT_CONDITION", kSuggestion, kPolicyInput,
        "the Condition element, or an operator block, is empty"),
    aa(EmptyArrayCondition, "EMPTY_ARRAY_CONDITION", kSuggestion, kPolicyInput,
        "a condition key has an empty list of values"),
    aa(EmptyArrayConditionForAllValues, "EMPTY_ARRAY_CONDITION_FORALLVALUES", kSuggestion, kPolicyInput,
        "a ForAllValues condition key has an empty list of values"),
    aa(EmptyArrayConditionForAnyValue, "EMPTY_ARRAY_CONDITION_FORANYVALUE", kSuggestion, kPolicyInput,
        "a ForAnyValue condition key has an empty list of values"),
    aa(EmptyArrayConditionIfExists, "EMPTY_ARRAY_CONDITION_IFEXISTS", kSuggestion, kPolicyInput,
        "an ...IfExists condition key has an empty list of values"),
    // Actions
    aa(InvalidService, "INVALID_SERVICE", kError, kPolicyInput,
        "the service prefix of an action or condition key does not exist"),
    aa(InvalidAction, "INVALID_ACTION", kError, kPolicyInput,
        "the action does not exist, or a wildcard matches no action"),
    // Resources
    aa(InvalidArnPrefix, "INVALID_ARN_PREFIX", kError, kPolicyInput, "a resource is neither * nor an ARN"),
    aa(MissingArnField, "MISSING_ARN_FIELD", kError, kPolicyInput, "an ARN has fewer than six fields"),
    aa(InvalidPartition, "INVALID_PARTITION", kError, kPolicyInput, "the partition of an ARN does not exist"),
    own(InvalidArnService, "INVALID_ARN_SERVICE", kWarning, kPolicyInput,
        "no service of the catalog uses the ARN's service name",
        "https://docs.aws.amazon.com/service-authorization/latest/reference/"
        "reference_policies_actions-resources-contextkeys.html"),
    aa(InvalidArnRegion, "INVALID_ARN_REGION", kError, kPolicyInput, "the region of an ARN is not a region code"),
    aa(InvalidArnAccount, "INVALID_ARN_ACCOUNT", kError, kPolicyInput, "the account of an ARN is not 12 digits"),
    aaFiledAs(kError, InvalidArnResource, "INVALID_ARN_RESOURCE", kWarning, kPolicyInput,
        "the resource part of an ARN fits no resource type of its service"),
    // Conditions
    aa(InvalidConditionOperator, "INVALID_CONDITION_OPERATOR", kError, kPolicyInput,
        "the condition operator does not exist"),
    aa(NullWithIfExists, "NULL_WITH_IF_EXISTS", kError, kPolicyInput, "NullIfExists is not an operator"),
    aa(NullWithQualifier, "NULL_WITH_QUALIFIER", kSuggestion, kPolicyInput,
        "Null with ForAllValues or ForAnyValue is always true or always false"),
    aa(InvalidGlobalConditionKey, "INVALID_GLOBAL_CONDITION_KEY", kError, kPolicyInput,
        "an aws: condition key does not exist"),
    aa(InvalidServiceConditionKey, "INVALID_SERVICE_CONDITION_KEY", kError, kPolicyInput,
        "a service condition key does not exist"),
    aa(DuplicateKeysWithDifferentCase, "DUPLICATE_KEYS_WITH_DIFFERENT_CASE", kError, kPolicyInput,
        "an operator block names a condition key twice, in different case"),
    aa(TypeMismatch, "TYPE_MISMATCH", kWarning, kPolicyInput,
        "the operator does not fit the type of the condition key"),
    aa(TypeMismatchNumber, "TYPE_MISMATCH_NUMBER", kWarning, kPolicyInput,
        "a Numeric operator's value is not a number"),
    aa(TypeMismatchDate, "TYPE_MISMATCH_DATE", kWarning, kPolicyInput, "a Date operator's value is not a date"),
    aa(TypeMismatchBoolean, "TYPE_MISMATCH_BOOLEAN", kWarning, kPolicyInput,
        "a Bool or Null operator's value is not true or false"),
    aa(TypeMismatchString, "TYPE_MISMATCH_STRING", kWarning, kPolicyInput, "a BinaryEquals value is not base64"),
    aaFiledAs(kWarning, TypeMismatchIpRange, "TYPE_MISMATCH_IP_RANGE", kError, kPolicyInput,
        "an IpAddress operator's value is not an IP address or CIDR block"),
    aa(InvalidDateValue, "INVALID_DATE_VALUE", kWarning, kPolicyInput, "a date is written as epoch seconds"),
    aa(ImproveIpRange, "IMPROVE_IP_RANGE", kSuggestion, kPolicyInput, "a CIDR block has bits set after its prefix"),
    aa(WildcardWithoutLikeOperator, "WILDCARD_WITHOUT_LIKE_OPERATOR", kWarning, kPolicyInput,
        "a value has a wildcard but the operator compares literally"),
    aa(MissingQualifier, "MISSING_QUALIFIER", kError, kPolicyInput,
        "a multivalued condition key without ForAllValues or ForAnyValue"),
    aa(ForAllValuesWithSingleValuedKey, "FORALLVALUES_WITH_SINGLE_VALUED_KEY", kSecurityWarning, kPolicyInput,
        "ForAllValues with a single-valued key is true when the key is absent"),
    aa(StringLikeOperatorWithArnConditionKeys, "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS", kSecurityWarning,
        kPolicyInput, "StringLike on an ARN key lets * match across the colons of the ARN"),
    aa(InvalidRegion, "INVALID_REGION", kError, kPolicyInput, "an aws:RequestedRegion value is not a region code"),
    // Policy variables
    aa(EmptyVariable, "EMPTY_VARIABLE", kError, kPolicyInput, "${} names no key"),
    aa(MissingBraceInVariable, "MISSING_BRACE_IN_VARIABLE", kError, kPolicyInput, "a policy variable has no closing }"),
    aa(MissingQuoteInVariable, "MISSING_QUOTE_IN_VARIABLE", kError, kPolicyInput,
        "a policy variable's default value is not in single quotes"),
    aa(UnsupportedSpaceInVariable, "UNSUPPORTED_SPACE_IN_VARIABLE", kError, kPolicyInput,
        "a policy variable's key has a space"),
    aa(VariableUnsupportedInVersion, "VARIABLE_UNSUPPORTED_IN_VERSION", kError, kPolicyInput,
        "a policy variable in a policy without Version 2012-10-17"),
    aa(VariableUnsupportedInElement, "VARIABLE_UNSUPPORTED_IN_ELEMENT", kError, kPolicyInput,
        "a policy variable where the language takes none (an action)"),
    aa(InvalidVariableForOperator, "INVALID_VARIABLE_FOR_OPERATOR", kError, kPolicyInput,
        "a policy variable with an operator other than String and Arn"),
    // Trust policies
    aa(RoleTrustPolicyUnsupportedWildcardInPrincipal, "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL", kError,
        kPolicyInput, "\"Principal\": \"*\" in a role trust policy"),
    aa(UnsupportedWildcardInPrincipal, "UNSUPPORTED_WILDCARD_IN_PRINCIPAL", kError, kPolicyInput,
        "a principal with a wildcard other than a lone *"),
    aa(MismatchedActionForPrincipal, "MISMATCHED_ACTION_FOR_PRINCIPAL", kError, kPolicyInput,
        "the sts: action does not fit the principal type"),
    aa(MissingConditionKeyForOidcPrincipal, "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL", kSecurityWarning, kPolicyInput,
        "any identity of an OIDC provider may assume the role"),
    aa(MissingGithubRepoConditionKey, "MISSING_GITHUB_REPO_CONDITION_KEY", kSecurityWarning, kPolicyInput,
        "any GitHub repository may assume the role"),
    aa(SpecificGithubRepoAndBranchRecommended, "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED", kWarning, kPolicyInput,
        "the GitHub sub condition has a wildcard"),
    own(ConfusedDeputySourceRecommended, "CONFUSED_DEPUTY_SOURCE_RECOMMENDED", kWarning, kPolicyInput,
        "a service may assume the role on behalf of any account",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"),
    own(MissingExternalId, "MISSING_EXTERNAL_ID", kSecurityWarning, kPolicyInput,
        "another account may assume the role without sts:ExternalId",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html"),
    own(TrustPolicyAllowsAnyPrincipal, "TRUST_POLICY_ALLOWS_ANY_PRINCIPAL", kSecurityWarning, kPolicyInput,
        "any AWS principal of any account may assume the role",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html"),
    // Resource policies
    aa(RestrictAccessToServicePrincipal, "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL", kSecurityWarning, kPolicyInput,
        "a service principal gets access without a source condition"),
    aa(AllowWithNotPrincipal, "ALLOW_WITH_NOT_PRINCIPAL", kSecurityWarning, kPolicyInput,
        "Allow with NotPrincipal grants every principal not listed"),
    aa(UnsupportedResourceArnInPolicy, "UNSUPPORTED_RESOURCE_ARN_IN_POLICY", kError, kPolicyInput,
        "a resource policy names a resource it is not attached to"),
    // Breadth
    aa(PassRoleWithStarInResource, "PASS_ROLE_WITH_STAR_IN_RESOURCE", kSecurityWarning, kPolicyInput,
        "iam:PassRole on Resource *, without iam:PassedToService"),
    aa(PassRoleWithStarInActionAndResource, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", kSecurityWarning,
        kPolicyInput, "a wildcard action covering iam:PassRole, on Resource *, without iam:PassedToService"),
    aa(PassRoleWithNotResource, "PASS_ROLE_WITH_NOT_RESOURCE", kSecurityWarning, kPolicyInput,
        "iam:PassRole with NotResource, without iam:PassedToService"),
    aa(PassRoleWithStarInActionAndNotResource, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE", kSecurityWarning,
        kPolicyInput, "a wildcard action covering iam:PassRole, with NotResource, without iam:PassedToService"),
    aa(PassRoleWithStarInResourceAndNotAction, "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION", kSecurityWarning,
        kPolicyInput, "NotAction leaving iam:PassRole allowed, on Resource *, without iam:PassedToService"),
    aa(PassRoleWithNotActionAndNotResource, "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE", kSecurityWarning,
        kPolicyInput, "NotAction leaving iam:PassRole allowed, with NotResource, without iam:PassedToService"),
    aa(CreateSlrWithStarInResource, "CREATE_SLR_WITH_STAR_IN_RESOURCE", kWarning, kPolicyInput,
        "iam:CreateServiceLinkedRole on Resource *, without iam:AWSServiceName"),
    aa(CreateSlrWithStarInActionAndResource, "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE", kWarning, kPolicyInput,
        "a wildcard action covering iam:CreateServiceLinkedRole, on Resource *, without iam:AWSServiceName"),
    aa(CreateSlrWithNotResource, "CREATE_SLR_WITH_NOT_RESOURCE", kWarning, kPolicyInput,
        "iam:CreateServiceLinkedRole with NotResource, without iam:AWSServiceName"),
    aa(CreateSlrWithStarInActionAndNotResource, "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE", kWarning,
        kPolicyInput,
        "a wildcard action covering iam:CreateServiceLinkedRole, with NotResource, without iam:AWSServiceName"),
    aa(CreateSlrWithStarInResourceAndNotAction, "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION", kWarning,
        kPolicyInput,
        "NotAction leaving iam:CreateServiceLinkedRole allowed, on Resource *, without iam:AWSServiceName"),
    aa(CreateSlrWithNotActionAndNotResource, "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE", kWarning, kPolicyInput,
        "NotAction leaving iam:CreateServiceLinkedRole allowed, with NotResource, without iam:AWSServiceName"),
    own(AllowWithNotAction, "ALLOW_WITH_NOT_ACTION", kSecurityWarning, kPolicyInput,
        "Allow with NotAction grants every action not listed",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"),
    own(AllowWithNotResource, "ALLOW_WITH_NOT_RESOURCE", kSecurityWarning, kPolicyInput,
        "Allow with NotResource grants every resource not listed",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html"),
    own(FullAccess, "FULL_ACCESS", kSecurityWarning, kPolicyInput, "every action on every resource, without condition",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
    own(FullIamAccess, "FULL_IAM_ACCESS", kSecurityWarning, kPolicyInput,
        "every IAM action on every resource, without condition",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
    own(PrivilegeEscalation, "PRIVILEGE_ESCALATION", kSecurityWarning, kPolicyInput,
        "the policy lets the principal raise its own permissions",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
    // Redundancy
    aa(RedundantAction, "REDUNDANT_ACTION", kSuggestion, kPolicyInput,
        "an action is repeated or covered by a wildcard of the same list"),
    aa(RedundantResource, "REDUNDANT_RESOURCE", kSuggestion, kPolicyInput,
        "a resource is repeated or covered by a wildcard of the same list"),
    aa(RedundantStatement, "REDUNDANT_STATEMENT", kSuggestion, kPolicyInput, "a statement repeats another"),
    // Size quotas of one policy
    aa(PolicySizeExceedsIdentityPolicyQuota, "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", kWarning, kPolicyInput,
        "an identity policy is over the managed-policy quota (6,144 characters)"),
    aa(PolicySizeExceedsRoleTrustPolicyQuota, "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA", kWarning, kPolicyInput,
        "a role trust policy is over its quota (2,048 characters)"),
    aa(PolicySizeExceedsScpQuota, "POLICY_SIZE_EXCEEDS_SCP_QUOTA", kError, kPolicyInput,
        "an SCP is over its quota (5,120 characters)"),
    aa(PolicySizeExceedsRcpQuota, "POLICY_SIZE_EXCEEDS_RCP_QUOTA", kError, kPolicyInput,
        "an RCP is over its quota (5,120 characters)"),
    // Roles
    own(InvalidRoleName, "INVALID_ROLE_NAME", kError, kRoleInput, "the role name is not 1 to 64 of [A-Za-z0-9+=,.@_-]",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html"),
    own(DuplicateRoleName, "DUPLICATE_ROLE_NAME", kError, kRoleInput,
        "another role of the account has the same name, regardless of case",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html"),
    own(InvalidRolePath, "INVALID_ROLE_PATH", kError, kRoleInput, "the role path is not / or /.../ of printable ASCII",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html"),
    own(InvalidMaxSessionDuration, "INVALID_MAX_SESSION_DURATION", kError, kRoleInput,
        "MaxSessionDuration is outside 3,600 to 43,200 seconds",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html"),
    own(ManagedPoliciesPerRoleExceeded, "MANAGED_POLICIES_PER_ROLE_EXCEEDED", kError, kRoleInput,
        "more managed policies are attached than the account allows per role",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"),
    own(RoleInlinePoliciesSizeExceedsQuota, "ROLE_INLINE_POLICIES_SIZE_EXCEEDS_QUOTA", kError, kRoleInput,
        "the role's inline policies together are over their quota (10,240 characters)",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"),
    own(InvalidRoleDescription, "INVALID_ROLE_DESCRIPTION", kError, kRoleInput,
        "the role description is over 1,000 characters or has one outside tab, line breaks and printable Latin-1",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html"),
    own(InvalidTagKey, "INVALID_TAG_KEY", kError, kRoleInput,
        "a tag key is not 1 to 128 letters, numbers, spaces or _.:/=+-@, or begins with aws:",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html"),
    own(InvalidTagValue, "INVALID_TAG_VALUE", kError, kRoleInput,
        "a tag value is not 0 to 256 letters, numbers, spaces or _.:/=+-@, or begins with aws:",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html"),
    own(DuplicateTagKey, "DUPLICATE_TAG_KEY", kError, kRoleInput,
        "two tags of the role have the same key, regardless of case",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html"),
    own(TagsPerRoleExceeded, "TAGS_PER_ROLE_EXCEEDED", kError, kRoleInput, "the role has more than 50 tags",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"),
    // Workspace and import files
    own(WorkspaceFormatError, "WORKSPACE_FORMAT_ERROR", kError, kFileInput,
        "a workspace file is not one this version reads", ""),
    own(GaadFormatError, "GAAD_FORMAT_ERROR", kError, kFileInput,
        "an entry of an account export is malformed and was skipped",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html"),
    own(GaadFormatWarning, "GAAD_FORMAT_ERROR", kWarning, kFileInput,
        "an account export is incomplete, or a list-roles entry matches no role",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html"),
    own(GaadPolicyError, "GAAD_POLICY_ERROR", kError, kFileInput,
        "a policy document of an account export is unreadable and was skipped",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html"),
    own(OrganizationFormatError, "ORGANIZATION_FORMAT_ERROR", kError, kFileInput,
        "an entry of an organization file is malformed or names a node the file does not hold, and was skipped",
        "https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribePolicy.html"),
    own(ResourceListFormatError, "RESOURCE_LIST_FORMAT_ERROR", kError, kFileInput,
        "an entry of a resources file is malformed, repeats an ARN or has an unreadable policy, and was skipped",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html"),
    own(DanglingReference, "DANGLING_REFERENCE", kWarning, kFileInput,
        "a user, group or role names a customer managed policy or group the workspace does not have",
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicy.html"),
};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kChecks.size(); ++i) {
        if (static_cast<std::size_t>(kChecks[i].id) != i)
            return false;
    }
    return true;
}

static_assert(inEnumOrder(), "the check table lists each CheckCode once, in the enum's order");
static_assert(
    kChecks.size() == static_cast<std::size_t>(DanglingReference) + 1, "the check table ends with the last CheckCode");

} // namespace

std::span<const CheckInfo> checkTable()
{
    return kChecks;
}

const CheckInfo &checkInfo(CheckCode code)
{
    const auto index = static_cast<std::size_t>(code);
    assert(index < kChecks.size());
    return kChecks[index];
}

const CheckInfo *findCheck(std::string_view code)
{
    for (const CheckInfo &check : kChecks) {
        if (check.code == code)
            return &check;
    }
    return nullptr;
}

std::string learnMoreUrl(const CheckInfo &check)
{
    if (check.accessAnalyzerType)
        return Diagnostic::accessAnalyzerUrl(*check.accessAnalyzerType, check.code);
    return std::string(check.sourceUrl);
}

std::string documentationAnchor(const CheckInfo &check)
{
    std::string anchor;
    anchor.reserve(check.code.size());
    for (char c : check.code)
        anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return anchor;
}

Diagnostic makeDiagnostic(CheckCode code, SourceRange range, std::string message)
{
    const CheckInfo &check = checkInfo(code);
    Diagnostic d;
    d.severity = check.severity;
    d.code = std::string(check.code);
    d.message = std::move(message);
    d.range = range;
    d.learnMoreUrl = learnMoreUrl(check);
    return d;
}

bool hasCheckCode(const Diagnostic &diagnostic, CheckCode code)
{
    return diagnostic.code == checkInfo(code).code;
}

} // namespace rd::core
