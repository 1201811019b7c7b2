// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/ActionPickerDialog.h"

#include "document/StringConversion.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace rd::ui
{

namespace
{
constexpr int kActionRole = Qt::UserRole + 1;
} // namespace

ActionPickerDialog::ActionPickerDialog(
    const QString &roleName, const QString &resource, const std::vector<core::ResourceAction> &actions, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit)
    , m_tree(new QTreeWidget)
    , m_patterns(new QLineEdit)
    , m_summary(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("actionPicker"));
    setWindowTitle(tr("Grant Access"));
    auto *intro = new QLabel(tr("Allow role <b>%1</b> these actions on <tt>%2</tt>:")
                                 .arg(roleName.toHtmlEscaped(), resource.toHtmlEscaped()));
    intro->setWordWrap(true);
    m_filter->setObjectName(QStringLiteral("actionPickerFilter"));
    m_filter->setPlaceholderText(tr("Filter actions"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("actionPickerList"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_patterns->setObjectName(QStringLiteral("actionPickerPatterns"));
    m_patterns->setPlaceholderText(tr("More actions or patterns, separated by commas (s3:Get*)"));
    m_summary->setObjectName(QStringLiteral("actionPickerSummary"));
    m_summary->setWordWrap(true);

    // One top-level item per access level in the catalog's order, each action a checkable child.
    std::map<std::string, QTreeWidgetItem *> levels;
    for (const core::ResourceAction &action : actions) {
        QTreeWidgetItem *&level = levels[action.accessLevel];
        if (!level) {
            level = new QTreeWidgetItem(m_tree, { doc::toQString(action.accessLevel) });
            level->setFlags(level->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
            level->setCheckState(0, Qt::Unchecked);
        }
        auto *item = new QTreeWidgetItem(level, { doc::toQString(action.action) });
        item->setData(0, kActionRole, doc::toQString(action.action));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
    }
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *level = m_tree->topLevelItem(i);
        level->setText(0, tr("%1 (%2)").arg(level->text(0)).arg(level->childCount()));
    }
    if (actions.empty())
        new QTreeWidgetItem(m_tree, { tr("The catalog knows no action for this resource; type them below.") });
    m_tree->expandAll();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_patterns);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(520, 560);

    connect(m_filter, &QLineEdit::textChanged, this, &ActionPickerDialog::applyFilter);
    connect(m_tree, &QTreeWidget::itemChanged, this, [this] { updateSummary(); });
    connect(m_patterns, &QLineEdit::textChanged, this, [this] { updateSummary(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateSummary();
}

ActionPickerDialog::~ActionPickerDialog() = default;

QStringList ActionPickerDialog::typedPatterns() const
{
    QStringList patterns;
    for (const QString &part : m_patterns->text().split(QRegularExpression(QStringLiteral("[,\\s]+")))) {
        if (!part.isEmpty())
            patterns << part;
    }
    return patterns;
}

QStringList ActionPickerDialog::selectedActions() const
{
    QStringList selected;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *level = m_tree->topLevelItem(i);
        for (int j = 0; j < level->childCount(); ++j) {
            if (level->child(j)->checkState(0) == Qt::Checked)
                selected << level->child(j)->data(0, kActionRole).toString();
        }
    }
    for (const QString &pattern : typedPatterns()) {
        if (!selected.contains(pattern, Qt::CaseInsensitive))
            selected << pattern;
    }
    return selected;
}

QStringList ActionPickerDialog::offeredActions() const
{
    QStringList offered;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *level = m_tree->topLevelItem(i);
        for (int j = 0; j < level->childCount(); ++j)
            offered << level->child(j)->data(0, kActionRole).toString();
    }
    return offered;
}

bool ActionPickerDialog::setActionChecked(const QString &action, bool checked)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *level = m_tree->topLevelItem(i);
        for (int j = 0; j < level->childCount(); ++j) {
            if (level->child(j)->data(0, kActionRole).toString() == action) {
                level->child(j)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
                return true;
            }
        }
    }
    return false;
}

void ActionPickerDialog::applyFilter(const QString &text)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *level = m_tree->topLevelItem(i);
        int shown = 0;
        for (int j = 0; j < level->childCount(); ++j) {
            QTreeWidgetItem *item = level->child(j);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        level->setHidden(level->childCount() > 0 && shown == 0);
    }
}

void ActionPickerDialog::updateSummary()
{
    const QStringList selected = selectedActions();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!selected.isEmpty());
    if (selected.isEmpty()) {
        m_summary->setText(tr("Pick at least one action."));
        return;
    }
    QStringList shown = selected.mid(0, 6);
    if (selected.size() > shown.size())
        shown << tr("and %1 more").arg(selected.size() - shown.size());
    m_summary->setText(tr("%n action(s): %1", nullptr, int(selected.size())).arg(shown.join(QStringLiteral(", "))));
}

} // namespace rd::ui
