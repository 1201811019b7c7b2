// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/CheckCodes.h"
#include "rd/core/base/Diagnostic.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/policy/ConditionOperator.h"
#include "rd/core/policy/Policy.h"
#include "rd/core/policy/PolicyKind.h"

#include <optional>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The checks that need the AWS service catalog or the policy language's value rules: actions and services,
/// resource ARNs, condition operators, keys and their types, condition values, policy variables, empty values
/// (IAM User Guide, "IAM policy validation check reference").
class CatalogChecker
{
public:
    CatalogChecker(const ServiceCatalog &catalog, PolicyKind kind, Diagnostics &out);

    void check(const Policy &policy);

private:
    const StringList *elementList(const std::optional<StringList> &positive, const std::optional<StringList> &negative,
        std::string_view element, CheckCode emptyCode);
    void checkActions(const Statement &statement);
    /// A Resource value and the ARN forms of the catalog it can name.
    struct ResourceFit {
        const PolicyString *value;
        std::vector<const ArnForm *> forms;
    };
    void checkResources(const Statement &statement);
    bool checkResourceArn(const PolicyString &value, std::vector<const ArnForm *> &fitting);
    void checkActionResourceTypes(
        const StringList &actions, const std::vector<ResourceFit> &fits, bool everyResourceKnown);
    void checkConditions(const ConditionBlock &block);
    void checkPrivateAddresses(bool negated, const ConditionEntry &entry);
    void checkConditionValue(
        const ConditionClause &clause, const ConditionValue &value, ConditionFamily family, bool variablesAllowed);
    /// Reports malformed `${...}`; returns true when the text holds a well-formed variable.
    bool checkVariables(const PolicyString &value, bool allowed, std::string_view where);
    bool checkVariables(std::string_view text, const SourceRange &range, bool allowed, std::string_view where);
    static bool isProviderKey(std::string_view key);

    const ServiceCatalog &m_catalog;
    PolicyKind m_kind;
    Diagnostics &m_out;
    bool m_variablesSupported = false;
};

} // namespace rd::core
