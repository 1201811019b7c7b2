// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "FindingsModel.h"

#include "StringConversion.h"
#include "WorkspaceDocument.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/RoleValidator.h"

#include <QColor>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace rd::doc
{

namespace
{

QString severityText(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Error:
        return FindingsModel::tr("Error");
    case core::Severity::SecurityWarning:
        return FindingsModel::tr("Security warning");
    case core::Severity::Warning:
        return FindingsModel::tr("Warning");
    case core::Severity::Suggestion:
        return FindingsModel::tr("Suggestion");
    }
    return {};
}

// Colours that read on light and dark palettes alike.
QColor severityColor(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case core::Severity::SecurityWarning:
        return QColor(0xe6, 0x51, 0x00);
    case core::Severity::Warning:
        return QColor(0xf9, 0xa8, 0x25);
    case core::Severity::Suggestion:
        return QColor(0x19, 0x76, 0xd2);
    }
    return {};
}

/// Appends what the validator found about `role`, in the validator's order: the role, its trust policy, its inline
/// policies.
void appendRoleFindings(QList<FindingsModel::Finding> &out, core::RoleFindings found, const core::Role &role)
{
    const QString roleName = toQString(role.name);
    auto add = [&](core::Diagnostic &d, QString policy) {
        out.append(FindingsModel::Finding { std::move(d), std::move(policy), QString(), role.id, roleName });
    };
    for (core::Diagnostic &d : found.role)
        add(d, QString());
    for (core::Diagnostic &d : found.trustPolicy)
        add(d, QStringLiteral("trust"));
    for (auto &[name, diagnostics] : found.inlinePolicies) {
        for (core::Diagnostic &d : diagnostics)
            add(d, toQString(name));
    }
}

// The workspace scope puts its list together again this long after an edit: typing does not rebuild a list of
// thousands of findings per key.
constexpr int kRebuildDelayMs = 150;
// A slice of the workspace scope's sweep keeps the GUI thread at most this long.
constexpr qint64 kSliceMs = 8;

} // namespace

FindingsModel::FindingsModel(WorkspaceDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_sweepTimer(new QTimer(this))
    , m_rebuildTimer(new QTimer(this))
{
    m_sweepTimer->setSingleShot(true);
    m_sweepTimer->setInterval(0);
    connect(m_sweepTimer, &QTimer::timeout, this, &FindingsModel::sweepSlice);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(kRebuildDelayMs);
    connect(m_rebuildTimer, &QTimer::timeout, this, &FindingsModel::rebuild);

    connect(document, &WorkspaceDocument::workspaceReset, this, [this] {
        m_role = {};
        if (m_scope == Scope::Workspace)
            startSweep();
        rebuild();
    });
    // Any role edit can change the selected role's findings (a duplicate name is a finding of both roles).
    connect(document, &WorkspaceDocument::roleChanged, this, [this](core::RoleId id) {
        if (m_scope == Scope::SelectedRole) {
            if (m_role.isValid())
                rebuild();
            return;
        }
        revalidate({ id }, {});
        scheduleRebuild();
    });
    connect(document, &WorkspaceDocument::rolesChanged, this, [this] {
        if (m_scope == Scope::SelectedRole) {
            if (m_role.isValid())
                rebuild();
            return;
        }
        onRolesAddedOrRemoved();
        scheduleRebuild();
    });
    connect(document, &WorkspaceDocument::policyTextChanged, this, [this](core::RoleId id) {
        if (id != m_role)
            return;
        if (m_scope == Scope::SelectedRole)
            rebuild();
        else
            scheduleRebuild();
    });
    connect(document, &WorkspaceDocument::loadFindingsChanged, this, &FindingsModel::rebuild);
}

FindingsModel::~FindingsModel() = default;

void FindingsModel::setRole(core::RoleId id)
{
    m_role = id;
    // The other roles' findings have not changed: only the selected role's are validated again.
    rebuild();
}

void FindingsModel::setScope(Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    if (scope == Scope::Workspace) {
        startSweep();
    } else {
        m_sweepTimer->stop();
        m_rebuildTimer->stop();
        m_sweeping = false;
        m_names.reset();
        m_byRole.clear();
        m_nameKeys.clear();
    }
    rebuild();
}

void FindingsModel::refresh()
{
    if (m_scope == Scope::Workspace)
        startSweep();
    rebuild();
}

int FindingsModel::roleCount() const
{
    return m_scope == Scope::Workspace ? static_cast<int>(m_document->workspace().roles.size()) : 0;
}

int FindingsModel::rolesWithFindings() const
{
    std::unordered_set<std::uint64_t> roles;
    for (const Finding &f : m_findings) {
        if (f.role.isValid())
            roles.insert(f.role.value);
    }
    return static_cast<int>(roles.size());
}

bool FindingsModel::waitForCurrent(int timeoutMs)
{
    if (!isBusy())
        return true;
    QEventLoop loop;
    connect(this, &FindingsModel::findingsChanged, &loop, [this, &loop] {
        if (!isBusy())
            loop.quit();
    });
    if (timeoutMs >= 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return !isBusy();
}

void FindingsModel::scheduleRebuild()
{
    if (!m_sweeping)
        m_rebuildTimer->start();
}

void FindingsModel::startSweep()
{
    m_byRole.clear();
    m_nameKeys.clear();
    m_names.reset();
    m_rebuildTimer->stop();
    m_sweepNext = 0;
    m_sweeping = true;
    m_sweepTimer->start();
}

void FindingsModel::sweepSlice()
{
    const core::Workspace &workspace = m_document->workspace();
    // Built once per sweep (the roles by name, so that the whole sweep takes linear time), again after an edit.
    if (!m_names)
        m_names = std::make_unique<core::RoleNameIndex>(workspace);
    QElapsedTimer clock;
    clock.start();
    while (m_sweepNext < workspace.roles.size() && clock.elapsed() < kSliceMs) {
        const core::Role &role = workspace.roles[m_sweepNext++];
        QList<Finding> found;
        appendRoleFindings(found, core::validateRole(role, *m_names), role);
        m_nameKeys[role.id.value] = core::RoleNameIndex::key(role);
        if (found.isEmpty())
            m_byRole.remove(role.id.value);
        else
            m_byRole.insert(role.id.value, std::move(found));
    }
    if (m_sweepNext < workspace.roles.size()) {
        m_sweepTimer->start();
        return;
    }
    m_sweeping = false;
    m_names.reset();
    rebuild();
}

void FindingsModel::revalidate(const std::vector<core::RoleId> &ids, std::vector<std::string> keys)
{
    const core::Workspace &workspace = m_document->workspace();
    // The index refers to roles by position and name: a sweep under way builds it again.
    m_names.reset();
    std::unordered_set<std::uint64_t> wanted;
    for (core::RoleId id : ids) {
        wanted.insert(id.value);
        // The name it had: the roles that shared it may no longer be duplicates.
        if (const auto it = m_nameKeys.find(id.value); it != m_nameKeys.end())
            keys.push_back(it->second);
    }
    for (const core::Role &role : workspace.roles) {
        if (wanted.contains(role.id.value))
            keys.push_back(core::RoleNameIndex::key(role));
    }
    const std::unordered_set<std::string> affected(keys.begin(), keys.end());
    for (const core::Role &role : workspace.roles) {
        std::string key = core::RoleNameIndex::key(role);
        if (!wanted.contains(role.id.value) && !affected.contains(key))
            continue;
        QList<Finding> found;
        appendRoleFindings(found, core::validateRole(workspace, role), role);
        m_nameKeys[role.id.value] = std::move(key);
        if (found.isEmpty())
            m_byRole.remove(role.id.value);
        else
            m_byRole.insert(role.id.value, std::move(found));
    }
}

void FindingsModel::onRolesAddedOrRemoved()
{
    if (m_sweeping) {
        // Positions moved under the sweep: start it again.
        startSweep();
        return;
    }
    const core::Workspace &workspace = m_document->workspace();
    std::unordered_set<std::uint64_t> present;
    std::vector<core::RoleId> added;
    for (const core::Role &role : workspace.roles) {
        present.insert(role.id.value);
        if (!m_nameKeys.contains(role.id.value))
            added.push_back(role.id);
    }
    std::vector<std::string> removedKeys;
    for (auto it = m_nameKeys.begin(); it != m_nameKeys.end();) {
        if (present.contains(it->first)) {
            ++it;
            continue;
        }
        removedKeys.push_back(it->second);
        m_byRole.remove(it->first);
        it = m_nameKeys.erase(it);
    }
    revalidate(added, std::move(removedKeys));
}

QList<FindingsModel::Finding> FindingsModel::selectedRoleFindings() const
{
    QList<Finding> out;
    if (const core::Role *stored = m_document->workspace().role(m_role)) {
        // The policies are validated as read from the text the JSON editor shows, so that each finding's range
        // points into that text.
        core::Role role = *stored;
        auto withRanges = [&](core::Policy &policy, const PolicyRef &ref) {
            const QByteArray text = m_document->policyText(ref).toUtf8();
            core::ParseResult parsed = core::parsePolicy(std::string_view(text.constData(), std::size_t(text.size())));
            if (parsed.isUsable())
                policy = std::move(*parsed.policy);
        };
        withRanges(role.trustPolicy, PolicyRef { role.id, {} });
        for (core::InlinePolicy &p : role.inlinePolicies)
            withRanges(p.document, PolicyRef { role.id, p.name });
        core::RoleFindings found = core::validateRole(m_document->workspace(), role);
        // A text the JSON editor shows that does not read as a policy: why, with its line (the findings of the policy
        // are those of the last text that did read).
        auto unread = [&](const PolicyRef &ref, const QString &where) {
            const QByteArray text = m_document->unreadPolicyText(ref).toUtf8();
            if (text.isEmpty())
                return;
            core::ParseResult parsed = core::parsePolicy(std::string_view(text.constData(), std::size_t(text.size())));
            for (core::Diagnostic &d : parsed.diagnostics) {
                if (d.severity == core::Severity::Error)
                    out.append(Finding { std::move(d), where, QString(), role.id, toQString(role.name) });
            }
        };
        unread(PolicyRef { role.id, {} }, QStringLiteral("trust"));
        for (const core::InlinePolicy &p : role.inlinePolicies)
            unread(PolicyRef { role.id, p.name }, toQString(p.name));
        appendRoleFindings(out, std::move(found), role);
    }
    return out;
}

void FindingsModel::rebuild()
{
    beginResetModel();
    m_findings.clear();
    // What reading the file found is shown whichever role is selected: it is about the file, not one role.
    for (const WorkspaceDocument::LoadFinding &f : m_document->loadFindings())
        m_findings.append(Finding { f.diagnostic, QString(), f.path, {}, QString() });
    QList<Finding> selected = selectedRoleFindings();
    if (m_scope == Scope::SelectedRole) {
        m_findings.append(std::move(selected));
    } else {
        // Every role in the workspace's order, the selected one as its editors show it now.
        for (const core::Role &role : m_document->workspace().roles) {
            if (role.id == m_role) {
                m_findings.append(selected);
            } else if (const auto it = m_byRole.constFind(role.id.value); it != m_byRole.constEnd()) {
                m_findings.append(*it);
            }
        }
    }
    // Most severe first, in text order within a severity (a stable sort keeps the file's and the validator's order),
    // the file's findings before the role's.
    std::stable_sort(m_findings.begin(), m_findings.end(), [](const Finding &a, const Finding &b) {
        return static_cast<int>(a.diagnostic.severity) < static_cast<int>(b.diagnostic.severity);
    });
    endResetModel();
    Q_EMIT findingsChanged();
}

int FindingsModel::count(core::Severity severity) const
{
    return static_cast<int>(std::count_if(
        m_findings.begin(), m_findings.end(), [&](const Finding &f) { return f.diagnostic.severity == severity; }));
}

int FindingsModel::fileFindingCount() const
{
    return static_cast<int>(
        std::count_if(m_findings.begin(), m_findings.end(), [](const Finding &f) { return !f.file.isEmpty(); }));
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_findings.at(index.row());
    const core::Diagnostic &d = f.diagnostic;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(d.severity);
        case RoleColumn:
            return f.roleName;
        case CodeColumn:
            return toQString(d.code);
        case WhereColumn: {
            // A place in the file as read, as compilers name one: `account.json:12:5`.
            if (!f.file.isEmpty()) {
                const QString name = QFileInfo(f.file).fileName();
                return d.range.isValid()
                    ? QStringLiteral("%1:%2:%3").arg(name).arg(d.range.begin.line).arg(d.range.begin.column)
                    : name;
            }
            QString where = f.policy.isEmpty()       ? tr("role")
                : f.policy == QLatin1String("trust") ? tr("trust policy")
                                                     : tr("inline policy %1").arg(f.policy);
            if (d.range.isValid())
                where += tr(", line %1").arg(d.range.begin.line);
            return where;
        }
        case MessageColumn:
            return toQString(d.message);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return severityColor(d.severity);
        break;
    case Qt::ToolTipRole: {
        QString tip = toQString(d.code) + QStringLiteral(": ") + toQString(d.message)
            + (d.help.empty() ? QString() : QStringLiteral("\n") + toQString(d.help));
        if (!f.file.isEmpty())
            tip += QStringLiteral("\n") + tr("In %1 as it was read when opened").arg(QDir::toNativeSeparators(f.file));
        return tip;
    }
    case SeverityRole:
        return static_cast<int>(d.severity);
    case PolicyRole:
        return f.policy;
    case LearnMoreRole:
        return toQString(d.learnMoreUrl);
    case FileRole:
        return f.file;
    case RoleIdRole:
        return qulonglong(f.role.value);
    case SortRole:
        if (index.column() == SeverityColumn)
            return static_cast<int>(d.severity);
        // The file's findings before every role's.
        if (index.column() == RoleColumn)
            return f.file.isEmpty() ? f.roleName : QString();
        return data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RoleColumn:
        return tr("Role");
    case CodeColumn:
        return tr("Code");
    case WhereColumn:
        return tr("Where");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace rd::doc
