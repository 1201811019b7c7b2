// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/ArnBuilderDialog.h"

#include "document/StringConversion.h"
#include "rd/core/catalog/ServiceCatalog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>
#include <unordered_map>

namespace rd::ui
{

namespace
{

constexpr qsizetype kNamesShown = 5;
constexpr int kActionsInToolTip = 20;

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\$\\{([^}]*)\\}"));
    return re;
}

/// "a, b and 3 more".
QString nameList(const QStringList &names)
{
    if (names.size() <= kNamesShown)
        return names.join(QStringLiteral(", "));
    return ArnBuilderDialog::tr("%1 and %n more", nullptr, static_cast<int>(names.size() - kNamesShown))
        .arg(names.first(kNamesShown).join(QStringLiteral(", ")));
}

QString editObjectName(const QString &placeholder)
{
    QString name;
    for (const QChar c : placeholder) {
        if (c.isLetterOrNumber())
            name.append(c);
    }
    if (!name.isEmpty())
        name[0] = name[0].toLower();
    return name + QStringLiteral("LineEdit");
}

} // namespace

ArnBuilderDialog::ArnBuilderDialog(const QStringList &actions, const QString &accountId, QWidget *parent)
    : QDialog(parent)
    , m_types(new QListWidget)
    , m_noTypeNote(new QLabel)
    , m_unknownNote(new QLabel)
    , m_placeholderBox(new QWidget)
    , m_placeholderForm(new QFormLayout(m_placeholderBox))
    , m_preview(new QLineEdit)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("arnBuilderDialog"));
    setWindowTitle(tr("ARN Builder"));
    m_types->setObjectName(QStringLiteral("resourceTypeList"));
    m_noTypeNote->setObjectName(QStringLiteral("noResourceTypeLabel"));
    m_noTypeNote->setWordWrap(true);
    m_noTypeNote->setTextFormat(Qt::PlainText);
    m_unknownNote->setObjectName(QStringLiteral("unknownActionsLabel"));
    m_unknownNote->setWordWrap(true);
    m_unknownNote->setTextFormat(Qt::PlainText);
    m_placeholderForm->setContentsMargins(0, 0, 0, 0);
    m_preview->setObjectName(QStringLiteral("arnPreviewLineEdit"));
    m_preview->setReadOnly(true);
    m_buttons->setObjectName(QStringLiteral("arnBuilderButtonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Insert"));

    // Defaults: the commercial partition, any Region, the role's own account (the user edits them).
    m_values.insert(QStringLiteral("Partition"), QStringLiteral("aws"));
    m_values.insert(QStringLiteral("Region"), QStringLiteral("*"));
    if (!accountId.trimmed().isEmpty())
        m_values.insert(QStringLiteral("Account"), accountId.trimmed());

    auto *intro = new QLabel(tr("Resource types that the statement's actions take (Service Authorization Reference):"));
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_types, 1);
    layout->addWidget(m_noTypeNote);
    layout->addWidget(m_unknownNote);
    layout->addWidget(m_placeholderBox);
    auto *previewForm = new QFormLayout;
    previewForm->addRow(tr("ARN:"), m_preview);
    layout->addLayout(previewForm);
    layout->addWidget(m_buttons);

    collect(actions);
    for (const Choice &choice : m_choices) {
        QString text = choice.name == QLatin1String("*")
            ? tr("All resources (*)")
            : QStringLiteral("%1  \u2014  %2").arg(choice.name, choice.pattern);
        auto *item = new QListWidgetItem(text, m_types);
        QStringList shown = choice.actions.first(std::min<qsizetype>(choice.actions.size(), kActionsInToolTip));
        if (choice.actions.size() > kActionsInToolTip)
            shown.append(tr("and %n more", nullptr, static_cast<int>(choice.actions.size() - kActionsInToolTip)));
        item->setToolTip(tr("Taken by %1").arg(shown.join(QStringLiteral(", "))));
        item->setData(Qt::UserRole, choice.name);
    }
    if (!m_needStar.isEmpty()) {
        // Service Authorization Reference: an action whose Resource types column is empty supports only
        // `"Resource": "*"`.
        m_noTypeNote->setText(m_needStar.size() == 1
                ? tr("%1 takes no resource type in the Service Authorization Reference: the statement needs "
                     "\"Resource\": \"*\" for it.")
                      .arg(m_needStar.first())
                : tr("%1 take no resource type in the Service Authorization Reference: the statement needs "
                     "\"Resource\": \"*\" for them.")
                      .arg(nameList(m_needStar)));
    } else if (actions.isEmpty()) {
        m_noTypeNote->setText(tr("The statement names no actions yet: add actions to see the resource types they "
                                 "take, or use \"*\"."));
    }
    m_noTypeNote->setVisible(!m_noTypeNote->text().isEmpty());
    if (!m_unknown.isEmpty())
        m_unknownNote->setText(tr("Not in the catalog, ignored here: %1").arg(nameList(m_unknown)));
    m_unknownNote->setVisible(!m_unknown.isEmpty());

    connect(m_types, &QListWidget::currentRowChanged, this, &ArnBuilderDialog::showChoice);
    connect(m_types, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!m_choices.empty())
        m_types->setCurrentRow(0);
    else
        showChoice(-1);
    resize(640, 440);
}

ArnBuilderDialog::~ArnBuilderDialog() = default;

void ArnBuilderDialog::collect(const QStringList &actions)
{
    const core::ServiceCatalog &catalog = core::ServiceCatalog::builtin();
    std::unordered_map<std::string, std::size_t> index;
    bool anyResource = actions.isEmpty();
    for (const QString &value : actions) {
        const QString trimmed = value.trimmed();
        if (trimmed.isEmpty())
            continue;
        const auto matches = catalog.matchActions(doc::toStdString(trimmed));
        if (matches.empty()) {
            m_unknown.append(trimmed);
            continue;
        }
        for (const auto &[service, action] : matches) {
            const QString actionName = doc::toQString(service->prefix + ':' + action->name);
            if (action->resourceTypes.empty()) {
                anyResource = true;
                if (!m_needStar.contains(actionName))
                    m_needStar.append(actionName);
                continue;
            }
            for (const core::ActionResourceType &type : action->resourceTypes) {
                const core::ResourceTypeInfo *info = service->resourceType(type.name);
                if (!info)
                    continue;
                const std::string key = service->prefix + ':' + type.name;
                auto [it, inserted] = index.emplace(key, m_choices.size());
                if (inserted)
                    m_choices.push_back(Choice { doc::toQString(key), doc::toQString(info->arnPattern), {}, false });
                Choice &choice = m_choices[it->second];
                if (!choice.actions.contains(actionName))
                    choice.actions.append(actionName);
                choice.required = choice.required || type.required;
            }
        }
    }
    // Types an action requires first, then the simplest ARN formats (an S3 object before an access point object),
    // otherwise in the order the actions named them.
    std::stable_sort(m_choices.begin(), m_choices.end(), [](const Choice &a, const Choice &b) {
        if (a.required != b.required)
            return a.required;
        return placeholders(a.pattern).size() < placeholders(b.pattern).size();
    });
    if (anyResource)
        m_choices.push_back(Choice { QStringLiteral("*"), QStringLiteral("*"), m_needStar, false });
}

QStringList ArnBuilderDialog::resourceTypes() const
{
    QStringList out;
    for (const Choice &choice : m_choices)
        out.append(choice.name);
    return out;
}

bool ArnBuilderDialog::selectResourceType(const QString &name)
{
    for (std::size_t i = 0; i < m_choices.size(); ++i) {
        if (m_choices[i].name.compare(name, Qt::CaseInsensitive) == 0) {
            m_types->setCurrentRow(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

QLineEdit *ArnBuilderDialog::placeholderEdit(const QString &name) const
{
    return m_edits.value(name, nullptr);
}

QString ArnBuilderDialog::arnPattern() const
{
    const int row = m_types->currentRow();
    return row >= 0 && static_cast<std::size_t>(row) < m_choices.size()
        ? m_choices[static_cast<std::size_t>(row)].pattern
        : QString();
}

QStringList ArnBuilderDialog::placeholders(const QString &pattern)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(pattern);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QString ArnBuilderDialog::fill(const QString &pattern, const QHash<QString, QString> &values)
{
    QString out;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(pattern).mid(last, match.capturedStart() - last);
        const QString value = values.value(match.captured(1)).trimmed();
        out += value.isEmpty() ? QStringLiteral("*") : value;
        last = match.capturedEnd();
    }
    out += QStringView(pattern).mid(last);
    return out;
}

void ArnBuilderDialog::showChoice(int row)
{
    while (m_placeholderForm->rowCount() > 0)
        m_placeholderForm->removeRow(0);
    m_edits.clear();
    const QString pattern = arnPattern();
    const QStringList names = placeholders(pattern);
    for (const QString &name : names) {
        auto *edit = new QLineEdit(m_values.value(name));
        edit->setObjectName(editObjectName(name));
        edit->setPlaceholderText(QStringLiteral("*"));
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textEdited, this, [this, name](const QString &text) {
            m_values.insert(name, text);
            updatePreview();
        });
        m_placeholderForm->addRow(name + QLatin1Char(':'), edit);
        m_edits.insert(name, edit);
    }
    m_placeholderBox->setVisible(!names.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(row >= 0);
    updatePreview();
}

void ArnBuilderDialog::updatePreview()
{
    m_preview->setText(arn());
}

QString ArnBuilderDialog::arn() const
{
    return fill(arnPattern(), m_values);
}

} // namespace rd::ui
