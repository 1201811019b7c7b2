// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/evaluation/CompiledPolicy.h"

#include "base/TextUtil.h"
#include "rd/core/base/DateTime.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/policy/IamIdentifiers.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace rd::core
{

namespace
{

// Policy variables exist only in Version 2012-10-17; under 2008-10-17 or with no Version, `${...}` is literal text
// (IAM User Guide, "IAM JSON policy elements: Version").
bool variablesEnabled(const Policy &policy)
{
    return policy.version && policy.version->value == "2012-10-17";
}

std::string escapeLiteral(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == kWildcardEscape)
            out += kWildcardEscape;
        out += c;
    }
    return out;
}

// "You can use a policy variable in the Resource element, but only in the resource portion of the ARN. This portion of
// the ARN appears after the fifth colon (:). You can't use a variable to replace parts of the ARN before the fifth
// colon, such as the service or account" (IAM User Guide, "IAM policy elements: Variables and tags", "Where you can use
// policy variables").
bool variableBeforeResourcePart(std::string_view text)
{
    const std::size_t variable = text.find("${");
    std::size_t colons = 0;
    for (std::size_t i = 0; i < variable && i < text.size(); ++i)
        colons += text[i] == ':' ? 1 : 0;
    return colons < 5;
}

CompiledPattern compilePattern(const PolicyString &value, bool isAction, bool variables)
{
    CompiledPattern pattern;
    pattern.text = value.value;
    pattern.range = value.range;
    // Variables stand in Resource and NotResource only, never in actions; a variable before the resource part of
    // the ARN is not replaced, and the pattern is literal text.
    if (variables && !isAction && value.value.find("${") != std::string::npos
        && !variableBeforeResourcePart(value.value)) {
        VariableTemplate parsed = VariableTemplate::parse(value.value);
        if (parsed.hasVariables()) {
            pattern.variables = std::move(parsed);
            return pattern;
        }
    }
    pattern.pattern = escapeLiteral(isAction ? toLower(value.value) : value.value);
    pattern.wildcard = hasWildcard(pattern.pattern);
    pattern.any = pattern.pattern.find_first_not_of('*') == std::string::npos && !pattern.pattern.empty();
    return pattern;
}

std::vector<CompiledPattern> compilePatterns(const StringList &list, bool isAction, bool variables)
{
    std::vector<CompiledPattern> out;
    out.reserve(list.values.size());
    for (const PolicyString &value : list.values)
        out.push_back(compilePattern(value, isAction, variables));
    return out;
}

// IAM User Guide, "AWS JSON policy elements: Principal": account ids and root ARNs stand for the account; role ARNs
// for the role and its sessions; user, session and federated-user ARNs for themselves; "a wildcard cannot match part
// of a principal name or ARN".
CompiledPrincipal compileAwsPrincipal(const PolicyString &value)
{
    CompiledPrincipal p;
    p.text = value.value;
    p.range = value.range;
    const std::string_view text = value.value;
    if (text == "*") {
        p.kind = CompiledPrincipal::Kind::Any;
        return p;
    }
    if (isAccountId(text)) {
        p.kind = CompiledPrincipal::Kind::Account;
        p.account = value.value;
        return p;
    }
    std::array<std::string_view, 6> fields;
    if (hasWildcard(text) || !splitArn(text, fields) || fields[0] != "arn" || !isAccountId(fields[4]))
        return p;
    p.partition = std::string(fields[1]);
    p.account = std::string(fields[4]);
    const std::string_view resource = fields[5];
    if (fields[2] == "iam" && resource == "root") {
        p.kind = CompiledPrincipal::Kind::Account;
    } else if (fields[2] == "iam" && resource.rfind("role/", 0) == 0 && resource.size() > 5) {
        p.kind = CompiledPrincipal::Kind::Role;
        p.value = std::string(resource.substr(resource.rfind('/') + 1));
    } else {
        p.kind = CompiledPrincipal::Kind::Exact;
        p.value = value.value;
    }
    return p;
}

void compilePrincipals(const PrincipalBlock &block, std::vector<CompiledPrincipal> &out)
{
    if (block.isString) {
        CompiledPrincipal p;
        p.text = block.wildcard.value;
        p.range = block.wildcard.range;
        p.kind = block.wildcard.value == "*" ? CompiledPrincipal::Kind::Any : CompiledPrincipal::Kind::Nothing;
        out.push_back(std::move(p));
        return;
    }
    for (const PrincipalEntry &entry : block.entries) {
        for (const PolicyString &value : entry.values.values) {
            if (entry.type.value == "AWS") {
                out.push_back(compileAwsPrincipal(value));
                continue;
            }
            CompiledPrincipal p;
            p.text = value.value;
            p.range = value.range;
            if (entry.type.value == "Service")
                p.kind = CompiledPrincipal::Kind::Service;
            else if (entry.type.value == "Federated")
                p.kind = CompiledPrincipal::Kind::Provider;
            else if (entry.type.value == "CanonicalUser")
                p.kind = CompiledPrincipal::Kind::CanonicalUser;
            if (p.kind != CompiledPrincipal::Kind::CanonicalUser)
                p.value = toLower(value.value);
            else
                p.value = value.value;
            if (value.value == "*" && p.kind != CompiledPrincipal::Kind::Nothing)
                p.kind = CompiledPrincipal::Kind::Any;
            out.push_back(std::move(p));
        }
    }
}

std::optional<bool> parseBool(std::string_view text)
{
    if (equalsIgnoreCase(text, "true"))
        return true;
    if (equalsIgnoreCase(text, "false"))
        return false;
    return std::nullopt;
}

CompiledConditionValue compileConditionValue(const ConditionValue &written, ConditionOperator op, bool variables)
{
    CompiledConditionValue value;
    value.text = written.text;
    value.range = written.range;
    if (variables && acceptsPolicyVariables(op) && written.text.find("${") != std::string::npos) {
        VariableTemplate parsed = VariableTemplate::parse(written.text);
        if (parsed.hasVariables()) {
            value.variables = std::move(parsed);
            return value;
        }
    }
    switch (conditionFamily(op)) {
    case ConditionFamily::String:
        value.prepared = op == ConditionOperator::StringLike || op == ConditionOperator::StringNotLike
            ? escapeLiteral(written.text)
            : written.text;
        break;
    case ConditionFamily::Arn:
        value.prepared = escapeLiteral(written.text);
        break;
    case ConditionFamily::Numeric: {
        const std::optional<double> number = parseDecimal(written.text);
        value.valid = number.has_value();
        value.number = number.value_or(0);
        break;
    }
    case ConditionFamily::Date: {
        const std::optional<double> date = parseDateTime(written.text);
        value.valid = date.has_value();
        value.number = date.value_or(0);
        break;
    }
    case ConditionFamily::Bool:
    case ConditionFamily::Null: {
        const std::optional<bool> flag = parseBool(written.text);
        value.valid = flag.has_value();
        value.number = flag.value_or(false) ? 1 : 0;
        break;
    }
    case ConditionFamily::Binary:
        if (!base64Decode(written.text, value.prepared))
            value.prepared = written.text;
        break;
    case ConditionFamily::IpAddress:
        value.ip = IpRange::parse(written.text);
        value.valid = value.ip.has_value();
        break;
    }
    return value;
}

void compileConditions(const ConditionBlock &block, bool variables, CompiledStatement &statement)
{
    for (const ConditionClause &clause : block.clauses) {
        const std::optional<ConditionOperatorSpec> spec = parseConditionOperator(clause.op.value);
        if (!spec) {
            if (statement.problem.empty())
                statement.problem = "unknown condition operator `" + clause.op.value + "`";
            continue;
        }
        for (const ConditionEntry &entry : clause.entries) {
            CompiledCondition condition;
            condition.spec = *spec;
            condition.operatorText = clause.op.value;
            condition.operatorRange = clause.op.range;
            condition.key = toLower(entry.key.value);
            condition.keyText = entry.key.value;
            condition.keyRange = entry.key.range;
            condition.values.reserve(entry.values.size());
            for (const ConditionValue &written : entry.values)
                condition.values.push_back(compileConditionValue(written, spec->op, variables));
            statement.conditions.push_back(std::move(condition));
        }
    }
}

// The first value of a statement that is too long to match safely, or nullptr.
const std::string *overlongValue(const CompiledStatement &statement)
{
    for (const auto *patterns : { &statement.actions, &statement.resources }) {
        for (const CompiledPattern &pattern : *patterns) {
            if (pattern.text.size() > kMaxMatchedValueBytes)
                return &pattern.text;
        }
    }
    for (const CompiledPrincipal &principal : statement.principals) {
        if (principal.text.size() > kMaxMatchedValueBytes)
            return &principal.text;
    }
    for (const CompiledCondition &condition : statement.conditions) {
        for (const CompiledConditionValue &value : condition.values) {
            if (value.text.size() > kMaxMatchedValueBytes)
                return &value.text;
        }
    }
    return nullptr;
}

} // namespace

CompiledPolicy CompiledPolicy::compile(const Policy &policy, std::string name)
{
    CompiledPolicy compiled;
    compiled.m_name = std::move(name);
    const bool variables = variablesEnabled(policy);
    compiled.m_statements.reserve(policy.statements.size());
    for (std::size_t i = 0; i < policy.statements.size(); ++i) {
        const Statement &source = policy.statements[i];
        CompiledStatement statement;
        statement.index = i;
        statement.range = source.range;
        if (source.sid)
            statement.sid = source.sid->value;
        statement.effect = source.effectValue();
        if (!statement.effect)
            statement.problem = source.effect ? "the Effect `" + source.effect->value + "` is neither Allow nor Deny"
                                              : "the statement has no Effect";
        if (source.action) {
            statement.actionMode = ElementMode::Positive;
            statement.actions = compilePatterns(*source.action, true, false);
            statement.actionRange = source.action->range;
        } else if (source.notAction) {
            statement.actionMode = ElementMode::Negative;
            statement.actions = compilePatterns(*source.notAction, true, false);
            statement.actionRange = source.notAction->range;
        } else if (statement.problem.empty()) {
            statement.problem = "the statement has neither Action nor NotAction";
        }
        if (source.resource) {
            statement.resourceMode = ElementMode::Positive;
            statement.resources = compilePatterns(*source.resource, false, variables);
            statement.resourceRange = source.resource->range;
        } else if (source.notResource) {
            statement.resourceMode = ElementMode::Negative;
            statement.resources = compilePatterns(*source.notResource, false, variables);
            statement.resourceRange = source.notResource->range;
        }
        if (source.principal) {
            statement.principalMode = ElementMode::Positive;
            compilePrincipals(*source.principal, statement.principals);
            statement.principalRange = source.principal->range;
        } else if (source.notPrincipal) {
            statement.principalMode = ElementMode::Negative;
            compilePrincipals(*source.notPrincipal, statement.principals);
            statement.principalRange = source.notPrincipal->range;
        }
        if (source.condition)
            compileConditions(*source.condition, variables, statement);
        if (const std::string *overlong = overlongValue(statement); overlong && statement.problem.empty())
            statement.problem = "a value is " + std::to_string(overlong->size()) + " bytes long, more than the "
                + std::to_string(kMaxMatchedValueBytes) + " any AWS identifier can have";
        compiled.m_statements.push_back(std::move(statement));
    }
    return compiled;
}

std::vector<std::string> CompiledPolicy::problems() const
{
    std::vector<std::string> out;
    for (const CompiledStatement &statement : m_statements) {
        if (!statement.problem.empty())
            out.push_back("statement " + std::to_string(statement.index + 1)
                + (statement.sid.empty() ? std::string() : " (" + statement.sid + ")") + ": " + statement.problem);
    }
    return out;
}

} // namespace rd::core
