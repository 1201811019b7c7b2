// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "evaluation/FastCaseReader.h"

#include "evaluation/CompiledPolicyCache.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/validation/PolicyValidator.h"

#include <algorithm>
#include <array>
#include <optional>
#include <simdjson.h>
#include <utility>
#include <vector>

namespace rd::core
{

namespace
{

namespace od = simdjson::ondemand;

static_assert(FastCaseReader::kPadding >= simdjson::SIMDJSON_PADDING);

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimEnd(std::string_view text)
{
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

/// The keys of one object so far: a repeated key is a DUPLICATE_KEYS error for the full reader. The first keys are
/// held in place: most objects of a case have a handful, and this runs for every one of them.
class KeySet
{
public:
    bool add(std::string_view key)
    {
        const std::string_view *begin = m_inPlace.data();
        const std::string_view *inPlace = begin + std::min(m_count, m_inPlace.size());
        if (std::find(begin, inPlace, key) != inPlace || std::find(m_more.begin(), m_more.end(), key) != m_more.end())
            return false;
        if (m_count < m_inPlace.size())
            m_inPlace.at(m_count) = key;
        else
            m_more.push_back(key);
        ++m_count;
        return true;
    }

private:
    std::array<std::string_view, 16> m_inPlace {};
    std::size_t m_count = 0;
    std::vector<std::string_view> m_more;
};

/// Iterates the members of an object, refusing duplicate keys; `visit(key, value)` returns false to decline.
template <typename Visit> bool forEachMember(od::object &object, Visit &&visit)
{
    KeySet keys;
    for (auto result : object) {
        od::field field;
        std::string_view key;
        if (std::move(result).get(field) || field.unescaped_key().get(key) || !keys.add(key))
            return false;
        od::value value = field.value();
        if (!visit(key, value))
            return false;
    }
    return true;
}

template <typename Visit> bool forEachElement(od::array &array, Visit &&visit)
{
    for (auto result : array) {
        od::value value;
        if (result.error())
            return false;
        value = result.value_unsafe();
        if (!visit(value))
            return false;
    }
    return true;
}

std::optional<od::json_type> typeOf(od::value &value)
{
    od::json_type type {};
    if (value.type().get(type))
        return std::nullopt;
    return type;
}

bool isNull(od::value &value)
{
    bool null = false;
    return !value.is_null().get(null) && null;
}

bool readString(od::value &value, std::string &out)
{
    std::string_view text;
    if (value.get_string().get(text))
        return false;
    out.assign(text);
    return true;
}

/// The text of an object value: from its `{` to its `}` as the structure says (the content is checked when it is
/// read on its own).
bool rawObject(od::value &value, std::string_view &out)
{
    od::object object;
    if (value.get_object().get(object) || object.raw_json().get(out))
        return false;
    out = trimEnd(out);
    return true;
}

// Policies, built as PolicyBuilder (PolicyParser.cpp) builds them from a JSON value when every element has the type
// the grammar requires; anything else is declined.

bool readStringList(od::value &value, StringList &out)
{
    const std::optional<od::json_type> type = typeOf(value);
    if (type == od::json_type::string) {
        PolicyString &s = out.values.emplace_back();
        return readString(value, s.value);
    }
    od::array array;
    if (type != od::json_type::array || value.get_array().get(array))
        return false;
    out.isArray = true;
    return forEachElement(array, [&](od::value &element) {
        PolicyString &s = out.values.emplace_back();
        return typeOf(element) == od::json_type::string && readString(element, s.value);
    });
}

bool readPrincipal(od::value &value, PrincipalBlock &out)
{
    const std::optional<od::json_type> type = typeOf(value);
    if (type == od::json_type::string) {
        out.isString = true;
        return readString(value, out.wildcard.value);
    }
    od::object object;
    if (type != od::json_type::object || value.get_object().get(object))
        return false;
    return forEachMember(object, [&](std::string_view key, od::value &entryValue) {
        PrincipalEntry &entry = out.entries.emplace_back();
        entry.type.value.assign(key);
        return readStringList(entryValue, entry.values);
    });
}

bool readConditionValue(od::value &value, std::vector<ConditionValue> &out)
{
    const std::optional<od::json_type> type = typeOf(value);
    if (!type)
        return false;
    ConditionValue &condition = out.emplace_back();
    switch (*type) {
    case od::json_type::string:
        return readString(value, condition.text);
    case od::json_type::boolean: {
        bool flag = false;
        if (value.get_bool().get(flag))
            return false;
        condition.kind = ConditionValue::Kind::Bool;
        condition.text = flag ? "true" : "false";
        return true;
    }
    case od::json_type::number: {
        // Kept as written, as the full reader keeps it; reading it as a double checks its syntax.
        const std::string_view literal = trimEnd(value.raw_json_token());
        double number = 0;
        if (value.get_double().get(number))
            return false;
        condition.kind = ConditionValue::Kind::Number;
        condition.text.assign(literal);
        return true;
    }
    default:
        return false;
    }
}

bool readCondition(od::value &value, ConditionBlock &out)
{
    od::object operators;
    if (value.get_object().get(operators))
        return false;
    return forEachMember(operators, [&](std::string_view op, od::value &opValue) {
        ConditionClause &clause = out.clauses.emplace_back();
        clause.op.value.assign(op);
        od::object keys;
        if (opValue.get_object().get(keys))
            return false;
        return forEachMember(keys, [&](std::string_view key, od::value &keyValue) {
            ConditionEntry &entry = clause.entries.emplace_back();
            entry.key.value.assign(key);
            if (typeOf(keyValue) != od::json_type::array)
                return readConditionValue(keyValue, entry.values);
            entry.isArray = true;
            od::array values;
            if (keyValue.get_array().get(values))
                return false;
            return forEachElement(
                values, [&](od::value &element) { return readConditionValue(element, entry.values); });
        });
    });
}

template <typename T> bool setElement(Statement &statement, StatementElement element, std::optional<T> &field, T value)
{
    statement.order.push_back(ElementSlot { element, {} });
    field = std::move(value);
    return true;
}

bool readStatement(od::value &value, Statement &statement)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    return forEachMember(object, [&](std::string_view key, od::value &element) {
        if (key == "Sid" || key == "Effect") {
            PolicyString s;
            if (typeOf(element) != od::json_type::string || !readString(element, s.value))
                return false;
            return key == "Sid" ? setElement(statement, StatementElement::Sid, statement.sid, std::move(s))
                                : setElement(statement, StatementElement::Effect, statement.effect, std::move(s));
        }
        if (key == "Action" || key == "NotAction" || key == "Resource" || key == "NotResource") {
            StringList list;
            if (!readStringList(element, list))
                return false;
            if (key == "Action")
                return setElement(statement, StatementElement::Action, statement.action, std::move(list));
            if (key == "NotAction")
                return setElement(statement, StatementElement::NotAction, statement.notAction, std::move(list));
            if (key == "Resource")
                return setElement(statement, StatementElement::Resource, statement.resource, std::move(list));
            return setElement(statement, StatementElement::NotResource, statement.notResource, std::move(list));
        }
        if (key == "Principal" || key == "NotPrincipal") {
            PrincipalBlock block;
            if (!readPrincipal(element, block))
                return false;
            return key == "Principal"
                ? setElement(statement, StatementElement::Principal, statement.principal, std::move(block))
                : setElement(statement, StatementElement::NotPrincipal, statement.notPrincipal, std::move(block));
        }
        if (key == "Condition") {
            ConditionBlock block;
            if (typeOf(element) != od::json_type::object || !readCondition(element, block))
                return false;
            return setElement(statement, StatementElement::Condition, statement.condition, std::move(block));
        }
        return false;
    });
}

bool readPolicy(od::object &root, Policy &policy)
{
    return forEachMember(root, [&](std::string_view key, od::value &value) {
        if (key == "Version" || key == "Id") {
            PolicyString s;
            if (typeOf(value) != od::json_type::string || !readString(value, s.value))
                return false;
            policy.order.push_back(
                PolicyElementSlot { key == "Version" ? PolicyElement::Version : PolicyElement::Id, {} });
            (key == "Version" ? policy.version : policy.id) = std::move(s);
            return true;
        }
        if (key != "Statement")
            return false;
        const std::optional<od::json_type> type = typeOf(value);
        if (type == od::json_type::object) {
            policy.statementForm = StatementForm::Object;
            if (!readStatement(value, policy.statements.emplace_back()))
                return false;
        } else if (type == od::json_type::array) {
            policy.statementForm = StatementForm::Array;
            policy.statements.reserve(4);
            od::array statements;
            if (value.get_array().get(statements))
                return false;
            if (!forEachElement(statements, [&](od::value &element) {
                    return typeOf(element) == od::json_type::object
                        && readStatement(element, policy.statements.emplace_back());
                }))
                return false;
        } else {
            return false;
        }
        policy.order.push_back(PolicyElementSlot { PolicyElement::Statement, {} });
        return true;
    });
}

/// Opens `text` (with `capacity` readable bytes) as a document whose root is an object.
bool openObject(od::parser &parser, std::string_view text, std::size_t capacity, od::document &doc, od::object &root)
{
    return !parser.iterate(text.data(), text.size(), capacity).get(doc) && !doc.get_object().get(root);
}

/// After the root object was read to its end: true when nothing follows it (On Demand does not look past the root's
/// closing brace by itself, so `{...}{...}` would pass).
bool endsAfterRoot(od::document &doc)
{
    const char *location = nullptr;
    return doc.current_location().get(location) == simdjson::OUT_OF_BOUNDS;
}

/// The texts of a case's policies, before the request says how to check the resource policy.
struct PolicyTexts {
    std::vector<std::string_view> identity;
    std::optional<std::string_view> resource;
    std::vector<std::string_view> boundaries;
    std::optional<std::string_view> session;
    std::vector<std::vector<std::string_view>> scps;
    std::vector<std::vector<std::string_view>> rcps;

    /// Empties the lists, keeping their buffers for the next case.
    void clear()
    {
        identity.clear();
        resource.reset();
        boundaries.clear();
        session.reset();
        scps.clear();
        rcps.clear();
    }
};

bool readPolicyList(od::value &value, std::vector<std::string_view> &out)
{
    if (isNull(value))
        return true;
    od::array array;
    if (value.get_array().get(array))
        return false;
    return forEachElement(array, [&](od::value &element) {
        std::string_view text;
        if (!rawObject(element, text))
            return false;
        out.push_back(text);
        return true;
    });
}

bool readPolicyLevels(od::value &value, std::vector<std::vector<std::string_view>> &out)
{
    if (isNull(value))
        return true;
    od::array levels;
    if (value.get_array().get(levels))
        return false;
    return forEachElement(levels, [&](od::value &level) {
        std::vector<std::string_view> &policies = out.emplace_back();
        return typeOf(level) == od::json_type::array && readPolicyList(level, policies);
    });
}

bool readOptionalPolicy(od::value &value, std::optional<std::string_view> &out)
{
    if (isNull(value))
        return true;
    std::string_view text;
    if (!rawObject(value, text))
        return false;
    out = text;
    return true;
}

bool readRequest(od::value &value, Request &request)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    bool principal = false;
    bool action = false;
    bool resource = false;
    const bool read = forEachMember(object, [&](std::string_view key, od::value &field) {
        if (key == "principal")
            return principal = typeOf(field) == od::json_type::string && readString(field, request.principal);
        if (key == "action")
            return action = typeOf(field) == od::json_type::string && readString(field, request.action);
        if (key == "resource")
            return resource = typeOf(field) == od::json_type::string && readString(field, request.resource);
        if (key == "resourceAccount")
            return isNull(field) || readString(field, request.resourceAccount);
        if (key != "context")
            return false;
        if (typeOf(field) == od::json_type::null)
            return isNull(field);
        od::object context;
        if (field.get_object().get(context))
            return false;
        return forEachMember(context, [&](std::string_view contextKey, od::value &contextValue) {
            std::vector<std::string> values;
            const std::optional<od::json_type> type = typeOf(contextValue);
            if (type == od::json_type::string) {
                if (!readString(contextValue, values.emplace_back()))
                    return false;
            } else if (type == od::json_type::array) {
                od::array array;
                if (contextValue.get_array().get(array) || !forEachElement(array, [&](od::value &element) {
                        return typeOf(element) == od::json_type::string && readString(element, values.emplace_back());
                    }))
                    return false;
            } else {
                return false;
            }
            request.context.set(contextKey, std::move(values), type == od::json_type::array);
            return true;
        });
    });
    return read && principal && action && resource
        && (request.resourceAccount.empty() || isAccountId(request.resourceAccount));
}

} // namespace

struct FastCaseReader::State {
    od::parser parser;
    CompiledPolicyCache cache;
    PolicyTexts texts;

    /// The policy of `text` as `kind`, from the cache or read, checked and compiled now; nullptr to decline.
    std::shared_ptr<const CompiledPolicy> compile(
        std::string_view text, PolicyKind kind, std::string_view line, std::size_t capacity)
    {
        const CompiledPolicyCache::Key key = CompiledPolicyCache::key(kind, text);
        if (std::shared_ptr<const CompiledPolicy> cached = cache.find(key))
            return cached;
        od::document doc;
        od::object root;
        Policy policy;
        const auto offset = static_cast<std::size_t>(text.data() - line.data());
        if (!openObject(parser, text, capacity - offset, doc, root) || !readPolicy(root, policy) || !endsAfterRoot(doc))
            return nullptr;
        for (const Diagnostic &d : validateGrammar(policy, kind)) {
            if (d.severity == Severity::Error)
                return nullptr;
        }
        auto compiled = std::make_shared<const CompiledPolicy>(CompiledPolicy::compile(policy, {}));
        if (!compiled->problems().empty())
            return nullptr;
        cache.insert(key, compiled);
        return compiled;
    }
};

FastCaseReader::FastCaseReader()
    : m_state(std::make_unique<State>())
{
}

FastCaseReader::~FastCaseReader() = default;

std::size_t FastCaseReader::cachedPolicies() const
{
    return m_state->cache.size();
}

bool FastCaseReader::read(std::string_view line, std::size_t capacity, BatchCase &out)
{
    State &state = *m_state;
    PolicyTexts &texts = state.texts;
    texts.clear();
    od::document doc;
    od::object root;
    if (!openObject(state.parser, line, capacity, doc, root))
        return false;
    bool hasRequest = false;
    Request request;
    const bool read = forEachMember(root, [&](std::string_view key, od::value &value) {
        if (key == "id")
            return typeOf(value) == od::json_type::string && readString(value, out.id) && !out.id.empty();
        if (key == "request")
            return hasRequest = readRequest(value, request);
        if (key == "identityPolicies")
            return readPolicyList(value, texts.identity);
        if (key == "resourcePolicy")
            return readOptionalPolicy(value, texts.resource);
        if (key == "permissionBoundaries")
            return readPolicyList(value, texts.boundaries);
        if (key == "sessionPolicy")
            return readOptionalPolicy(value, texts.session);
        if (key == "scps")
            return readPolicyLevels(value, texts.scps);
        if (key == "rcps")
            return readPolicyLevels(value, texts.rcps);
        if (key == "expected") {
            if (isNull(value))
                return true;
            std::string_view name;
            if (value.get_string().get(name))
                return false;
            out.expected = decisionFromName(name);
            return out.expected.has_value();
        }
        if (key == "rule" || key == "description") {
            std::string ignored;
            return isNull(value) || readString(value, ignored);
        }
        return false;
    });
    if (!read || !endsAfterRoot(doc) || !hasRequest || out.id.empty() || texts.boundaries.size() > 1)
        return false;
    const PreparedRequest &prepared = out.request.emplace(std::move(request));
    if (!prepared.ok())
        return false;
    auto add = [&](std::string_view text, PolicyKind kind) -> const CompiledPolicy * {
        std::shared_ptr<const CompiledPolicy> compiled = state.compile(text, kind, line, capacity);
        if (!compiled)
            return nullptr;
        return out.policies.emplace_back(std::move(compiled)).get();
    };
    auto addAll = [&](const std::vector<std::string_view> &list, PolicyKind kind,
                      std::vector<const CompiledPolicy *> &into) {
        return std::all_of(list.begin(), list.end(), [&](std::string_view text) {
            const CompiledPolicy *compiled = add(text, kind);
            into.push_back(compiled);
            return compiled != nullptr;
        });
    };
    auto addLevels = [&](const std::vector<std::vector<std::string_view>> &levels, PolicyKind kind,
                         std::vector<std::vector<const CompiledPolicy *>> &into) {
        return std::all_of(levels.begin(), levels.end(),
            [&](const std::vector<std::string_view> &level) { return addAll(level, kind, into.emplace_back()); });
    };
    PolicySet &set = out.set;
    if (!addAll(texts.identity, PolicyKind::Identity, set.identity))
        return false;
    if (texts.resource) {
        set.resource = add(*texts.resource, prepared.isTrustPolicyAction() ? PolicyKind::Trust : PolicyKind::Resource);
        if (!set.resource)
            return false;
    }
    if (!texts.boundaries.empty()) {
        set.boundary = add(texts.boundaries.front(), PolicyKind::Identity);
        if (!set.boundary)
            return false;
    }
    if (texts.session) {
        const CompiledPolicy *session = add(*texts.session, PolicyKind::Identity);
        if (!session)
            return false;
        set.session.push_back(session);
    }
    return addLevels(texts.scps, PolicyKind::ServiceControl, set.scps)
        && addLevels(texts.rcps, PolicyKind::ResourceControl, set.rcps);
}

} // namespace rd::core
