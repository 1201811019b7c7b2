// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/PolicyValidator.h"

#include <QtTest>

using namespace rd::core;

class TestPolicyValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void grammar_data();
    void grammar();
    void validPoliciesHaveNoFindings_data();
    void validPoliciesHaveNoFindings();
    void missingEffectPointsAtTheStatement();
    void guessesTheKind_data();
    void guessesTheKind();
};

void TestPolicyValidator::grammar_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("underline");

    // Sources: IAM User Guide, "IAM JSON policy element reference" (Version, Statement, Sid, Effect, Principal,
    // NotPrincipal, Action, Resource) and "IAM policy validation check reference" (issue codes and finding types).
    QTest::addRow("Version: a policy without Version is read as 2008-10-17, a general warning")
        << R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})"
        << "identity"
        << "MISSING_VERSION"
        << "WARNING"
        << R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";
    QTest::addRow("Version: only 2012-10-17 and 2008-10-17 exist")
        << R"({"Version":"2012-10-18","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})"
        << "identity"
        << "INVALID_VERSION"
        << "ERROR"
        << R"("2012-10-18")";
    QTest::addRow("Statement: a policy needs one") << R"({"Version":"2012-10-17"})"
                                                   << "identity"
                                                   << "MISSING_STATEMENT"
                                                   << "ERROR"
                                                   << R"({"Version":"2012-10-17"})";
    QTest::addRow("Effect: every statement needs one")
        << R"({"Version":"2012-10-17","Statement":[{"Action":"*","Resource":"*"}]})"
        << "identity"
        << "MISSING_EFFECT"
        << "ERROR"
        << R"({"Action":"*","Resource":"*"})";
    QTest::addRow("Effect: the value is case-sensitive")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]})"
        << "identity"
        << "INVALID_EFFECT"
        << "ERROR"
        << R"("allow")";
    QTest::addRow("Action: a statement needs Action or NotAction")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]})"
        << "identity"
        << "MISSING_ACTION"
        << "ERROR"
        << R"({"Effect":"Allow","Resource":"*"})";
    QTest::addRow("Action: Action and NotAction cannot be combined")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}]})"
        << "identity"
        << "UNSUPPORTED_ELEMENT_COMBINATION"
        << "ERROR"
        << R"("NotAction")";
    QTest::addRow("Resource: an identity policy statement needs Resource or NotResource")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]})"
        << "identity"
        << "MISSING_RESOURCE"
        << "ERROR"
        << R"({"Effect":"Allow","Action":"*"})";
    QTest::addRow("Principal: identity policies cannot name a principal")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]})"
        << "identity"
        << "UNSUPPORTED_PRINCIPAL"
        << "ERROR"
        << R"("Principal")";
    QTest::addRow("Principal: an RCP's Principal must be * (AWS Organizations User Guide, RCP syntax)")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"}]})"
        << "rcp"
        << "UNSUPPORTED_PRINCIPAL"
        << "ERROR"
        << R"({"AWS":"111122223333"})";
    QTest::addRow("Principal: an RCP statement needs one (AWS Organizations User Guide, RCP syntax)")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]})"
        << "rcp"
        << "MISSING_PRINCIPAL"
        << "ERROR"
        << R"({"Effect":"Deny","Action":"s3:*","Resource":"*"})";
    QTest::addRow("Principal: a resource policy statement needs one")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})"
        << "resource"
        << "MISSING_PRINCIPAL"
        << "ERROR"
        << R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*"})";
    QTest::addRow("Principal: a string principal must be the wildcard")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"111122223333","Action":"sts:AssumeRole"}]})"
        << "trust"
        << "INVALID_PRINCIPAL_FORMAT"
        << "ERROR"
        << R"("111122223333")";
    QTest::addRow("Principal: the principal types are AWS, Service, Federated and CanonicalUser")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Services":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})"
        << "trust"
        << "INVALID_PRINCIPAL_KEY"
        << "ERROR"
        << R"("Services")";
    QTest::addRow("trust policy: NotPrincipal is not allowed")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]})"
        << "trust"
        << "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL"
        << "ERROR"
        << R"("NotPrincipal")";
    QTest::addRow("trust policy: Resource is not allowed, the role is the resource")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]})"
        << "trust"
        << "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE"
        << "ERROR"
        << R"("Resource")";
    QTest::addRow("Sid: statement ids must be unique within a policy")
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"}]})"
        << "identity"
        << "UNIQUE_SIDS_REQUIRED"
        << "ERROR"
        << R"("A")";
    QTest::addRow("JSON: a syntax error is a finding, not a failure") << R"({"Version":"2012-10-17" "Statement":[]})"
                                                                      << "identity"
                                                                      << "JSON_SYNTAX_ERROR"
                                                                      << "ERROR"
                                                                      << R"(")";
}

void TestPolicyValidator::grammar()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(QString, underline);
    const std::string input = text.toStdString();
    const Diagnostics findings = validatePolicyText(input, policyKindFromName(kind.toStdString()));
    const auto it = std::find_if(
        findings.begin(), findings.end(), [&](const Diagnostic &d) { return d.code == code.toStdString(); });
    QVERIFY2(it != findings.end(), qPrintable("no " + code + " among " + QString::number(findings.size())));
    QCOMPARE(QString::fromUtf8(severityName(it->severity).data()), severity);
    QCOMPARE(QString::fromStdString(input.substr(it->range.begin.offset, it->range.length())), underline);
    QVERIFY(!it->message.empty());
    QVERIFY(it->learnMoreUrl.find("access-analyzer-reference-policy-checks") != std::string::npos);
}

void TestPolicyValidator::validPoliciesHaveNoFindings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind");
    QTest::addRow("a Lambda execution role trust policy")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})"
        << "trust";
    QTest::addRow("an identity policy with NotResource")
        << R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:iam::*:role/x"}})"
        << "identity";
    QTest::addRow("an RCP names every principal and narrows them by condition")
        << R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-abc"}}}})"
        << "rcp";
    QTest::addRow("an SCP statement needs no Resource")
        << R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"organizations:LeaveOrganization"}})"
        << "scp";
    QTest::addRow("a bucket policy with a principal")
        << R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}})"
        << "resource";
}

void TestPolicyValidator::validPoliciesHaveNoFindings()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    const Diagnostics findings = validatePolicyText(text.toStdString(), policyKindFromName(kind.toStdString()));
    for (const Diagnostic &d : findings)
        qWarning("%s %s", d.code.c_str(), d.message.c_str());
    QVERIFY(findings.empty());
}

void TestPolicyValidator::missingEffectPointsAtTheStatement()
{
    const std::string text = "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n"
                             "            \"Action\": \"s3:GetObject\",\n            \"Resource\": \"*\"\n        }\n"
                             "    ]\n}\n";
    const Diagnostics findings = validatePolicyText(text, PolicyKind::Identity);
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings[0].code, std::string("MISSING_EFFECT"));
    QCOMPARE(findings[0].range.begin.line, 4);
    QCOMPARE(findings[0].range.begin.column, 9);
    QCOMPARE(findings[0].range.end.line, 7);
}

void TestPolicyValidator::guessesTheKind_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind");
    QTest::addRow("no principal means identity") << R"({"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})"
                                                 << "identity";
    QTest::addRow("a principal with only sts:AssumeRole* actions means trust")
        << R"({"Statement":{"Effect":"Allow","Principal":"*","Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"]}})"
        << "trust";
    QTest::addRow("a principal with other actions means resource")
        << R"({"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}})"
        << "resource";
}

void TestPolicyValidator::guessesTheKind()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    ParseResult r = parsePolicy(text.toStdString());
    QVERIFY(r.isUsable());
    QCOMPARE(QString::fromUtf8(policyKindName(guessPolicyKind(*r.policy)).data()), kind);
}

QTEST_APPLESS_MAIN(TestPolicyValidator)
#include "TestPolicyValidator.moc"
