// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/analysis/SimulationPanel.h"

#include "document/AccountAnalysis.h"
#include "document/EntityCompletionModel.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/analysis/RequestSimulator.h"
#include "rd/core/sts/StsSimulator.h"
#include "widgets/analysis/EntityPicker.h"
#include "widgets/analysis/SessionTimeline.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rd::ui
{

using doc::toQString;
using doc::toStdString;

namespace
{
// STS accepts DurationSeconds from 900 (AWS STS API Reference, AssumeRole, Request Parameters).
constexpr int kMinDuration = 900;

enum ItemRole { PolicyLabelRole = Qt::UserRole + 1, StatementIndexRole };

QString durationText(long long seconds)
{
    if (seconds % 3600 == 0)
        return SimulationPanel::tr("%1 s (%2 h)").arg(seconds).arg(seconds / 3600);
    return SimulationPanel::tr("%1 s (%2 h %3 min)").arg(seconds).arg(seconds / 3600).arg((seconds % 3600) / 60);
}

// "key=value" pairs separated by commas or semicolons.
std::vector<std::pair<std::string, std::string>> pairs(const QString &text)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        out.emplace_back(toStdString(part.left(eq).trimmed()), toStdString(part.mid(eq + 1).trimmed()));
    }
    return out;
}

void addStatementItems(QTreeWidgetItem *parent, const std::vector<core::StatementRef> &statements, const QString &title)
{
    if (statements.empty())
        return;
    auto *group = new QTreeWidgetItem(parent, { title });
    for (const core::StatementRef &ref : statements) {
        const QString label = toQString(ref.policy);
        const QString sid = ref.sid.empty() ? QString() : QStringLiteral(" (%1)").arg(toQString(ref.sid));
        // An SCP or RCP is named by where it is attached: `SCP DenyDeleteBucket attached to the root r-ab12`.
        const bool organization =
            ref.type == core::PolicyType::ServiceControl || ref.type == core::PolicyType::ResourceControl;
        const QString shown =
            organization ? QStringLiteral("%1 %2").arg(toQString(core::policyTypeName(ref.type)), label) : label;
        auto *item = new QTreeWidgetItem(
            group, { SimulationPanel::tr("%1, statement %2%3").arg(shown).arg(ref.statement + 1).arg(sid) });
        item->setData(0, PolicyLabelRole, label);
        item->setData(0, StatementIndexRole, int(ref.statement));
        item->setToolTip(0, SimulationPanel::tr("Double-click to open the statement in its editor"));
        QFont link = item->font(0);
        link.setUnderline(true);
        item->setFont(0, link);
    }
    group->setExpanded(true);
}
} // namespace

SimulationPanel::SimulationPanel(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_pending(new QTimer(this))
    // The caller: any principal, and the AWS services the program knows (a service the workspace does not name yet).
    , m_principal(new EntityPicker(document->entityCompletions(),
          doc::EntityCompletionModel::principalKinds() | doc::EntityCompletionModel::Kind::KnownService, this))
    , m_chain(new QLineEdit(this))
    , m_duration(new QSlider(Qt::Horizontal, this))
    , m_durationText(new QLabel(this))
    , m_sessionName(new QLineEdit(this))
    , m_externalId(new QLineEdit(this))
    , m_mfa(new QCheckBox(tr("Signed in with MFA"), this))
    , m_mfaAge(new QSpinBox(this))
    , m_sourceIp(new QLineEdit(this))
    , m_time(new QDateTimeEdit(this))
    , m_hopToggle(new QToolButton(this))
    , m_hopBox(new QWidget(this))
    , m_hopCombo(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_transitive(new QLineEdit(this))
    , m_sessionPolicy(new QPlainTextEdit(this))
    , m_context(new QLineEdit(this))
    , m_derived(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_timeline(new SessionTimeline(this))
    , m_hops(new QTreeWidget(this))
    , m_credentials(new QPlainTextEdit(this))
    , m_checkAction(new QLineEdit(this))
    , m_checkResource(
          new EntityPicker(document->entityCompletions(), doc::EntityCompletionModel::resourceKinds(), this))
    , m_checkVerdict(new QLabel(this))
    , m_permissions(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("simulationPanel"));
    m_principal->setObjectName(QStringLiteral("simulationPrincipalPicker"));
    m_principal->setPlaceholderText(tr("a user, role, account or service: a name or an ARN"));
    m_chain->setObjectName(QStringLiteral("simulationChainEdit"));
    m_chain->setPlaceholderText(tr("Then assume: role ARNs, separated by commas"));
    m_duration->setObjectName(QStringLiteral("simulationDurationSlider"));
    m_duration->setSingleStep(60);
    m_duration->setPageStep(900);
    m_durationText->setObjectName(QStringLiteral("simulationDurationLabel"));
    m_sessionName->setObjectName(QStringLiteral("simulationSessionNameEdit"));
    m_sessionName->setPlaceholderText(tr("role session name (2-64 characters)"));
    m_externalId->setObjectName(QStringLiteral("simulationExternalIdEdit"));
    m_externalId->setPlaceholderText(tr("none"));
    m_mfa->setObjectName(QStringLiteral("simulationMfaCheckBox"));
    m_mfaAge->setObjectName(QStringLiteral("simulationMfaAgeSpinBox"));
    m_mfaAge->setRange(0, 7 * 24 * 3600);
    m_mfaAge->setSuffix(tr(" s ago"));
    m_mfaAge->setValue(300);
    m_sourceIp->setObjectName(QStringLiteral("simulationSourceIpEdit"));
    m_sourceIp->setPlaceholderText(tr("e.g. 203.0.113.10"));
    m_time->setObjectName(QStringLiteral("simulationTimeEdit"));
    m_time->setTimeSpec(Qt::UTC);
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_time->setDateTime(QDateTime::currentDateTimeUtc());
    m_hopToggle->setObjectName(QStringLiteral("simulationHopToggle"));
    m_hopToggle->setCheckable(true);
    m_hopToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_hopToggle->setArrowType(Qt::RightArrow);
    m_hopToggle->setAutoRaise(true);
    // The summary never widens the panel: it is cut at the field's width, the tooltip has it whole.
    m_hopToggle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_hopToggle->setToolTip(tr("Session tags, transitive keys and a session policy for each AssumeRole call of the "
                               "chain"));
    m_hopBox->setObjectName(QStringLiteral("simulationHopBox"));
    m_hopBox->setVisible(false);
    m_hopCombo->setObjectName(QStringLiteral("simulationHopCombo"));
    m_hopCombo->setToolTip(tr("The AssumeRole call whose session parameters the fields below show"));
    m_tags->setObjectName(QStringLiteral("simulationTagsEdit"));
    m_tags->setPlaceholderText(tr("session tags: key=value, key=value"));
    m_transitive->setObjectName(QStringLiteral("simulationTransitiveEdit"));
    m_transitive->setPlaceholderText(tr("transitive keys, passed on to later hops"));
    m_sessionPolicy->setObjectName(QStringLiteral("simulationSessionPolicyEdit"));
    m_sessionPolicy->setPlaceholderText(tr("session policy JSON: limits this hop's session"));
    m_sessionPolicy->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sessionPolicy->setTabChangesFocus(true);
    m_sessionPolicy->setFixedHeight(m_sessionPolicy->fontMetrics().lineSpacing() * 4);
    m_context->setObjectName(QStringLiteral("simulationContextEdit"));
    m_context->setPlaceholderText(tr("more context: aws:SourceVpc=vpc-1, aws:RequestedRegion=eu-west-1"));
    m_derived->setObjectName(QStringLiteral("simulationDerivedLabel"));
    m_derived->setWordWrap(true);
    m_derived->setForegroundRole(QPalette::PlaceholderText);
    m_derived->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setObjectName(QStringLiteral("simulationVerdictLabel"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont verdictFont = m_verdict->font();
    verdictFont.setBold(true);
    m_verdict->setFont(verdictFont);
    m_hops->setObjectName(QStringLiteral("simulationHopsTree"));
    m_hops->setHeaderHidden(true);
    m_hops->setUniformRowHeights(true);
    m_credentials->setObjectName(QStringLiteral("simulationCredentialsText"));
    m_credentials->setReadOnly(true);
    m_credentials->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_checkAction->setObjectName(QStringLiteral("simulationCheckActionEdit"));
    m_checkAction->setPlaceholderText(tr("action, e.g. s3:PutObject"));
    m_checkResource->setObjectName(QStringLiteral("simulationCheckResourcePicker"));
    m_checkResource->setPlaceholderText(tr("a resource: a name or an ARN (empty: *)"));
    m_checkVerdict->setObjectName(QStringLiteral("simulationCheckVerdictLabel"));
    m_checkVerdict->setWordWrap(true);
    m_checkVerdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_permissions->setObjectName(QStringLiteral("simulationPermissionsTree"));
    m_permissions->setHeaderLabels({ tr("Service or action"), tr("Access"), tr("Resources") });
    m_permissions->setUniformRowHeights(true);
    m_permissions->header()->setStretchLastSection(true);

    auto *request = new QGroupBox(tr("Request"), this);
    auto *form = new QFormLayout(request);
    form->addRow(tr("&Principal"), m_principal);
    form->addRow(tr("C&hain"), m_chain);
    auto *durationRow = new QHBoxLayout;
    durationRow->addWidget(m_duration, 1);
    durationRow->addWidget(m_durationText);
    form->addRow(tr("Duration"), durationRow);
    form->addRow(tr("Session &name"), m_sessionName);
    form->addRow(tr("E&xternal ID"), m_externalId);
    auto *mfaRow = new QHBoxLayout;
    mfaRow->addWidget(m_mfa);
    mfaRow->addWidget(m_mfaAge);
    mfaRow->addStretch(1);
    form->addRow(tr("MFA"), mfaRow);
    form->addRow(tr("Source &IP"), m_sourceIp);
    form->addRow(tr("&Time"), m_time);
    // Each hop's session parameters, folded away until asked for: a hop list and the chosen hop's fields.
    auto *hopForm = new QFormLayout(m_hopBox);
    hopForm->setContentsMargins(0, 0, 0, 0);
    hopForm->addRow(tr("&Hop"), m_hopCombo);
    hopForm->addRow(tr("Session &tags"), m_tags);
    hopForm->addRow(tr("Transiti&ve"), m_transitive);
    hopForm->addRow(tr("Session polic&y"), m_sessionPolicy);
    form->addRow(tr("Session"), m_hopToggle);
    form->addRow(m_hopBox);
    form->addRow(tr("C&ontext"), m_context);
    form->addRow(tr("Derived"), m_derived);

    auto *check = new QWidget(this);
    auto *checkLayout = new QFormLayout(check);
    checkLayout->addRow(tr("&Action"), m_checkAction);
    checkLayout->addRow(tr("&Resource"), m_checkResource);
    checkLayout->addRow(m_checkVerdict);
    checkLayout->addRow(new QLabel(tr("Effective permissions of the session"), this));
    checkLayout->addRow(m_permissions);

    // The verdict and the timeline stay in view; the details share the rest.
    m_details = new QTabWidget(this);
    m_details->setObjectName(QStringLiteral("simulationDetailsTabs"));
    m_details->setDocumentMode(true);
    m_details->addTab(check, tr("What the session may do"));
    m_details->addTab(m_hops, tr("Hops and rules"));
    m_details->addTab(m_credentials, tr("Credentials"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(request);
    layout->addWidget(m_verdict);
    layout->addWidget(m_timeline);
    layout->addWidget(m_details, 1);

    // Every change schedules one simulation on the next turn of the event loop: a burst of edits runs it once.
    m_pending->setSingleShot(true);
    m_pending->setInterval(0);
    connect(m_pending, &QTimer::timeout, this, &SimulationPanel::simulateWhenCurrent);
    // After an edit the simulation waits for the document's analysis model of the edited workspace (computed off the
    // GUI thread), then runs on it.
    connect(m_document->analysis(), &doc::AccountAnalysis::modelChanged, this, [this] {
        if (m_waitingForModel && m_document->analysis()->isCurrent())
            simulateWhenCurrent();
    });
    for (QLineEdit *edit : { static_cast<QLineEdit *>(m_principal), m_chain, m_sessionName, m_externalId, m_sourceIp,
             m_context, m_checkAction, static_cast<QLineEdit *>(m_checkResource) })
        connect(edit, &QLineEdit::textChanged, this, &SimulationPanel::schedule);
    connect(m_chain, &QLineEdit::textChanged, this, &SimulationPanel::refreshHops);
    for (QLineEdit *edit : { m_tags, m_transitive })
        connect(edit, &QLineEdit::textChanged, this, &SimulationPanel::storeHop);
    connect(m_sessionPolicy, &QPlainTextEdit::textChanged, this, &SimulationPanel::storeHop);
    connect(m_hopCombo, &QComboBox::currentIndexChanged, this, &SimulationPanel::showHop);
    connect(m_hopToggle, &QToolButton::toggled, this, [this](bool open) {
        m_hopToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_hopBox->setVisible(open);
    });
    connect(m_duration, &QSlider::valueChanged, this, [this](int value) {
        m_durationText->setText(durationText(value));
        schedule();
    });
    connect(m_mfa, &QCheckBox::toggled, this, &SimulationPanel::schedule);
    connect(m_mfaAge, &QSpinBox::valueChanged, this, &SimulationPanel::schedule);
    connect(m_time, &QDateTimeEdit::dateTimeChanged, this, &SimulationPanel::schedule);
    connect(m_hops, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString label = item->data(0, PolicyLabelRole).toString();
        if (!label.isEmpty())
            Q_EMIT statementActivated(label, item->data(0, StatementIndexRole).toInt());
    });
    connect(m_document, &doc::WorkspaceDocument::roleChanged, this, [this] {
        updateDurationBounds();
        schedule();
    });
    connect(m_document, &doc::WorkspaceDocument::rolesChanged, this, &SimulationPanel::schedule);
    connect(m_document, &doc::WorkspaceDocument::entitiesChanged, this, &SimulationPanel::schedule);
    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, [this] { setRole({}); });
    setRole({});
}

SimulationPanel::~SimulationPanel() = default;

void SimulationPanel::schedule()
{
    if (!m_settingFields)
        m_pending->start();
}

void SimulationPanel::setRole(core::RoleId id)
{
    const bool changed = id != m_role;
    m_role = id;
    m_settingFields = true;
    if (changed)
        refreshPrincipals();
    refreshHops();
    updateDurationBounds();
    m_settingFields = false;
    simulateWhenCurrent();
}

void SimulationPanel::refreshPrincipals()
{
    // The principals the role's trust policy names come first in the principal field's list (the first is the
    // default); the others, which may be allowed through their own policies, follow.
    QStringList candidates;
    const core::Workspace &ws = m_document->workspace();
    if (const core::Role *role = ws.role(m_role)) {
        for (const core::Statement &statement : role->trustPolicy.statements) {
            if (!statement.principal || statement.effectValue() != core::Effect::Allow)
                continue;
            for (const core::PrincipalEntry &entry : statement.principal->entries) {
                for (const core::PolicyString &value : entry.values.values)
                    candidates << toQString(value.value);
            }
        }
    }
    candidates.removeDuplicates();
    candidates.removeAll(QStringLiteral("*"));
    m_principal->setPreferredKeys(candidates);
    m_principal->setText(candidates.value(0));
}

void SimulationPanel::updateDurationBounds()
{
    const core::Role *role = m_document->workspace().role(m_role);
    // From 900 seconds to the role's MaxSessionDuration (AWS STS API Reference, AssumeRole, DurationSeconds).
    const int max = role ? std::max(role->maxSessionDuration, kMinDuration) : core::kDefaultMaxSessionDuration;
    const bool blocked = m_duration->blockSignals(true);
    const int value = m_duration->value();
    m_duration->setRange(kMinDuration, max);
    // STS's default when DurationSeconds is left out: one hour.
    if (value < kMinDuration || value > max)
        m_duration->setValue(std::min(core::kDefaultMaxSessionDuration, max));
    m_duration->blockSignals(blocked);
    m_durationText->setText(durationText(m_duration->value()));
}

void SimulationPanel::setPrincipal(const QString &principal)
{
    m_principal->setText(principal);
}

void SimulationPanel::setChain(const QStringList &roleArns)
{
    m_chain->setText(roleArns.join(QStringLiteral(", ")));
}

void SimulationPanel::setHopSession(
    int hop, const QString &tags, const QString &transitiveKeys, const QString &sessionPolicy)
{
    if (hop < 0 || hop >= m_hopCombo->count())
        return;
    m_hopCombo->setCurrentIndex(hop);
    m_tags->setText(tags);
    m_transitive->setText(transitiveKeys);
    m_sessionPolicy->setPlainText(sessionPolicy);
}

void SimulationPanel::refreshHops()
{
    // The hops: the role in front, then the chain's roles, named by their last path element.
    QStringList names;
    if (const core::Role *role = m_document->workspace().role(m_role))
        names << toQString(role->name);
    for (const QString &arn : m_chain->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        names << arn.section(QLatin1Char('/'), -1);
    if (names.isEmpty())
        names << tr("the role in front");
    m_hopFields.resize(static_cast<std::size_t>(names.size()));
    const int shown = std::min(m_shownHop, static_cast<int>(names.size()) - 1);
    const bool blocked = m_hopCombo->blockSignals(true);
    m_hopCombo->clear();
    for (int i = 0; i < names.size(); ++i)
        m_hopCombo->addItem(tr("%1. %2").arg(i + 1).arg(names.at(i)));
    m_hopCombo->setCurrentIndex(shown);
    m_hopCombo->blockSignals(blocked);
    if (shown != m_shownHop)
        showHop(shown);
    updateHopSummary();
}

void SimulationPanel::showHop(int hop)
{
    if (hop < 0 || static_cast<std::size_t>(hop) >= m_hopFields.size())
        return;
    m_shownHop = hop;
    const HopFields &fields = m_hopFields[static_cast<std::size_t>(hop)];
    // Showing another hop's fields changes no parameter: nothing to store, no new simulation.
    const QSignalBlocker tags(m_tags);
    const QSignalBlocker transitive(m_transitive);
    const QSignalBlocker policy(m_sessionPolicy);
    m_tags->setText(fields.tags);
    m_transitive->setText(fields.transitive);
    m_sessionPolicy->setPlainText(fields.policy);
}

void SimulationPanel::storeHop()
{
    if (static_cast<std::size_t>(m_shownHop) >= m_hopFields.size())
        return;
    HopFields &fields = m_hopFields[static_cast<std::size_t>(m_shownHop)];
    fields.tags = m_tags->text();
    fields.transitive = m_transitive->text();
    fields.policy = m_sessionPolicy->toPlainText();
    updateHopSummary();
    schedule();
}

void SimulationPanel::updateHopSummary()
{
    // Which hops pass tags and session policies, in a few words, so that the folded fields hide nothing; the details
    // go in the tooltip.
    QStringList tagged;
    QStringList withPolicy;
    QStringList details;
    for (std::size_t i = 0; i < m_hopFields.size(); ++i) {
        const HopFields &fields = m_hopFields[i];
        const std::size_t tags = pairs(fields.tags).size();
        const bool policy = !fields.policy.trimmed().isEmpty();
        if (tags > 0)
            tagged << QString::number(i + 1);
        if (policy)
            withPolicy << QString::number(i + 1);
        if (tags > 0 || policy)
            details << tr("Hop %1 (%2): %3 session tag(s)%4")
                           .arg(i + 1)
                           .arg(m_hopCombo->itemText(static_cast<int>(i)))
                           .arg(tags)
                           .arg(policy ? tr(", a session policy") : QString());
    }
    QStringList parts;
    if (!tagged.isEmpty())
        parts << tr("tags: hop %1").arg(tagged.join(QStringLiteral(", ")));
    if (!withPolicy.isEmpty())
        parts << tr("policy: hop %1").arg(withPolicy.join(QStringLiteral(", ")));
    m_hopToggle->setText(parts.isEmpty() ? tr("no tags or session policy") : parts.join(QStringLiteral(" · ")));
    m_hopToggle->setToolTip(details.isEmpty()
            ? tr("Session tags, transitive keys and a session policy for each AssumeRole call of the chain")
            : details.join(QLatin1Char('\n')));
}

void SimulationPanel::setDurationSeconds(int seconds)
{
    m_duration->setValue(seconds);
}

void SimulationPanel::setCheck(const QString &action, const QString &resource)
{
    m_checkAction->setText(action);
    m_checkResource->setText(resource);
}

void SimulationPanel::setCurrentTime(const QDateTime &time)
{
    m_time->setDateTime(time.toUTC());
}

core::AssumeRoleRequest SimulationPanel::request() const
{
    core::AssumeRoleRequest r;
    // A name stands for the ARN of the one principal called that (EntityPicker).
    r.principal = toStdString(m_principal->key());
    if (const core::Role *role = m_document->workspace().role(m_role))
        r.roleArns.push_back(role->arn);
    for (const QString &arn : m_chain->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        r.roleArns.push_back(toStdString(arn));
    r.durationSeconds = m_duration->value();
    r.roleSessionName = toStdString(m_sessionName->text().trimmed());
    if (!m_externalId->text().isEmpty())
        r.externalId = toStdString(m_externalId->text());
    r.mfaPresent = m_mfa->isChecked();
    if (r.mfaPresent)
        r.mfaAgeSeconds = m_mfaAge->value();
    r.sourceIp = toStdString(m_sourceIp->text().trimmed());
    r.currentTime = m_time->dateTime().toSecsSinceEpoch();
    // Each hop passes what its fields say (AWS STS API Reference, AssumeRole, Request Parameters: Tags,
    // TransitiveTagKeys, Policy).
    for (std::size_t i = 0; i < m_hopFields.size() && i < r.roleArns.size(); ++i) {
        const HopFields &fields = m_hopFields[i];
        core::AssumeRoleHopParameters hop;
        for (auto &[key, value] : pairs(fields.tags)) {
            if (!hop.sessionTags)
                hop.sessionTags.emplace();
            hop.sessionTags->push_back(core::Tag { key, value });
        }
        for (const QString &key :
            fields.transitive.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
            if (!hop.transitiveTagKeys)
                hop.transitiveTagKeys.emplace();
            hop.transitiveTagKeys->push_back(toStdString(key));
        }
        if (!fields.policy.trimmed().isEmpty())
            hop.sessionPolicy = toStdString(fields.policy);
        if (r.hops.size() <= i)
            r.hops.resize(i + 1);
        r.hops[i] = std::move(hop);
    }
    r.context = pairs(m_context->text());
    return r;
}

void SimulationPanel::simulateNow()
{
    m_pending->stop();
    if (m_document->workspace().role(m_role) && !m_document->analysis()->isCurrent())
        m_document->analysis()->waitForCurrent();
    simulateWhenCurrent();
}

void SimulationPanel::simulateWhenCurrent()
{
    m_pending->stop();
    m_check.reset();
    m_checkScpLevel.reset();
    const core::Workspace &ws = m_document->workspace();
    if (!ws.role(m_role)) {
        m_waitingForModel = false;
        m_result = {};
        m_result.error = toStdString(tr("Pick a role to simulate who may assume it."));
        showResult(request());
        return;
    }
    // The document's model of the workspace as it is now; until it is ready the last result stays shown.
    const std::shared_ptr<const core::AccountModel> model = m_document->analysis()->model();
    m_waitingForModel = !model || !m_document->analysis()->isCurrent();
    if (m_waitingForModel)
        return;
    const core::AssumeRoleRequest r = request();
    m_permissions->clear();
    using Status = doc::EntityCompletionModel::Resolution::Status;
    if (m_principal->resolution().status == Status::Ambiguous) {
        // Not a guess: the field's list shows the principals of that name on Return.
        m_result = {};
        m_result.error = toStdString(tr("several principals are called %1: pick one from the list (Return shows them)")
                                         .arg(toQString(r.principal)));
        showResult(r);
        Q_EMIT simulated();
        return;
    }
    core::StsSimulator simulator(ws, model);
    m_result = simulator.assume(r);
    const doc::EntityCompletionModel::Resolution checked = m_checkResource->resolution();
    if (m_result.allowed && !m_checkAction->text().trimmed().isEmpty() && checked.status != Status::Ambiguous) {
        m_check = simulator.check(m_result, r, toStdString(m_checkAction->text().trimmed()),
            toStdString(checked.status == Status::Empty ? QStringLiteral("*") : checked.key));
        // An implicit deny where the organization has SCPs: the level whose SCPs allow nothing of the request (the
        // same request by the role, as `simulate --workspace` answers it).
        const core::Role *role = ws.role(m_role);
        if (role && m_check->decision == core::Decision::ImplicitlyDenied && m_check->error.empty()
            && model->organization()) {
            const core::RequestSimulator requests(ws, model);
            const core::WorkspaceDecision byRole =
                requests.simulate({ role->arn, m_check->action, m_check->resource, {} });
            if (byRole.decision == core::Decision::ImplicitlyDenied)
                m_checkScpLevel = byRole.scpLevelWithoutAllow;
        }
    }
    showResult(r);
    // The effective permissions: by service, then access level, then action.
    if (m_result.allowed) {
        const core::EffectivePermissions permissions = simulator.effectivePermissions(m_result, 500);
        for (const core::EffectiveService &service : permissions.services) {
            QStringList counts;
            for (std::size_t level = 0; level < service.countByLevel.size(); ++level) {
                if (service.countByLevel[level] > 0)
                    counts << QStringLiteral("%1 %2")
                                  .arg(service.countByLevel[level])
                                  .arg(toQString(core::accessLevelName(core::AccessLevel(level))));
            }
            auto *top = new QTreeWidgetItem(m_permissions,
                { QStringLiteral("%1 (%2)").arg(toQString(service.prefix), toQString(service.name)),
                    counts.join(QStringLiteral(", ")) });
            for (const core::EffectiveAction &action : service.actions) {
                QStringList resources;
                bool someConditional = false;
                for (const core::EffectiveResource &resource : action.resources) {
                    resources << toQString(core::effectiveResourceText(resource));
                    someConditional = someConditional || resource.conditional();
                }
                const QString note = action.conditional ? tr(" (conditional)")
                    : someConditional                   ? tr(" (partly conditional)")
                                                        : QString();
                auto *item = new QTreeWidgetItem(top,
                    { toQString(action.action) + note, toQString(core::accessLevelName(action.accessLevel)),
                        resources.join(QStringLiteral("; ")) });
                // Which policy's condition decides, per resource pattern; the tooltip has it all for a narrow panel.
                QStringList details = resources;
                for (const core::EffectiveResource &resource : action.resources) {
                    for (const core::EffectiveCondition &condition : resource.conditions) {
                        const QString text = QStringLiteral("%1: %2").arg(
                            toQString(resource.pattern), toQString(core::effectiveConditionText(condition)));
                        auto *child = new QTreeWidgetItem(item, { tr("condition"), QString(), text });
                        child->setToolTip(2, text);
                        details << tr("Condition on %1").arg(text);
                    }
                }
                for (int column : { 0, 2 })
                    item->setToolTip(column, details.join(QLatin1Char('\n')));
            }
        }
        if (permissions.unlisted > 0)
            new QTreeWidgetItem(m_permissions, { tr("… and %1 more actions").arg(permissions.unlisted) });
        for (const std::string &policy : permissions.unresolvedPolicies)
            new QTreeWidgetItem(m_permissions, { tr("Not found, left out: %1").arg(toQString(policy)) });
        m_permissions->resizeColumnToContents(0);
    }
    Q_EMIT simulated();
}

QString SimulationPanel::verdict() const
{
    return m_verdict->text();
}

QString SimulationPanel::checkVerdict() const
{
    return m_checkVerdict->text();
}

void SimulationPanel::showResult(const core::AssumeRoleRequest &r)
{
    m_hops->clear();
    m_credentials->clear();
    const core::Workspace &ws = m_document->workspace();
    const core::Role *role = ws.role(m_role);
    // The keys the simulator derives, shown so that nobody has to guess them.
    QStringList derived;
    derived << QStringLiteral("aws:PrincipalArn = %1").arg(toQString(r.principal));
    derived << QStringLiteral("aws:CurrentTime = %1").arg(m_time->dateTime().toString(Qt::ISODate));
    derived << QStringLiteral("aws:MultiFactorAuthPresent = %1")
                   .arg(r.mfaPresent ? QStringLiteral("true") : QStringLiteral("false"));
    if (!r.sourceIp.empty())
        derived << QStringLiteral("aws:SourceIp = %1").arg(toQString(r.sourceIp));
    m_derived->setText(derived.join(QStringLiteral(" · ")) + tr(" (derived)"));

    if (!m_result.error.empty()) {
        m_verdict->setText(tr("Cannot simulate: %1").arg(toQString(m_result.error)));
        m_verdict->setStyleSheet(QString());
        m_timeline->setSession(0, role ? role->maxSessionDuration : 3600, false, {}, {});
        m_checkVerdict->clear();
        return;
    }
    const core::AssumeRoleHop *last = m_result.hops.empty() ? nullptr : &m_result.hops.back();
    if (m_result.allowed && last) {
        m_verdict->setText(
            tr("Allowed: %1 may assume %2 for %3")
                .arg(toQString(r.principal), toQString(last->assumedRoleArn), durationText(last->durationSeconds)));
        m_verdict->setStyleSheet(QStringLiteral("color: #2e7d32"));
    } else if (last && last->failure) {
        m_verdict->setText(
            QStringLiteral("%1: %2").arg(toQString(last->failure->code), toQString(last->failure->message)));
        m_verdict->setStyleSheet(QStringLiteral("color: #d32f2f"));
    } else {
        m_verdict->setText(tr("Denied"));
        m_verdict->setStyleSheet(QStringLiteral("color: #d32f2f"));
    }
    if (last)
        m_timeline->setSession(last->credentials ? last->durationSeconds : 0,
            role ? role->maxSessionDuration : core::kDefaultMaxSessionDuration, last->chained, toQString(last->issued),
            toQString(last->expiration));

    for (std::size_t i = 0; i < m_result.hops.size(); ++i) {
        const core::AssumeRoleHop &hop = m_result.hops[i];
        auto *item = new QTreeWidgetItem(m_hops,
            { tr("%1. %2 → %3: %4")
                    .arg(i + 1)
                    .arg(toQString(hop.caller), toQString(hop.roleArn),
                        hop.failure ? toQString(hop.failure->code) : tr("allowed")) });
        if (!hop.sessionTags.empty()) {
            QStringList tags;
            for (const core::Tag &tag : hop.sessionTags) {
                const bool inherited = std::find(hop.inheritedTagKeys.begin(), hop.inheritedTagKeys.end(), tag.key)
                    != hop.inheritedTagKeys.end();
                const bool transitive = std::find(hop.transitiveTagKeys.begin(), hop.transitiveTagKeys.end(), tag.key)
                    != hop.transitiveTagKeys.end();
                tags << QStringLiteral("%1=%2%3%4")
                            .arg(toQString(tag.key), toQString(tag.value), inherited ? tr(" (inherited)") : QString(),
                                transitive ? tr(" (transitive)") : QString());
            }
            new QTreeWidgetItem(item, { tr("Session tags: %1").arg(tags.join(QStringLiteral(", "))) });
        }
        if (!hop.sessionPolicies.empty()) {
            QStringList policies;
            for (const std::string &policy : hop.sessionPolicies)
                policies << toQString(policy);
            new QTreeWidgetItem(item, { tr("Session policies: %1").arg(policies.join(QStringLiteral(", "))) });
        }
        if (hop.credentials) {
            new QTreeWidgetItem(item, { tr("Session %1").arg(toQString(hop.assumedRoleArn)) });
            new QTreeWidgetItem(
                item, { tr("Issued %1, expires %2").arg(toQString(hop.issued), toQString(hop.expiration)) });
        }
        if (hop.failure) {
            const core::StsFailure &f = *hop.failure;
            QString where = toQString(f.policy);
            if (f.statement)
                where += tr(", statement %1").arg(*f.statement + 1);
            if (!f.parameter.empty())
                where = tr("parameter %1").arg(toQString(f.parameter));
            auto *failure = new QTreeWidgetItem(item, { QStringLiteral("%1 — %2").arg(toQString(f.message), where) });
            if (!f.policy.empty() && f.statement) {
                failure->setData(0, PolicyLabelRole, toQString(f.policy));
                failure->setData(0, StatementIndexRole, int(*f.statement));
            }
            if (!f.rule.empty())
                new QTreeWidgetItem(failure, { toQString(f.rule) });
        }
        if (!hop.reason.empty())
            new QTreeWidgetItem(item, { toQString(hop.reason) });
        addStatementItems(item, hop.deciding, tr("Deciding statements"));
        auto *checks = new QTreeWidgetItem(item, { tr("Rules checked (%1)").arg(hop.checks.size()) });
        for (const core::StsCheck &c : hop.checks) {
            auto *checkItem = new QTreeWidgetItem(checks,
                { QStringLiteral("%1 %2").arg(
                    c.passed ? QStringLiteral("✓") : QStringLiteral("✗"), toQString(c.rule)) });
            checkItem->setToolTip(0, toQString(c.source) + QLatin1Char('\n') + toQString(c.detail));
        }
        item->setExpanded(true);
    }
    if (m_check && !m_check->explanation.deciding.empty()) {
        // The check's deciding statements, an SCP or RCP among them, open in their editors on a double-click.
        auto *checkItem = new QTreeWidgetItem(m_hops,
            { tr("Check %1 on %2: %3")
                    .arg(toQString(m_check->action), toQString(m_check->resource),
                        toQString(core::decisionName(m_check->decision))) });
        addStatementItems(checkItem, m_check->explanation.deciding, tr("Deciding statements"));
        checkItem->setExpanded(true);
    }
    if (!m_result.assumptions.empty()) {
        auto *assumed = new QTreeWidgetItem(m_hops, { tr("Assumed, as the workspace does not say") });
        for (const std::string &a : m_result.assumptions)
            new QTreeWidgetItem(assumed, { toQString(a) });
        assumed->setExpanded(true);
    }

    if (last && last->credentials) {
        const core::SimulatedCredentials &c = *last->credentials;
        m_credentials->setPlainText(tr("SIMULATED, NOT USABLE: no AWS service accepts these.\n")
            + QStringLiteral("AccessKeyId:     %1\nSecretAccessKey: %2\nSessionToken:    %3\nExpiration:      %4")
                  .arg(toQString(c.accessKeyId), toQString(c.secretAccessKey), toQString(c.sessionToken),
                      toQString(c.expiration)));
    }

    if (m_check) {
        const bool allowed = m_check->decision == core::Decision::Allowed;
        QString text = QStringLiteral("%1 %2 on %3: %4")
                           .arg(allowed ? QStringLiteral("✓") : QStringLiteral("✗"), toQString(m_check->action),
                               toQString(m_check->resource), toQString(core::decisionName(m_check->decision)));
        // The organization's part: the SCP or RCP whose Deny decided, or the level where no SCP allows.
        QStringList organization;
        for (const core::StatementRef &ref : m_check->explanation.deciding) {
            if (m_check->decision == core::Decision::ExplicitlyDenied
                && (ref.type == core::PolicyType::ServiceControl || ref.type == core::PolicyType::ResourceControl))
                organization
                    << tr("Denied by %1 %2").arg(toQString(core::policyTypeName(ref.type)), toQString(ref.policy));
        }
        if (m_checkScpLevel) {
            organization << tr("Implicitly denied: no SCP attached to %1 %2 (%3) allows it")
                                .arg(toQString(m_checkScpLevel->targetKindName()),
                                    toQString(m_checkScpLevel->targetName), toQString(m_checkScpLevel->targetId));
        }
        if (!m_check->error.empty())
            text += QStringLiteral(" — ") + toQString(m_check->error);
        else if (!organization.isEmpty())
            text += QStringLiteral(" — ") + organization.join(QStringLiteral("; "));
        else if (!m_check->explanation.reason.empty())
            text += QStringLiteral(" — ") + toQString(m_check->explanation.reason);
        m_checkVerdict->setText(text);
        m_checkVerdict->setStyleSheet(allowed ? QStringLiteral("color: #2e7d32") : QStringLiteral("color: #d32f2f"));
    } else if (m_result.allowed
        && m_checkResource->resolution().status == doc::EntityCompletionModel::Resolution::Status::Ambiguous) {
        m_checkVerdict->setText(tr("Several resources are called %1: pick one from the list (Return shows them).")
                                    .arg(m_checkResource->key()));
        m_checkVerdict->setStyleSheet(QString());
    } else {
        m_checkVerdict->setText(
            m_result.allowed ? tr("Name an action to check what the session may do.") : tr("No session to check."));
        m_checkVerdict->setStyleSheet(QString());
    }
}

} // namespace rd::ui
