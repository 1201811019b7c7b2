// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/GraphEdits.h"

#include <QDialog>
#include <QStringList>

#include <vector>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace rd::ui
{

/// Picks the actions of a permission statement that the graph editor creates when a role is connected to a resource:
/// the catalog's actions that act on the resource's type (core::actionsForResource), grouped by access level with a
/// check box per action and per level, a filter, and a field for patterns of one's own (`s3:Get*`). Nothing is
/// checked at first: least privilege is picked, not granted by default.
class ActionPickerDialog : public QDialog
{
    Q_OBJECT
public:
    ActionPickerDialog(const QString &roleName, const QString &resource,
        const std::vector<core::ResourceAction> &actions, QWidget *parent = nullptr);
    ~ActionPickerDialog() override;

    /// The checked actions and the typed patterns, in the catalog's order, without duplicates.
    QStringList selectedActions() const;
    /// Checks or unchecks an offered action (as the catalog spells it); false when it is not offered.
    bool setActionChecked(const QString &action, bool checked);
    /// Every action offered.
    QStringList offeredActions() const;

private:
    void applyFilter(const QString &text);
    void updateSummary();
    QStringList typedPatterns() const;

    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QLineEdit *m_patterns;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};

} // namespace rd::ui
