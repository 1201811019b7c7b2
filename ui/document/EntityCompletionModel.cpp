// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/EntityCompletionModel.h"

#include "document/AccountAnalysis.h"
#include "document/BackgroundPool.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/catalog/ServicePrincipals.h"
#include "rd/core/graph/AccessGraph.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace rd::doc
{

namespace
{

EntityCompletionModel::Kind kindOf(const core::GraphNode &node)
{
    using Kind = EntityCompletionModel::Kind;
    switch (node.kind) {
    case core::GraphNodeKind::User:
        return Kind::User;
    case core::GraphNodeKind::Group:
        return Kind::Group;
    case core::GraphNodeKind::Role:
        return Kind::Role;
    case core::GraphNodeKind::Account:
        return Kind::Account;
    case core::GraphNodeKind::Service:
        return Kind::Service;
    case core::GraphNodeKind::Provider:
        return Kind::Provider;
    case core::GraphNodeKind::Resource:
        break;
    }
    return node.modelled ? Kind::Resource : Kind::Pattern;
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return lowerAscii(c); });
    return out;
}

/// Whether `text` starts with `lower` (lower case), ASCII letters compared without case.
bool startsWithLower(std::string_view text, std::string_view lower)
{
    if (text.size() < lower.size())
        return false;
    for (std::size_t i = 0; i < lower.size(); ++i) {
        if (lowerAscii(text[i]) != lower[i])
            return false;
    }
    return true;
}

bool containsLower(std::string_view text, std::string_view lower)
{
    if (lower.empty())
        return true;
    for (std::size_t at = 0; at + lower.size() <= text.size(); ++at) {
        if (lowerAscii(text[at]) == lower.front() && startsWithLower(text.substr(at), lower))
            return true;
    }
    return false;
}

/// The names' order: case-insensitive (ASCII), then as written.
int compareNames(std::string_view a, std::string_view b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const char x = lowerAscii(a[i]);
        const char y = lowerAscii(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

/// The labels the workspace gives its external principals, by the key of their graph node (as the graph builder
/// makes them: an account's root ARN, a service principal or provider in lower case).
std::unordered_map<std::string, std::string> externalLabels(const core::Workspace &workspace)
{
    std::unordered_map<std::string, std::string> labels;
    for (const core::ExternalPrincipal &external : workspace.externalPrincipals) {
        if (external.name.empty())
            continue;
        if (external.kind == core::ExternalPrincipalKind::Account)
            labels.emplace("arn:aws:iam::" + external.identifier + ":root", external.name);
        else
            labels.emplace(lowerAscii(external.identifier), external.name);
    }
    return labels;
}

/// What people call a node: an account its id, a SAML or OIDC provider its name or host (what follows
/// `saml-provider/` or `oidc-provider/` in its ARN); the others their label (the entity's name, else the key).
std::string_view nameOf(const core::GraphNode &node)
{
    if (node.kind == core::GraphNodeKind::Account && !node.accountId.empty())
        return node.accountId;
    if (node.kind == core::GraphNodeKind::Provider) {
        const std::string_view key = node.key;
        for (const std::string_view type :
            { std::string_view(":saml-provider/"), std::string_view(":oidc-provider/") }) {
            if (const std::size_t at = key.find(type); at != std::string_view::npos)
                return key.substr(at + type.size());
        }
    }
    return node.label;
}

} // namespace

EntityCompletionModel::EntityCompletionModel(WorkspaceDocument *document)
    : QAbstractListModel(document)
    , m_document(document)
{
    connect(m_document->analysis(), &AccountAnalysis::modelChanged, this, &EntityCompletionModel::onModelChanged);
    onModelChanged();
}

EntityCompletionModel::~EntityCompletionModel() = default;

EntityCompletionModel::Kinds EntityCompletionModel::principalKinds()
{
    return Kind::User | Kind::Role | Kind::Account | Kind::Service | Kind::Provider;
}

EntityCompletionModel::Kinds EntityCompletionModel::resourceKinds()
{
    return Kind::Resource | Kind::Pattern | Kind::User | Kind::Group | Kind::Role;
}

void EntityCompletionModel::onModelChanged()
{
    const std::shared_ptr<const core::AccountModel> model = m_document->analysis()->model();
    std::shared_ptr<const core::AccessGraph> graph = model ? model->sharedGraph() : nullptr;
    // Graphs of successive revisions share their nodes until one of them adds or renames a node (AccessGraph): the
    // same nodes, the same rows. m_graph keeps the old nodes alive, so their address cannot have been reused.
    const bool sameNodes =
        graph && m_graph && &graph->nodes() == &m_graph->nodes() && graph->nodes().size() == m_graph->nodes().size();
    if (sameNodes) {
        releaseInBackground(std::exchange(m_graph, std::move(graph)));
        return;
    }
    beginResetModel();
    releaseInBackground(std::exchange(m_graph, std::move(graph)));
    m_entries.clear();
    m_entries.shrink_to_fit();
    m_built = false;
    endResetModel();
}

void EntityCompletionModel::ensureBuilt() const
{
    if (m_built)
        return;
    m_built = true;
    std::unordered_set<std::string_view> services;
    if (m_graph) {
        const std::unordered_map<std::string, std::string> labels = externalLabels(m_document->workspace());
        const std::vector<core::GraphNode> &nodes = m_graph->nodes();
        m_entries.reserve(nodes.size() + core::knownServicePrincipals().size());
        for (const core::GraphNode &node : nodes) {
            Entry entry;
            entry.kind = kindOf(node);
            entry.name = nameOf(node);
            entry.key = node.key;
            if (!labels.empty()) {
                if (const auto label = labels.find(node.key); label != labels.end())
                    entry.note = label->second;
            }
            if (node.kind == core::GraphNodeKind::Service)
                services.insert(node.key);
            m_entries.push_back(std::move(entry));
        }
    }
    for (const std::string &service : core::knownServicePrincipals()) {
        if (services.count(service))
            continue;
        Entry entry;
        entry.kind = Kind::KnownService;
        entry.name = service;
        entry.key = service;
        m_entries.push_back(std::move(entry));
    }
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        if (const int byName = compareNames(a.name, b.name); byName != 0)
            return byName < 0;
        if (a.kind != b.kind)
            return int(a.kind) < int(b.kind);
        return a.key < b.key;
    });
}

int EntityCompletionModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    ensureBuilt();
    return int(m_entries.size());
}

const EntityCompletionModel::Entry &EntityCompletionModel::entry(int row) const
{
    ensureBuilt();
    return m_entries.at(std::size_t(row));
}

QVariant EntityCompletionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return toQString(e.name);
    case Qt::EditRole:
    case KeyRole:
        return toQString(e.key);
    case Qt::ToolTipRole:
        return e.note.empty() ? toQString(e.key) : QStringLiteral("%1\n%2").arg(toQString(e.note), toQString(e.key));
    case KindRole:
        return int(e.kind);
    case KindNameRole:
        return kindName(e.kind);
    case NoteRole:
        return toQString(e.note);
    default:
        return {};
    }
}

bool EntityCompletionModel::looksLikeKey(const QString &text)
{
    return text.contains(QLatin1Char(':')) || text.contains(QLatin1Char('*'));
}

EntityCompletionModel::Match EntityCompletionModel::match(const Entry &entry, std::string_view lowerText, bool byKey)
{
    const std::string_view text = byKey ? entry.key : entry.name;
    if (startsWithLower(text, lowerText))
        return text.size() == lowerText.size() ? Match::Whole : Match::Start;
    if (containsLower(text, lowerText) || (!byKey && containsLower(entry.note, lowerText)))
        return Match::Inside;
    return Match::NoMatch;
}

EntityCompletionModel::Resolution EntityCompletionModel::resolve(const QString &text, Kinds kinds) const
{
    Resolution r;
    r.key = text.trimmed();
    if (r.key.isEmpty())
        return r;
    if (looksLikeKey(r.key)) {
        r.status = Resolution::Status::Key;
        return r;
    }
    ensureBuilt();
    const std::string name = toStdString(r.key);
    const auto first = std::lower_bound(m_entries.begin(), m_entries.end(), name,
        [](const Entry &entry, const std::string &n) { return compareNames(entry.name, n) < 0; });
    for (auto it = first; it != m_entries.end() && compareNames(it->name, name) == 0; ++it) {
        // Entries of one key (a role, and the pattern a statement writes with its ARN) are one answer.
        if (kinds.testFlag(it->kind) && !r.candidates.contains(toQString(it->key)))
            r.candidates << toQString(it->key);
    }
    if (r.candidates.isEmpty()) {
        r.status = Resolution::Status::Unknown;
    } else if (r.candidates.size() > 1) {
        r.status = Resolution::Status::Ambiguous;
    } else {
        r.status = Resolution::Status::Name;
        r.key = r.candidates.front();
    }
    return r;
}

QString EntityCompletionModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::User:
        return tr("user");
    case Kind::Group:
        return tr("group");
    case Kind::Role:
        return tr("role");
    case Kind::Account:
        return tr("account");
    case Kind::Service:
        return tr("service");
    case Kind::Provider:
        return tr("identity provider");
    case Kind::Resource:
        return tr("resource");
    case Kind::Pattern:
        return tr("pattern");
    case Kind::KnownService:
        return tr("AWS service");
    }
    return {};
}

} // namespace rd::doc
