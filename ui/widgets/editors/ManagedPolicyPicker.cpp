// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/ManagedPolicyPicker.h"

#include "document/ManagedPolicyListModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace rd::ui
{

using Model = doc::ManagedPolicyListModel;

ManagedPolicyPicker::ManagedPolicyPicker(
    const doc::WorkspaceDocument *document, const QStringList &attachedArns, QWidget *parent)
    : QDialog(parent)
    , m_model(new Model(document, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_quota(new QLabel(this))
    , m_attach(nullptr)
    , m_attachedCount(static_cast<int>(attachedArns.size()))
{
    setObjectName(QStringLiteral("managedPolicyPicker"));
    setWindowTitle(tr("Attach Managed Policies"));
    m_model->setMarkedArns(attachedArns);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(Model::SearchTextRole);
    m_proxy->setFilterKeyColumn(Model::NameColumn);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(false);

    m_filter->setObjectName(QStringLiteral("managedPolicyFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter by name, path or ARN; several words narrow down"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);

    m_table->setObjectName(QStringLiteral("managedPolicyTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Fixed row heights and column widths: nothing measures 1,600 rows when the filter changes.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(Model::NameColumn, 340);
    m_table->setColumnWidth(Model::KindColumn, 80);
    m_table->setColumnWidth(Model::PathColumn, 150);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(Model::NameColumn, Qt::AscendingOrder);

    m_count->setObjectName(QStringLiteral("managedPolicyCountLabel"));
    m_quota->setObjectName(QStringLiteral("managedPolicyQuotaLabel"));
    m_quota->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_attach = buttons->button(QDialogButtonBox::Ok);
    m_attach->setObjectName(QStringLiteral("managedPolicyAttachButton"));
    m_attach->setText(tr("Attach"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_quota);
    layout->addWidget(buttons);
    resize(860, 520);

    connect(m_filter, &QLineEdit::textChanged, this, &ManagedPolicyPicker::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ManagedPolicyPicker::updateState);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.flags().testFlag(Qt::ItemIsSelectable) && !selectedArns().isEmpty())
            accept();
    });
    m_filter->setFocus();
    updateState();
}

ManagedPolicyPicker::~ManagedPolicyPicker() = default;

QStringList ManagedPolicyPicker::selectedArns() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows(Model::NameColumn);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList arns;
    for (const QModelIndex &index : std::as_const(rows)) {
        if (!index.data(Model::MarkedRole).toBool())
            arns << index.data(Model::ArnRole).toString();
    }
    return arns;
}

void ManagedPolicyPicker::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

int ManagedPolicyPicker::visibleCount() const
{
    return m_proxy->rowCount();
}

void ManagedPolicyPicker::applyFilter(const QString &text)
{
    m_proxy->setFilterRegularExpression(Model::filterExpression(text));
    updateState();
}

void ManagedPolicyPicker::updateState()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n managed policies", nullptr, total)
                                    : tr("%1 of %n managed policies", nullptr, total).arg(shown));
    const qsizetype selected = selectedArns().size();
    m_attach->setEnabled(selected > 0);
    const qsizetype after = m_attachedCount + selected;
    if (after > kDefaultAttachedPolicyQuota) {
        m_quota->setText(tr("The role would have %1 managed policies. IAM attaches at most %2 to a role unless the "
                            "account's quota has been raised (IAM User Guide, \"IAM and AWS STS quotas\").")
                             .arg(after)
                             .arg(kDefaultAttachedPolicyQuota));
        m_quota->setStyleSheet(QStringLiteral("color: #b35c00;"));
    } else {
        m_quota->setText(tr("The role has %1 of %2 managed policies (IAM's default quota).")
                             .arg(m_attachedCount)
                             .arg(kDefaultAttachedPolicyQuota));
        m_quota->setStyleSheet({});
    }
}

bool ManagedPolicyPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) {
            m_table->setFocus(Qt::TabFocusReason);
            if (!m_table->selectionModel()->hasSelection() && m_proxy->rowCount() > 0) {
                for (int row = 0; row < m_proxy->rowCount(); ++row) {
                    const QModelIndex index = m_proxy->index(row, Model::NameColumn);
                    if (index.flags().testFlag(Qt::ItemIsSelectable)) {
                        m_table->setCurrentIndex(index);
                        m_table->selectionModel()->select(
                            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                        break;
                    }
                }
            }
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (!m_table->selectionModel()->hasSelection() && m_proxy->rowCount() == 1) {
                const QModelIndex only = m_proxy->index(0, Model::NameColumn);
                if (only.flags().testFlag(Qt::ItemIsSelectable))
                    m_table->selectionModel()->select(
                        only, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            }
            if (!selectedArns().isEmpty())
                accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace rd::ui
