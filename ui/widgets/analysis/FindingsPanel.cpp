// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "FindingsPanel.h"

#include "document/FindingsModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace rd::ui
{

FindingsPanel::FindingsPanel(doc::FindingsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel)
    , m_table(new QTreeView)
{
    m_summary->setObjectName(QStringLiteral("findingsSummaryLabel"));
    m_table->setObjectName(QStringLiteral("findingsTreeView"));
    m_table->setModel(model);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(doc::FindingsModel::SeverityColumn, 150);
    m_table->setColumnWidth(doc::FindingsModel::CodeColumn, 300);
    m_table->setColumnWidth(doc::FindingsModel::WhereColumn, 170);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);

    connect(m_table, &QTreeView::activated, this, [this](const QModelIndex &index) {
        // A finding about the file as read has no policy of the role to show.
        if (index.data(doc::FindingsModel::FileRole).toString().isEmpty())
            Q_EMIT policyRequested(index.data(doc::FindingsModel::PolicyRole).toString());
        Q_EMIT findingActivated(index.row());
    });
    connect(model, &doc::FindingsModel::findingsChanged, this, &FindingsPanel::updateSummary);
    updateSummary();
}

QString FindingsPanel::summary() const
{
    return m_summary->text();
}

void FindingsPanel::updateSummary()
{
    using core::Severity;
    const int fromFile = m_model->fileFindingCount();
    const bool noRole = !m_model->role().isValid();
    if (noRole && fromFile == 0) {
        m_summary->setText(tr("Select a role to see its findings."));
        return;
    }
    if (m_model->findings().isEmpty()) {
        m_summary->setText(tr("No findings: the role passes every check."));
        return;
    }
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
    if (fromFile > 0) {
        text += fromFile == 1 ? tr(" (1 about the file as read, listed until the workspace is saved)")
                              : tr(" (%1 about the file as read, listed until the workspace is saved)").arg(fromFile);
    }
    if (noRole)
        text += tr(". Select a role to see its findings too.");
    else if (fromFile == m_model->findings().size())
        text += tr(". The role passes every check.");
    m_summary->setText(text);
}

} // namespace rd::ui
