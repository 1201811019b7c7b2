// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QHash>
#include <QStringList>

#include <vector>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace rd::ui
{

/// Builds an ARN for a statement's Resource element from the resource types its actions take (Service
/// Authorization Reference: each action's resource types, each type's ARN format such as
/// `arn:${Partition}:s3:::${BucketName}/${ObjectName}`). One line edit per placeholder: Partition defaults to `aws`,
/// Region to `*`, Account to the role's account; an empty placeholder becomes `*`. Actions that take no resource
/// type are named, with the explanation that they need `"Resource": "*"`, and `*` is offered for them.
class ArnBuilderDialog : public QDialog
{
    Q_OBJECT
public:
    /// `actions`: the statement's Action values (wildcards allowed). `accountId` fills `${Account}` (empty: `*`).
    explicit ArnBuilderDialog(
        const QStringList &actions, const QString &accountId = QString(), QWidget *parent = nullptr);
    ~ArnBuilderDialog() override;

    /// The ARN built from the selected type and the placeholder values (`*` for the any-resource choice).
    QString arn() const;
    /// The types offered, as `service:type` (`s3:object`), plus `*` when some action takes no resource type.
    QStringList resourceTypes() const;
    /// Selects a type by its `service:type` name (or `*`); false when it is not offered.
    bool selectResourceType(const QString &name);
    /// The line edit of a placeholder of the selected type's ARN format (`BucketName`), or nullptr.
    QLineEdit *placeholderEdit(const QString &name) const;
    /// The ARN format of the selected type (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`), `*` or empty.
    QString arnPattern() const;

    /// The placeholders of an ARN format in order (`Partition`, `BucketName`, `ObjectName`).
    static QStringList placeholders(const QString &pattern);
    /// The format with each placeholder replaced by its value, `*` for an empty or missing one.
    static QString fill(const QString &pattern, const QHash<QString, QString> &values);

private:
    struct Choice {
        QString name; // service:type, or * for "any resource"
        QString pattern;
        QStringList actions;
        bool required = false;
    };

    void collect(const QStringList &actions);
    void showChoice(int row);
    void updatePreview();

    std::vector<Choice> m_choices;
    QStringList m_needStar;
    QStringList m_unknown;
    QHash<QString, QString> m_values;
    QListWidget *m_types;
    QLabel *m_noTypeNote;
    QLabel *m_unknownNote;
    QWidget *m_placeholderBox;
    QFormLayout *m_placeholderForm;
    QHash<QString, QLineEdit *> m_edits;
    QLineEdit *m_preview;
    QDialogButtonBox *m_buttons;
};

} // namespace rd::ui
