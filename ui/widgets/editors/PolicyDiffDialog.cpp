// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/PolicyDiffDialog.h"

#include "document/PolicyDiffModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui
{

PolicyDiffDialog::PolicyDiffDialog(QWidget *parent)
    : QDialog(parent)
    , m_model(new doc::PolicyDiffModel(this))
    , m_heading(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_table(new QTableView(this))
{
    setWindowTitle(tr("Compare Policies"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->hide();

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("policyDiffTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(doc::PolicyDiffModel::OldNumberColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(doc::PolicyDiffModel::OldTextColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(doc::PolicyDiffModel::NewNumberColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(doc::PolicyDiffModel::NewTextColumn, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addWidget(m_notes);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(1000, 640);
}

void PolicyDiffDialog::setComparison(const QString &heading, const QString &currentTitle, const QString &current,
    const QString &proposedTitle, const QString &proposed, const QString &applyText)
{
    m_heading->setText(heading);
    m_model->setTexts(currentTitle, current, proposedTitle, proposed);
    m_summary->setText(m_model->summary());
    m_apply->setText(applyText);
    m_apply->setEnabled(!m_model->diff().identical());
}

void PolicyDiffDialog::setNotes(const QStringList &notes)
{
    QStringList lines;
    for (const QString &note : notes)
        lines << QStringLiteral("• ") + note;
    m_notes->setText(lines.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
}

} // namespace rd::ui
