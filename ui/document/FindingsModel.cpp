// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "FindingsModel.h"

#include "StringConversion.h"
#include "WorkspaceDocument.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/RoleValidator.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>

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

} // namespace

FindingsModel::FindingsModel(WorkspaceDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &WorkspaceDocument::workspaceReset, this, [this] { setRole({}); });
    // Any role edit can change this role's findings (a duplicate name is a finding of both roles).
    connect(document, &WorkspaceDocument::rolesChanged, this, [this] {
        if (m_role.isValid())
            refresh();
    });
    connect(document, &WorkspaceDocument::roleChanged, this, [this] {
        if (m_role.isValid())
            refresh();
    });
    connect(document, &WorkspaceDocument::policyTextChanged, this, [this](core::RoleId id) {
        if (id == m_role)
            refresh();
    });
    connect(document, &WorkspaceDocument::loadFindingsChanged, this, &FindingsModel::refresh);
}

void FindingsModel::setRole(core::RoleId id)
{
    m_role = id;
    refresh();
}

void FindingsModel::refresh()
{
    beginResetModel();
    m_findings.clear();
    // What reading the file found is shown whichever role is selected: it is about the file, not one role.
    for (const WorkspaceDocument::LoadFinding &f : m_document->loadFindings())
        m_findings.append(Finding { f.diagnostic, QString(), f.path });
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
                    m_findings.append(Finding { std::move(d), where, QString() });
            }
        };
        unread(PolicyRef { role.id, {} }, QStringLiteral("trust"));
        for (const core::InlinePolicy &p : role.inlinePolicies)
            unread(PolicyRef { role.id, p.name }, toQString(p.name));
        for (core::Diagnostic &d : found.role)
            m_findings.append(Finding { std::move(d), QString(), QString() });
        for (core::Diagnostic &d : found.trustPolicy)
            m_findings.append(Finding { std::move(d), QStringLiteral("trust"), QString() });
        for (auto &[name, diagnostics] : found.inlinePolicies) {
            for (core::Diagnostic &d : diagnostics)
                m_findings.append(Finding { std::move(d), toQString(name), QString() });
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
        QString tip = toQString(d.message) + (d.help.empty() ? QString() : QStringLiteral("\n") + toQString(d.help));
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
