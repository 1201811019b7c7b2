// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "PolicyText.h"
#include "rd/core/policy/PolicyWriter.h"
#include "widgets/editors/ConditionEditor.h"
#include "widgets/editors/ConditionRow.h"
#include "widgets/editors/StringListEditor.h"
#include "widgets/editors/TrustPolicyForm.h"
#include "widgets/editors/TrustStatementCard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

using namespace rd;

namespace
{

/// JSON written with single quotes, for readability in tests.
QString J(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('\''), QLatin1Char('"'));
}

QString minified(const core::Policy &policy)
{
    return QString::fromStdString(core::writePolicy(policy, core::WriteStyle::Minified));
}

struct Edit {
    core::Policy policy;
    QString undoText;
    QString mergeKey;
};

/// Every policyEdited of a form, in order.
struct EditLog {
    std::vector<Edit> edits;
    explicit EditLog(ui::TrustPolicyForm &form)
    {
        QObject::connect(&form, &ui::TrustPolicyForm::policyEdited, &form,
            [this](const core::Policy &p, const QString &u, const QString &m) {
                edits.push_back(Edit { p, u, m });
            });
    }
};

/// What the document does with each edit: write the text, read it back and show it again.
void roundTrip(ui::TrustPolicyForm &form)
{
    QObject::connect(&form, &ui::TrustPolicyForm::policyEdited, &form,
        [&form](const core::Policy &p) { form.setPolicy(test::policyOf(minified(p).toStdString())); });
}

QLineEdit *principalLine(ui::TrustPolicyForm &form, int card, int entry = 0, int row = 0)
{
    const auto editors = form.card(card)->findChildren<ui::StringListEditor *>(QStringLiteral("principalValuesEditor"));
    if (entry >= editors.size())
        return nullptr;
    return editors[entry]->lineEdit(row);
}

/// Picks a kind in the chooser with the keyboard and types the value, then Return.
void addByKeyboard(ui::TrustPolicyForm &form, int kind, const QString &value)
{
    auto *kinds = form.findChild<QComboBox *>(QStringLiteral("kindCombo"));
    kinds->setFocus();
    while (kinds->currentIndex() < kind)
        QTest::keyClick(kinds, Qt::Key_Down);
    while (kinds->currentIndex() > kind)
        QTest::keyClick(kinds, Qt::Key_Up);
    auto *valueEdit = form.findChild<QComboBox *>(QStringLiteral("principalValueEdit"));
    QLineEdit *line = valueEdit->lineEdit();
    line->setFocus();
    QTest::keyClicks(line, value);
    // Return may first close the completion popup; a second Return then adds.
    QTest::keyClick(line, Qt::Key_Return);
}

} // namespace

class TestTrustPolicyForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addsTheLambdaServiceFromKeyPresses();
    void eachKindAddsItsAction_data();
    void eachKindAddsItsAction();
    void refusesValuesThatDoNotFitTheKind_data();
    void refusesValuesThatDoNotFitTheKind();
    void setsTheVersionWhenThePolicyHasNone();
    void suggestsHardeningWhereItApplies_data();
    void suggestsHardeningWhereItApplies();
    void trustActionsFollowThePrincipalKind();
    void setPolicyInPlaceKeepsFocusAndCursor();
    void keepsWhatTheFormDoesNotShow();
    void conditionsAndRemovalEmitOneEditEach();
    void staleModeTakesNoGesture();
};

void TestTrustPolicyForm::addsTheLambdaServiceFromKeyPresses()
{
    ui::TrustPolicyForm form;
    form.setPolicy(test::policyOf(J("{'Version':'2012-10-17','Statement':[]}").toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    EditLog log(form);
    auto *kinds = form.findChild<QComboBox *>(QStringLiteral("kindCombo"));
    QVERIFY(kinds);
    QCOMPARE(kinds->currentText(), QStringLiteral("AWS service"));
    auto *value = form.findChild<QComboBox *>(QStringLiteral("principalValueEdit"));
    QVERIFY(value && value->isEditable());
    // The service list comes from the known service principals, with completion.
    QVERIFY(value->findText(QStringLiteral("lambda.amazonaws.com")) >= 0);
    value->lineEdit()->setFocus();
    QTest::keyClicks(value->lineEdit(), QStringLiteral("lambda.amazonaws.com"));
    QVERIFY(log.edits.empty());
    QTest::keyClick(value->lineEdit(), Qt::Key_Return);
    QCOMPARE(log.edits.size(), std::size_t { 1 });
    QCOMPARE(log.edits.back().undoText, QStringLiteral("Add trusted entity"));
    QCOMPARE(log.edits.back().mergeKey, QString());
    // IAM User Guide, "Create a role to delegate permissions to an AWS service": no Sid, no condition, plain strings.
    const QString expected =
        J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},"
          "'Action':'sts:AssumeRole'}]}");
    QCOMPARE(minified(log.edits.back().policy), expected);
    QCOMPARE(minified(form.policy()), expected);
    QCOMPARE(form.cardCount(), 1);
    QCOMPARE(value->currentText(), QString());
    QCOMPARE(principalLine(form, 0)->text(), QStringLiteral("lambda.amazonaws.com"));
}

void TestTrustPolicyForm::eachKindAddsItsAction_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("statement");

    // IAM User Guide, "Create a role to give permissions to an IAM user" / "Access to AWS accounts owned by third
    // parties": AWS principals assume with sts:AssumeRole.
    QTest::newRow("an AWS account ID becomes the account's root ARN with sts:AssumeRole")
        << static_cast<int>(ui::TrustedEntityKind::Account) << QStringLiteral("444455556666")
        << J("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::444455556666:root'},'Action':'sts:AssumeRole'}");
    QTest::newRow("a role ARN is trusted with sts:AssumeRole")
        << static_cast<int>(ui::TrustedEntityKind::RoleOrUser)
        << QStringLiteral("arn:aws:iam::444455556666:role/Deployer")
        << J("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::444455556666:role/"
             "Deployer'},'Action':'sts:AssumeRole'}");
    // AWS STS API Reference, AssumeRoleWithSAML.
    QTest::newRow("a SAML provider is trusted with sts:AssumeRoleWithSAML")
        << static_cast<int>(ui::TrustedEntityKind::Saml)
        << QStringLiteral("arn:aws:iam::111122223333:saml-provider/Okta")
        << J("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:saml-provider/Okta'},"
             "'Action':'sts:AssumeRoleWithSAML'}");
    // AWS STS API Reference, AssumeRoleWithWebIdentity; IAM User Guide, "Create a role for OpenID Connect federation".
    QTest::newRow("an OIDC host becomes the provider ARN in the role's account with sts:AssumeRoleWithWebIdentity")
        << static_cast<int>(ui::TrustedEntityKind::Oidc) << QStringLiteral("token.actions.githubusercontent.com")
        << J("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:oidc-provider/"
             "token.actions.githubusercontent.com'},'Action':'sts:AssumeRoleWithWebIdentity'}");
    QTest::newRow("an OIDC provider ARN is kept as typed")
        << static_cast<int>(ui::TrustedEntityKind::Oidc)
        << QStringLiteral("arn:aws:iam::444455556666:oidc-provider/gitlab.com")
        << J("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::444455556666:oidc-provider/gitlab.com'},"
             "'Action':'sts:AssumeRoleWithWebIdentity'}");
    QTest::newRow("a web identity provider is trusted with sts:AssumeRoleWithWebIdentity")
        << static_cast<int>(ui::TrustedEntityKind::WebIdentity) << QStringLiteral("accounts.google.com")
        << J("{'Effect':'Allow','Principal':{'Federated':'accounts.google.com'},'Action':'sts:"
             "AssumeRoleWithWebIdentity'}");
    QTest::newRow("a service is trusted with sts:AssumeRole")
        << static_cast<int>(ui::TrustedEntityKind::Service) << QStringLiteral("ecs-tasks.amazonaws.com")
        << J("{'Effect':'Allow','Principal':{'Service':'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'}");
}

void TestTrustPolicyForm::eachKindAddsItsAction()
{
    QFETCH(int, kind);
    QFETCH(QString, typed);
    QFETCH(QString, statement);
    ui::TrustPolicyForm form;
    form.setRoleAccount(QStringLiteral("111122223333"));
    form.setPolicy(test::policyOf(J("{'Version':'2012-10-17','Statement':[]}").toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    EditLog log(form);
    addByKeyboard(form, kind, typed);
    if (log.edits.empty()) // The completion popup took the first Return.
        QTest::keyClick(form.findChild<QComboBox *>(QStringLiteral("principalValueEdit"))->lineEdit(), Qt::Key_Return);
    QCOMPARE(log.edits.size(), std::size_t { 1 });
    QCOMPARE(minified(form.policy()), J("{'Version':'2012-10-17','Statement':[") + statement + QStringLiteral("]}"));
}

void TestTrustPolicyForm::refusesValuesThatDoNotFitTheKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("roleAccount");

    QTest::newRow("an account ID has 12 digits") << static_cast<int>(ui::TrustedEntityKind::Account)
                                                 << QStringLiteral("12345") << QStringLiteral("111122223333");
    QTest::newRow("a service principal is a DNS name")
        << static_cast<int>(ui::TrustedEntityKind::Service) << QStringLiteral("Lambda") << QString();
    QTest::newRow("a role ARN names a role or user")
        << static_cast<int>(ui::TrustedEntityKind::RoleOrUser) << QStringLiteral("arn:aws:s3:::bucket") << QString();
    QTest::newRow("a SAML provider ARN names a saml-provider")
        << static_cast<int>(ui::TrustedEntityKind::Saml)
        << QStringLiteral("arn:aws:iam::111122223333:oidc-provider/x.com") << QString();
    QTest::newRow("an OIDC host needs the role's account to make the ARN")
        << static_cast<int>(ui::TrustedEntityKind::Oidc) << QStringLiteral("gitlab.com") << QString();
}

void TestTrustPolicyForm::refusesValuesThatDoNotFitTheKind()
{
    QFETCH(int, kind);
    QFETCH(QString, typed);
    QFETCH(QString, roleAccount);
    ui::TrustPolicyForm form;
    form.setRoleAccount(roleAccount);
    const QString empty = J("{'Version':'2012-10-17','Statement':[]}");
    form.setPolicy(test::policyOf(empty.toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    EditLog log(form);
    addByKeyboard(form, kind, typed);
    QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("addPrincipalButton")), Qt::LeftButton);
    QVERIFY(log.edits.empty());
    QCOMPARE(minified(form.policy()), empty);
    auto *error = form.findChild<QLabel *>(QStringLiteral("principalValueErrorLabel"));
    QVERIFY(!error->isHidden());
    QVERIFY(!error->text().isEmpty());
    // Typing again clears the message.
    QTest::keyClicks(
        form.findChild<QComboBox *>(QStringLiteral("principalValueEdit"))->lineEdit(), QStringLiteral("x"));
    QVERIFY(error->isHidden());
}

void TestTrustPolicyForm::setsTheVersionWhenThePolicyHasNone()
{
    ui::TrustPolicyForm form;
    form.setPolicy(test::policyOf(J("{'Statement':{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},"
                                    "'Action':'sts:AssumeRole'}}")
                                      .toStdString()));
    QString error;
    QVERIFY2(form.addTrustedEntity(ui::TrustedEntityKind::Service, QStringLiteral("lambda.amazonaws.com"), &error),
        qPrintable(error));
    // The Version goes first, and a lone statement object becomes an array to hold the second statement.
    QCOMPARE(minified(form.policy()),
        J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},"
          "'Action':'sts:AssumeRole'},{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},"
          "'Action':'sts:AssumeRole'}]}"));
}

void TestTrustPolicyForm::suggestsHardeningWhereItApplies_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("roleAccount");
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("shown");
    QTest::addColumn<QString>("condition"); // after the click; `*` stands for a generated value

    const QString account = QStringLiteral("111122223333");
    // IAM User Guide, "Access to AWS accounts owned by third parties".
    QTest::newRow("another account without an external ID is asked for one")
        << J("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::444455556666:root'},'Action':'sts:AssumeRole'}")
        << account << QStringLiteral("requireExternalIdButton") << true << J("{'StringEquals':{'sts:ExternalId':'*'}}");
    QTest::newRow("the role's own account needs no external ID")
        << J("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:role/Admin'},'Action':'sts:AssumeRole'}")
        << account << QStringLiteral("requireExternalIdButton") << false << QString();
    QTest::newRow("an external ID already required is not suggested again")
        << J("{'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'sts:AssumeRole',"
             "'Condition':{'StringEquals':{'sts:externalid':'x'}}}")
        << account << QStringLiteral("requireExternalIdButton") << false << QString();
    QTest::newRow("a Deny statement is not hardened")
        << J("{'Effect':'Deny','Principal':{'AWS':'arn:aws:iam::444455556666:root'},'Action':'sts:AssumeRole'}")
        << account << QStringLiteral("requireExternalIdButton") << false << QString();
    // IAM User Guide, "The confused deputy problem".
    QTest::newRow("a service is limited to the role's account")
        << J("{'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sts:AssumeRole'}") << account
        << QStringLiteral("limitToAccountButton") << true << J("{'StringEquals':{'aws:SourceAccount':'111122223333'}}");
    QTest::newRow("a service already limited by aws:SourceArn is not")
        << J("{'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sts:AssumeRole',"
             "'Condition':{'ArnLike':{'aws:SourceArn':'arn:aws:sns:*:111122223333:*'}}}")
        << account << QStringLiteral("limitToAccountButton") << false << QString();
    QTest::newRow("without the role's account there is nothing to limit to")
        << J("{'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sts:AssumeRole'}") << QString()
        << QStringLiteral("limitToAccountButton") << false << QString();
    QTest::newRow("the limit merges into an existing StringEquals clause")
        << J("{'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sts:AssumeRole',"
             "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-1'}}}")
        << account << QStringLiteral("limitToAccountButton") << true
        << J("{'StringEquals':{'aws:PrincipalOrgID':'o-1','aws:SourceAccount':'111122223333'}}");
    // IAM User Guide, "Configuring a role for GitHub OIDC identity provider".
    QTest::newRow("a GitHub OIDC provider gets the sts.amazonaws.com audience")
        << J("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:oidc-provider/"
             "token.actions.githubusercontent.com'},'Action':'sts:AssumeRoleWithWebIdentity'}")
        << account << QStringLiteral("requireAudienceButton") << true
        << J("{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'}}");
    QTest::newRow("a GitHub OIDC provider is limited to a repository")
        << J("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:oidc-provider/"
             "token.actions.githubusercontent.com'},'Action':'sts:AssumeRoleWithWebIdentity',"
             "'Condition':{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'}}}")
        << account << QStringLiteral("requireSubjectButton") << true
        << J("{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
             "'StringLike':{'token.actions.githubusercontent.com:sub':'repo:OWNER/REPO:*'}}");
    QTest::newRow("an audience already required is not suggested again")
        << J("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:oidc-provider/"
             "token.actions.githubusercontent.com'},'Action':'sts:AssumeRoleWithWebIdentity',"
             "'Condition':{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'}}}")
        << account << QStringLiteral("requireAudienceButton") << false << QString();
    QTest::newRow("a subject is not asked of a SAML provider")
        << J("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:saml-provider/Okta'},"
             "'Action':'sts:AssumeRoleWithSAML'}")
        << account << QStringLiteral("requireSubjectButton") << false << QString();
    // IAM User Guide, "Create a role for SAML 2.0 federation".
    QTest::newRow("a SAML provider gets the AWS sign-in audience")
        << J("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:saml-provider/Okta'},"
             "'Action':'sts:AssumeRoleWithSAML'}")
        << account << QStringLiteral("requireSamlAudienceButton") << true
        << J("{'StringEquals':{'SAML:aud':'https://signin.aws.amazon.com/saml'}}");
    QTest::newRow("no SAML audience for a service")
        << J("{'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sts:AssumeRole'}") << account
        << QStringLiteral("requireSamlAudienceButton") << false << QString();
}

void TestTrustPolicyForm::suggestsHardeningWhereItApplies()
{
    QFETCH(QString, statement);
    QFETCH(QString, roleAccount);
    QFETCH(QString, button);
    QFETCH(bool, shown);
    QFETCH(QString, condition);
    ui::TrustPolicyForm form;
    form.setRoleAccount(roleAccount);
    form.setPolicy(
        test::policyOf((J("{'Version':'2012-10-17','Statement':[") + statement + QStringLiteral("]}")).toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    EditLog log(form);
    auto *suggestion = form.card(0)->findChild<QPushButton *>(button);
    QVERIFY(suggestion);
    QCOMPARE(suggestion->isVisible(), shown);
    if (!shown)
        return;
    QTest::mouseClick(suggestion, Qt::LeftButton);
    QCOMPARE(log.edits.size(), std::size_t { 1 });
    QCOMPARE(log.edits.back().mergeKey, QString());
    QVERIFY(!suggestion->isVisible());
    const core::Policy after = form.policy();
    const core::Statement &edited = after.statements.front();
    QVERIFY(edited.condition);
    core::Policy holder;
    holder.statements.push_back(core::Statement {});
    holder.statements.front().condition = edited.condition;
    holder.statementForm = core::StatementForm::Object;
    QString written = minified(holder);
    written = written.mid(QStringLiteral("{\"Statement\":{\"Condition\":").size());
    written.chop(2);
    if (condition.contains(QLatin1Char('*')) && !condition.contains(QLatin1String(":*"))) {
        // A generated external ID: a UUID, editable in the condition editor.
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(
            QRegularExpression::escape(condition).replace(QStringLiteral("\\*"), QStringLiteral("[0-9a-f-]{36}"))));
        QVERIFY2(pattern.match(written).hasMatch(), qPrintable(written));
    } else {
        QCOMPARE(written, condition);
    }
    // The condition shows in the card's condition editor.
    auto *conditions = form.card(0)->findChild<ui::ConditionEditor *>(QStringLiteral("conditionEditor"));
    QVERIFY(conditions->rowCount() >= 1);
}

void TestTrustPolicyForm::trustActionsFollowThePrincipalKind()
{
    ui::TrustPolicyForm form;
    form.setPolicy(
        test::policyOf(J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':"
                         "'arn:aws:iam::111122223333:saml-provider/Okta'},'Action':'sts:AssumeRoleWithSAML'}]}")
                           .toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    EditLog log(form);
    ui::TrustStatementCard *card = form.card(0);
    auto box = [&](const char *name) {
        return card->findChild<QCheckBox *>(QStringLiteral("trustActionCheckBox_") + QLatin1String(name));
    };
    QVERIFY(box("AssumeRoleWithSAML")->isChecked());
    QVERIFY(box("AssumeRoleWithSAML")->isEnabled());
    QVERIFY(!box("AssumeRole")->isEnabled());
    QVERIFY(!box("AssumeRoleWithWebIdentity")->isEnabled());
    QVERIFY(box("TagSession")->isEnabled());
    QVERIFY(box("SetSourceIdentity")->isEnabled());
    // IAM User Guide, "Passing session tags in AWS STS": sts:TagSession next to the assume action.
    box("TagSession")->setFocus();
    QTest::keyClick(box("TagSession"), Qt::Key_Space);
    QCOMPARE(log.edits.size(), std::size_t { 1 });
    QCOMPARE(minified(form.policy()),
        J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':"
          "'arn:aws:iam::111122223333:saml-provider/Okta'},'Action':['sts:AssumeRoleWithSAML','sts:TagSession']}]}"));
    QTest::mouseClick(box("AssumeRoleWithSAML"), Qt::LeftButton);
    QCOMPARE(minified(form.policy()),
        J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':"
          "'arn:aws:iam::111122223333:saml-provider/Okta'},'Action':'sts:TagSession'}]}"));

    // Services do not set a source identity.
    form.setPolicy(test::policyOf(J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':"
                                    "'ec2.amazonaws.com'},'Action':['sts:AssumeRole','ec2:Foo']}]}")
                                      .toStdString()));
    QVERIFY(box("AssumeRole")->isChecked());
    QVERIFY(!box("SetSourceIdentity")->isEnabled());
    // Actions that are not trust actions are listed, and kept.
    auto *others = card->findChild<QLabel *>(QStringLiteral("otherActionsLabel"));
    QVERIFY(others->text().contains(QStringLiteral("ec2:Foo")));
}

void TestTrustPolicyForm::setPolicyInPlaceKeepsFocusAndCursor()
{
    ui::TrustPolicyForm form;
    form.setPolicy(test::policyOf(J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':"
                                    "['arn:aws:iam::444455556666:root','arn:aws:iam::444455556666:role/A']},"
                                    "'Action':'sts:AssumeRole'}]}")
                                      .toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    roundTrip(form);
    EditLog log(form);
    QLineEdit *line = principalLine(form, 0, 0, 1);
    QVERIFY(line);
    line->setFocus();
    line->setCursorPosition(line->text().size());
    QTest::keyClicks(line, QStringLiteral("dmin"));
    QCOMPARE(log.edits.size(), std::size_t { 4 });
    for (const Edit &edit : log.edits)
        QCOMPARE(edit.mergeKey, QStringLiteral("trust/stmt/0/principal/0"));
    QCOMPARE(principalLine(form, 0, 0, 1), line);
    QVERIFY(line->hasFocus());
    QCOMPARE(line->cursorPosition(), line->text().size());
    QCOMPARE(line->text(), QStringLiteral("arn:aws:iam::444455556666:role/Admin"));
    // In the middle of the text too.
    line->setCursorPosition(4);
    QTest::keyClicks(line, QStringLiteral("x"));
    QCOMPARE(principalLine(form, 0, 0, 1), line);
    QCOMPARE(line->cursorPosition(), 5);
    QCOMPARE(minified(form.policy()),
        J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':"
          "['arn:aws:iam::444455556666:root','arn:xaws:iam::444455556666:role/Admin']},'Action':'sts:AssumeRole'}]}"));
}

void TestTrustPolicyForm::keepsWhatTheFormDoesNotShow()
{
    const QString before =
        J("{'Id':'trust','Version':'2012-10-17','Statement':[{'Sid':'Ci','Effect':'Allow','Principal':{'Service':"
          "'codebuild.amazonaws.com','Foo':'bar'},'NotPrincipal':{'AWS':'arn:aws:iam::111122223333:root'},"
          "'Action':'sts:AssumeRole','Condition':{'StringEqualz':{'a:b':'c'}},'Custom':{'x':[1,2]}}],'Extra':true}");
    ui::TrustPolicyForm form;
    form.setPolicy(test::policyOf(before.toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    EditLog log(form);
    // The unknown principal type shows with its values, and NotPrincipal is mentioned.
    QCOMPARE(form.card(0)->findChildren<ui::StringListEditor *>(QStringLiteral("principalValuesEditor")).size(), 2);
    QVERIFY(!form.card(0)->findChild<QLabel *>(QStringLiteral("principalNoteLabel"))->isHidden());
    QLineEdit *line = principalLine(form, 0, 0);
    line->setCursorPosition(9);
    QTest::keyClicks(line, QStringLiteral("2"));
    QCOMPARE(log.edits.size(), std::size_t { 1 });
    QCOMPARE(minified(form.policy()),
        J("{'Id':'trust','Version':'2012-10-17','Statement':[{'Sid':'Ci','Effect':'Allow','Principal':{"
          "'Service':'codebuild2.amazonaws.com','Foo':'bar'},'NotPrincipal':{'AWS':"
          "'arn:aws:iam::111122223333:root'},'Action':'sts:AssumeRole','Condition':{'StringEqualz':{'a:b':'c'}},"
          "'Custom':{'x':[1,2]}}],'Extra':true}"));
    // The Effect combo, by keyboard.
    auto *effect = form.card(0)->findChild<QComboBox *>(QStringLiteral("effectCombo"));
    effect->setFocus();
    QTest::keyClick(effect, Qt::Key_Down);
    QCOMPARE(form.policy().statements.front().effect->value, std::string("Deny"));
    QCOMPARE(form.policy().extras.size(), std::size_t { 1 });
    QCOMPARE(form.policy().statements.front().extras.size(), std::size_t { 1 });
}

void TestTrustPolicyForm::conditionsAndRemovalEmitOneEditEach()
{
    ui::TrustPolicyForm form;
    form.setPolicy(test::policyOf(J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':"
                                    "'ec2.amazonaws.com'},'Action':'sts:AssumeRole','Condition':{'StringEquals':"
                                    "{'aws:SourceAccount':'1'}}},{'Effect':'Allow','Principal':{'AWS':'111122223333'},"
                                    "'Action':'sts:AssumeRole'}]}")
                                      .toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    EditLog log(form);
    auto *conditions = form.card(0)->findChild<ui::ConditionEditor *>(QStringLiteral("conditionEditor"));
    // The key picker knows the keys of sts:AssumeRole.
    QVERIFY(conditions->offeredKeys().contains(QStringLiteral("sts:ExternalId")));
    QTest::keyClicks(conditions->row(0)->valuesEditor()->lineEdit(0), QStringLiteral("2"));
    QCOMPARE(log.edits.size(), std::size_t { 1 });
    QCOMPARE(log.edits.back().mergeKey, QStringLiteral("trust/stmt/0/cond/0/values"));
    QCOMPARE(form.policy().statements.front().condition->clauses.front().entries.front().values.front().text,
        std::string("12"));
    QTest::mouseClick(form.card(0)->findChild<QToolButton *>(QStringLiteral("removeStatementButton")), Qt::LeftButton);
    QCOMPARE(log.edits.size(), std::size_t { 2 });
    QCOMPARE(log.edits.back().undoText, QStringLiteral("Remove trusted entity"));
    QCOMPARE(log.edits.back().mergeKey, QString());
    QCOMPARE(form.cardCount(), 1);
    QCOMPARE(minified(form.policy()),
        J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'111122223333'},"
          "'Action':'sts:AssumeRole'}]}"));
}

void TestTrustPolicyForm::staleModeTakesNoGesture()
{
    ui::TrustPolicyForm form;
    const QString text = J("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':"
                           "'ec2.amazonaws.com'},'Action':'sts:AssumeRole'}]}");
    form.setPolicy(test::policyOf(text.toStdString()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    EditLog log(form);
    auto *banner = form.findChild<QLabel *>(QStringLiteral("staleBanner"));
    QVERIFY(banner->isHidden());
    form.setStale(true);
    QVERIFY(banner->isVisible());
    QLineEdit *line = principalLine(form, 0);
    QVERIFY(!line->isEnabled());
    QVERIFY(line->isReadOnly());
    QVERIFY(!form.findChild<QPushButton *>(QStringLiteral("addPrincipalButton"))->isEnabled());
    QTest::keyClicks(line, QStringLiteral("x"));
    QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("addPrincipalButton")), Qt::LeftButton);
    QVERIFY(!form.addTrustedEntity(ui::TrustedEntityKind::Service, QStringLiteral("lambda.amazonaws.com")));
    QVERIFY(log.edits.empty());
    QCOMPARE(minified(form.policy()), text);
    form.setStale(false);
    QVERIFY(banner->isHidden());
    QVERIFY(line->isEnabled());
    QVERIFY(!line->isReadOnly());
    line->setFocus();
    line->setCursorPosition(3);
    QTest::keyClicks(line, QStringLiteral("2"));
    QCOMPARE(log.edits.size(), std::size_t { 1 });
}

QTEST_MAIN(TestTrustPolicyForm)
#include "TestTrustPolicyForm.moc"
