// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/RoleEditCommand.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/workspace/Workspace.h"
#include "widgets/editors/ManagedPolicyPicker.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTableWidgetItem;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

/// The editable properties of a role: name, path, description, maximum session duration (IAM allows 1 to 12
/// hours), tags, permissions boundary and attached managed policies. Each edit goes through the document's undo
/// stack: typing in one text field is one undo step, and so is each tag cell edit, each add or remove, setting or
/// clearing the boundary, and each attach or detach.
class RoleEditor : public QWidget
{
    Q_OBJECT
public:
    /// The tag table's cells carry their IAM rule violation (empty when none) under this role, and as tooltip.
    static constexpr int TagErrorRole = Qt::UserRole + 1;
    /// IAM User Guide, "IAM and AWS STS quotas": tags per IAM role.
    static constexpr int kMaxTags = static_cast<int>(core::kMaxTagsPerRole);

    explicit RoleEditor(doc::WorkspaceDocument *document, QWidget *parent = nullptr);

    void setRole(core::RoleId id);

    /// What IAM says about a tag key or value, or an empty string when it takes it (IAM User Guide, "Tagging IAM
    /// resources", naming rules; IAM API Reference, Tag data type): core's rules (rd/core/policy/IamIdentifiers.h),
    /// which the validator's INVALID_TAG_KEY, INVALID_TAG_VALUE and DUPLICATE_TAG_KEY apply too. `otherKeys`: the
    /// role's other tag keys.
    static QString tagKeyError(const QString &key, const QStringList &otherKeys);
    static QString tagValueError(const QString &value);

    /// The open Attach dialog, if any (for tests and the main window's shortcuts).
    ManagedPolicyPicker *policyPicker() const { return m_picker; }

public Q_SLOTS:
    /// Opens the managed policy picker; its Attach button attaches the chosen policies in one undo step.
    void openPolicyPicker();

private:
    void refresh();
    void refreshTags(const core::Role *role);
    void refreshBoundary(const core::Role *role);
    void refreshAttached(const core::Role *role);
    void reloadBoundaryChoices();
    void edit(doc::RoleEditCommand::Field field, const QString &text, const std::function<void(core::Role &)> &change);

    void addTag();
    void removeSelectedTags();
    void onTagItemChanged(QTableWidgetItem *item);
    void commitBoundary(const QString &text);
    void attachPolicies(const QStringList &arns);
    void detachSelectedPolicies();
    /// The policy's name and kind for display: the workspace's, else the built-in AWS list's, else from the ARN.
    QString policyLabel(const QString &arn) const;

    doc::WorkspaceDocument *m_document;
    core::RoleId m_role;
    QLineEdit *m_name;
    QLineEdit *m_path;
    QLineEdit *m_description;
    QSpinBox *m_maxSession;
    QLabel *m_maxSessionText;
    QTableWidget *m_tags;
    QPushButton *m_addTag;
    QPushButton *m_removeTag;
    QLabel *m_tagStatus;
    QComboBox *m_boundary;
    QLabel *m_boundaryStatus;
    QListWidget *m_attached;
    QPushButton *m_attach;
    QPushButton *m_detach;
    QLabel *m_attachedStatus;
    QPointer<ManagedPolicyPicker> m_picker;
    bool m_refreshing = false;
};

} // namespace rd::ui
