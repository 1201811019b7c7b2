// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The validator's checks, one failing and one passing example per issue code (tests/data/validation/checks.jsonl:
// each row names the check and, where it is not Access Analyzer's own, the IAM User Guide page it follows), plus
// size quotas and role-level rules.
#include "DataFiles.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/PolicyValidator.h"
#include "rd/core/validation/RoleValidator.h"

#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace rd::core;

class TestPolicyChecks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyCodeFailsAndPasses();
    void check_data();
    void check();
    void sizeQuotasCountWithoutWhiteSpace();
    void roleLevelRules();

private:
    /// The rows of checks.jsonl, read once by initTestCase().
    std::vector<nlohmann::ordered_json> m_rows;
};

namespace
{

const QString kChecksFile = QStringLiteral(RD_TEST_DATA_DIR "/validation/checks.jsonl");

Policy parsed(const std::string &text)
{
    ParseResult result = parsePolicy(text);
    if (!result.isUsable())
        qFatal("test policy does not parse: %s", text.c_str());
    return std::move(*result.policy);
}

bool hasCode(const Diagnostics &findings, std::string_view code)
{
    return std::any_of(findings.begin(), findings.end(), [&](const Diagnostic &d) { return d.code == code; });
}

} // namespace

void TestPolicyChecks::initTestCase()
{
    RD_REQUIRE_FILE(kChecksFile);
    QFile file(kChecksFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(kChecksFile + QStringLiteral(": ") + file.errorString()));
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            m_rows.push_back(nlohmann::ordered_json::parse(line.toStdString()));
    }
    QVERIFY2(!m_rows.empty(), qPrintable(kChecksFile + QStringLiteral(" has no rows")));
}

void TestPolicyChecks::everyCodeFailsAndPasses()
{
    std::set<std::string> failing;
    std::set<std::string> passing;
    for (const auto &row : m_rows)
        (row.contains("pass") ? passing : failing).insert(row["code"].get<std::string>());
    QVERIFY(failing.size() >= 60);
    std::string missing;
    for (const std::string &code : failing) {
        if (!passing.count(code))
            missing += code + " ";
    }
    QVERIFY2(missing.empty(), qPrintable(QString::fromStdString("no passing example for " + missing)));
}

void TestPolicyChecks::check_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("underline");
    QTest::addColumn<QString>("attached");
    for (const auto &row : m_rows) {
        const bool pass = row.contains("pass");
        QTest::newRow(row["name"].get<std::string>().c_str())
            << QString::fromStdString(row["kind"].get<std::string>()) << QString::fromStdString(row["policy"].dump())
            << QString::fromStdString(row["code"].get<std::string>()) << pass
            << (pass ? QString() : QString::fromStdString(row["severity"].get<std::string>()))
            << (pass ? QString() : QString::fromStdString(row["underline"].get<std::string>()))
            << QString::fromStdString(row.value("attached", std::string()));
    }
}

void TestPolicyChecks::check()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(bool, pass);
    QFETCH(QString, attached);
    const std::string input = text.toStdString();
    ValidationOptions options;
    options.attachedResourceArn = attached.toStdString();
    const Diagnostics findings = validatePolicyText(input, policyKindFromName(kind.toStdString()), options);
    const auto it = std::find_if(
        findings.begin(), findings.end(), [&](const Diagnostic &d) { return d.code == code.toStdString(); });
    if (pass) {
        QVERIFY2(it == findings.end(), it == findings.end() ? "" : it->message.c_str());
        return;
    }
    QFETCH(QString, severity);
    QFETCH(QString, underline);
    QVERIFY2(it != findings.end(), qPrintable("no " + code + " among " + QString::number(findings.size())));
    QCOMPARE(QString::fromUtf8(severityName(it->severity).data()), severity);
    QCOMPARE(QString::fromStdString(input.substr(it->range.begin.offset, it->range.length())), underline);
    QVERIFY(!it->message.empty());
    QVERIFY(it->learnMoreUrl.find("access-analyzer-reference-policy-checks") != std::string::npos);
}

void TestPolicyChecks::sizeQuotasCountWithoutWhiteSpace()
{
    // IAM User Guide, "IAM and AWS STS quotas": managed policies 6,144 characters, role trust policies 2,048, SCPs
    // 5,120, "IAM doesn't count white space".
    auto policyWith = [](int resources, const std::string &indent) {
        std::string text = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
                           "\"s3:GetObject\", \"Resource\": [";
        for (int i = 0; i < resources; ++i)
            text += (i ? "," : "") + indent + "\"arn:aws:s3:::bucket/" + std::to_string(100000 + i) + "\"";
        return text + "]}]}";
    };
    const Policy small = parsed(policyWith(150, std::string(40, ' ')));
    QVERIFY(policySize(small) < 6144);
    QVERIFY(!hasCode(validatePolicy(small, PolicyKind::Identity), "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"));
    const Policy large = parsed(policyWith(250, ""));
    QVERIFY(policySize(large) > 6144);
    const Diagnostics findings = validatePolicy(large, PolicyKind::Identity);
    QVERIFY(hasCode(findings, "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"));
    ValidationOptions raised;
    raised.quotas.managedPolicy = 10000;
    QVERIFY(!hasCode(validatePolicy(large, PolicyKind::Identity, raised), "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"));
    const Diagnostics scp = validatePolicy(large, PolicyKind::ServiceControl);
    const auto it = std::find_if(
        scp.begin(), scp.end(), [](const Diagnostic &d) { return d.code == "POLICY_SIZE_EXCEEDS_SCP_QUOTA"; });
    QVERIFY(it != scp.end());
    QCOMPARE(it->severity, Severity::Error);
}

void TestPolicyChecks::roleLevelRules()
{
    const Policy trust = parsed(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}]})");
    Workspace ws;
    auto addRole = [&](const std::string &name) -> Role & {
        Role role;
        role.accountId = "111122223333";
        role.name = name;
        role.trustPolicy = trust;
        return *ws.role(ws.add(std::move(role)));
    };
    addRole("Deploy");
    addRole("deploy");
    Role &bad = addRole("bad name!");
    bad.path = "no-slashes";
    bad.maxSessionDuration = 60;
    for (int i = 0; i < 11; ++i)
        bad.attachedPolicyArns.push_back("arn:aws:iam::aws:policy/P" + std::to_string(i));
    for (int i = 0; i < 4; ++i) {
        std::string text =
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[)";
        for (int r = 0; r < 100; ++r)
            text += (r ? "," : "") + std::string("\"arn:aws:s3:::bucket/") + std::to_string(100000 + r) + "\"";
        bad.inlinePolicies.push_back(InlinePolicy { "P" + std::to_string(i), parsed(text + "]}]}") });
    }
    // IAM User Guide, "IAM identifiers" and "IAM and AWS STS quotas".
    const RoleFindings badFindings = validateRole(ws, ws.roles[2]);
    for (const char *code : { "INVALID_ROLE_NAME", "INVALID_ROLE_PATH", "INVALID_MAX_SESSION_DURATION",
             "MANAGED_POLICIES_PER_ROLE_EXCEEDED", "ROLE_INLINE_POLICIES_SIZE_EXCEEDS_QUOTA" })
        QVERIFY2(hasCode(badFindings.role, code), code);
    // Each inline policy is small: only the aggregate exceeds its quota.
    for (const auto &[name, findings] : badFindings.inlinePolicies)
        QVERIFY(!hasCode(findings, "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"));
    const RoleFindings duplicate = validateRole(ws, ws.roles[0]);
    QVERIFY(hasCode(duplicate.role, "DUPLICATE_ROLE_NAME"));
    // The trust policy is checked as the role account's: another account without sts:ExternalId.
    QVERIFY(hasCode(duplicate.trustPolicy, "MISSING_EXTERNAL_ID"));
    QVERIFY(duplicate.hasSeverityAtLeast(Severity::Error));

    Workspace clean;
    Role ok;
    ok.accountId = "111122223333";
    ok.name = "Deploy";
    ok.trustPolicy = parsed(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
    clean.add(ok);
    const RoleFindings none = validateRole(clean, clean.roles[0]);
    QCOMPARE(none.count(), std::size_t { 0 });
}

QTEST_APPLESS_MAIN(TestPolicyChecks)
#include "TestPolicyChecks.moc"
