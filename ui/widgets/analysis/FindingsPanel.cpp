// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "FindingsPanel.h"

#include "document/FindingsModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace rd::ui
{

FindingsPanel::FindingsPanel(doc::FindingsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel)
    , m_scope(new QComboBox)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTreeView)
{
    using Column = doc::FindingsModel::Column;
    m_summary->setObjectName(QStringLiteral("findingsSummaryLabel"));
    m_summary->setWordWrap(true);
    m_scope->setObjectName(QStringLiteral("findingsScopeCombo"));
    m_scope->addItem(tr("Selected role"));
    m_scope->addItem(tr("Whole workspace"));
    m_scope->setToolTip(tr("Show the findings of the selected role, or of every role of the workspace"));
    m_scope->setWhatsThis(tr("<b>Selected role</b> lists the findings of the role shown in the editors, as you type. "
                             "<b>Whole workspace</b> lists those of every role, kept up to date after each "
                             "change; sort by the Role column to group them."));

    m_sorted->setSourceModel(model);
    m_sorted->setSortRole(doc::FindingsModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_sorted->setDynamicSortFilter(true);
    m_table->setObjectName(QStringLiteral("findingsTreeView"));
    m_table->setModel(m_sorted);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(true);
    // The model's order (most severe first, in text order) until a header is clicked.
    m_table->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_sorted->sort(-1);
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setSectionResizeMode(QHeaderView::Interactive);
    // Wide enough for what the columns hold at the panel's usual width; the message takes the rest.
    const QFontMetrics metrics = fontMetrics();
    m_table->setColumnWidth(Column::SeverityColumn, metrics.horizontalAdvance(tr("Security warning")) + 44);
    m_table->setColumnWidth(Column::RoleColumn, metrics.horizontalAdvance(QStringLiteral("LambdaLogWriter-prod")) + 16);
    m_table->setColumnWidth(
        Column::CodeColumn, metrics.horizontalAdvance(QStringLiteral("MISSING_GITHUB_REPO_CONDITION")) + 16);
    m_table->setColumnWidth(
        Column::WhereColumn, metrics.horizontalAdvance(tr("inline policy AppRuntime, line 12")) + 16);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_scope);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table);

    connect(m_table, &QTreeView::activated, this, [this](const QModelIndex &index) {
        // A finding about the file as read has no policy of the role to show.
        if (index.data(doc::FindingsModel::FileRole).toString().isEmpty())
            Q_EMIT policyRequested(index.data(doc::FindingsModel::PolicyRole).toString());
        Q_EMIT findingActivated(m_sorted->mapToSource(index).row());
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this](int index) {
        QSettings().setValue(QStringLiteral("findings/wholeWorkspace"), index == 1);
        applyScope();
    });
    connect(model, &doc::FindingsModel::findingsChanged, this, &FindingsPanel::updateSummary);
    m_scope->setCurrentIndex(QSettings().value(QStringLiteral("findings/wholeWorkspace"), false).toBool() ? 1 : 0);
    applyScope();
}

void FindingsPanel::applyScope()
{
    const bool workspace = m_scope->currentIndex() == 1;
    m_model->setScope(workspace ? doc::FindingsModel::Scope::Workspace : doc::FindingsModel::Scope::SelectedRole);
    m_table->setColumnHidden(doc::FindingsModel::RoleColumn, !workspace);
    updateSummary();
}

QString FindingsPanel::summary() const
{
    return m_summary->text();
}

void FindingsPanel::updateSummary()
{
    using core::Severity;
    const bool workspace = m_model->scope() == doc::FindingsModel::Scope::Workspace;
    const int fromFile = m_model->fileFindingCount();
    const bool noRole = !m_model->role().isValid();
    QStringList parts;
    auto add = [&](Severity severity, const QString &one, const QString &many) {
        const int n = m_model->count(severity);
        if (n > 0)
            parts << (n == 1 ? one : many.arg(n));
    };
    add(Severity::Error, tr("1 error"), tr("%1 errors"));
    add(Severity::SecurityWarning, tr("1 security warning"), tr("%1 security warnings"));
    add(Severity::Warning, tr("1 warning"), tr("%1 warnings"));
    add(Severity::Suggestion, tr("1 suggestion"), tr("%1 suggestions"));
    QString text = parts.join(QStringLiteral(", "));
    // The file's findings stay whichever role is selected, until the workspace is saved or replaced: say which they
    // are.
    QString fileNote;
    if (fromFile > 0) {
        fileNote = fromFile == 1
            ? tr(" (1 about the file as read, listed until the workspace is saved)")
            : tr(" (%1 about the file as read, listed until the workspace is saved)").arg(fromFile);
    }

    if (workspace) {
        const int roles = m_model->roleCount();
        if (roles == 0 && m_model->isBusy()) {
            m_summary->setText(tr("Checking every role of the workspace…"));
            return;
        }
        if (m_model->findings().isEmpty()) {
            m_summary->setText(roles == 1 ? tr("No findings: the role passes every check.")
                                          : tr("No findings: all %1 roles pass every check.").arg(roles));
        } else {
            const int with = m_model->rolesWithFindings();
            text += fileNote;
            if (with > 0)
                text += (roles == 1 ? tr(", in the workspace's role") : tr(", in %1 of %2 roles").arg(with).arg(roles));
            m_summary->setText(text + (m_model->isBusy() ? tr(" (checking again…)") : QString()));
        }
        return;
    }
    if (noRole && fromFile == 0) {
        m_summary->setText(tr("Select a role to see its findings."));
        return;
    }
    if (m_model->findings().isEmpty()) {
        m_summary->setText(tr("No findings: the role passes every check."));
        return;
    }
    text += fileNote;
    if (noRole)
        text += tr(". Select a role to see its findings too.");
    else if (fromFile == m_model->findings().size())
        text += tr(". The role passes every check.");
    m_summary->setText(text);
}

} // namespace rd::ui
