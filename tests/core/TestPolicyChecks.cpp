// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The checks, run on the examples of tests/data/validation/ (checks.jsonl: one policy a row; roles.jsonl: one role;
// files.jsonl: one workspace, GAAD or list-roles file; docs/VALIDATION.md, "Checks", describes the fields). Each row
// names the check and, where it is not Access Analyzer's own, the page of the AWS documentation it follows; a failing
// row gives the finding type and, for findings in a text, the exact underlined text. TestCheckCodes checks that every
// code of the table has a failing and a passing row; this test runs them, plus size quotas and role-level rules on
// larger inputs.
#include "PolicyText.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/PolicyValidator.h"
#include "rd/core/validation/RoleValidator.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/OrganizationImport.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QChar>
#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace rd::core;
using rd::test::policyOf;
using Row = nlohmann::ordered_json;

class TestPolicyChecks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void check_data();
    void check();
    void roleCheck_data();
    void roleCheck();
    void fileCheck_data();
    void fileCheck();
    void sizeQuotasCountWithoutWhiteSpace();
    void roleLevelRules();
    void tagCharactersAreUnicodeLettersNumbersAndSeparators();
};

namespace
{

/// The rows of a file of tests/data/validation/, or why there are none (the file is missing, a line is not a row).
QString readRows(const char *name, std::vector<Row> &out)
{
    const QString path = QStringLiteral(RD_TEST_DATA_DIR "/validation/") + QLatin1String(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1").arg(path);
    int line = 0;
    while (!file.atEnd()) {
        const QByteArray text = file.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        Row row = Row::parse(text.toStdString(), nullptr, false);
        if (row.is_discarded() || !row.is_object() || !row.contains("name") || !row.contains("code"))
            return QStringLiteral("%1:%2 is not a row").arg(path).arg(line);
        out.push_back(std::move(row));
    }
    return out.empty() ? QStringLiteral("%1 has no rows").arg(path) : QString();
}

/// One data row per line of the file, named by its `name`, in the column `row`; a file that cannot be read gives one
/// row, named after the file, whose `problem` fails the test function.
void addRows(const char *name)
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("problem");
    std::vector<Row> rows;
    const QString problem = readRows(name, rows);
    if (!problem.isEmpty()) {
        QTest::newRow(name) << QString() << problem;
        return;
    }
    for (const Row &row : rows)
        QTest::newRow(row.at("name").get<std::string>().c_str()) << QString::fromStdString(row.dump()) << QString();
}

Row fetchRow()
{
    QFETCH(QString, row);
    return Row::parse(row.toStdString());
}

// A test function's first lines: the data file's problem, if any, fails it.
#define RD_FAIL_ON_DATA_PROBLEM()                                                                                      \
    do {                                                                                                               \
        QFETCH(QString, problem);                                                                                      \
        if (!problem.isEmpty())                                                                                        \
            QFAIL(qPrintable(problem));                                                                                \
    } while (false)

/// The row's input text: `textKey` verbatim, or `jsonKey` as compact JSON; then `pad` spaces.
std::string inputOf(const Row &row, const char *jsonKey, const char *textKey)
{
    std::string out = row.contains(textKey) ? row.at(textKey).get<std::string>() : row.at(jsonKey).dump();
    out.append(row.value("pad", std::size_t { 0 }), ' ');
    return out;
}

PolicyQuotas quotasOf(const Row &row)
{
    PolicyQuotas quotas;
    const Row set = row.value("quotas", Row::object());
    for (const auto &[key, value] : set.items()) {
        int *field = key == "managedPolicy"    ? &quotas.managedPolicy
            : key == "roleInlinePoliciesTotal" ? &quotas.roleInlinePoliciesTotal
            : key == "roleTrustPolicy"         ? &quotas.roleTrustPolicy
            : key == "serviceControlPolicy"    ? &quotas.serviceControlPolicy
            : key == "resourceControlPolicy"   ? &quotas.resourceControlPolicy
            : key == "managedPoliciesPerRole"  ? &quotas.managedPoliciesPerRole
                                               : nullptr;
        if (!field)
            qFatal("unknown quota `%s`", key.c_str());
        *field = value.get<int>();
    }
    return quotas;
}

bool hasCode(const Diagnostics &findings, std::string_view code)
{
    return std::any_of(findings.begin(), findings.end(), [&](const Diagnostic &d) { return d.code == code; });
}

/// Checks the row's expectation against the findings: the code absent for a passing row; otherwise present, with
/// the row's severity, the table's learn-more link, the row's `message` text if it gives one, and (for findings in a
/// text) the exact underlined text.
void expect(const Row &row, const Diagnostics &findings, const std::string *input)
{
    const std::string code = row.at("code").get<std::string>();
    const auto it = std::find_if(findings.begin(), findings.end(), [&](const Diagnostic &d) { return d.code == code; });
    if (row.value("pass", false)) {
        QVERIFY2(it == findings.end(), it == findings.end() ? "" : it->message.c_str());
        return;
    }
    QVERIFY2(it != findings.end(),
        qPrintable(QStringLiteral("no %1 among %2 findings").arg(QString::fromStdString(code)).arg(findings.size())));
    QCOMPARE(QString::fromUtf8(severityName(it->severity).data()),
        QString::fromStdString(row.at("severity").get<std::string>()));
    QVERIFY(!it->message.empty());
    if (row.contains("message"))
        QVERIFY2(it->message.find(row.at("message").get<std::string>()) != std::string::npos, it->message.c_str());
    const CheckInfo *check = findCheck(code);
    QVERIFY2(check, "the code is not in the check table");
    QCOMPARE(QString::fromStdString(it->learnMoreUrl), QString::fromStdString(learnMoreUrl(*check)));
    if (input)
        QCOMPARE(QString::fromStdString(input->substr(it->range.begin.offset, it->range.length())),
            QString::fromStdString(row.at("underline").get<std::string>()));
}

} // namespace

void TestPolicyChecks::check_data()
{
    addRows("checks.jsonl");
}

void TestPolicyChecks::check()
{
    RD_FAIL_ON_DATA_PROBLEM();
    const Row row = fetchRow();
    const std::string input = inputOf(row, "policy", "text");
    ValidationOptions options;
    options.attachedResourceArn = row.value("attached", std::string());
    options.ownerAccount = row.value("owner", std::string());
    options.quotas = quotasOf(row);
    const auto kind = policyKindFromName(row.at("kind").get<std::string>());
    QVERIFY(kind);
    expect(row, validatePolicyText(input, *kind, options), &input);
}

void TestPolicyChecks::roleCheck_data()
{
    addRows("roles.jsonl");
}

void TestPolicyChecks::roleCheck()
{
    RD_FAIL_ON_DATA_PROBLEM();
    const Row row = fetchRow();
    const std::string kLambdaTrust = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                                     R"("Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})";
    auto roleOf = [&](const Row &r) {
        Role role;
        role.accountId = r.value("accountId", std::string("111122223333"));
        role.name = r.at("name").get<std::string>();
        role.path = r.value("path", std::string("/"));
        role.maxSessionDuration = r.value("maxSessionDuration", kDefaultMaxSessionDuration);
        role.description = r.value("description", std::string());
        for (const Row &t : r.value("tags", Row::array()))
            role.tags.push_back(Tag { t.at("key").get<std::string>(), t.value("value", std::string()) });
        role.trustPolicy = policyOf(r.contains("trustPolicy") ? r.at("trustPolicy").dump() : kLambdaTrust);
        role.attachedPolicyArns = r.value("attachedPolicies", std::vector<std::string>());
        for (const Row &p : r.value("inlinePolicies", Row::array()))
            role.inlinePolicies.push_back(
                InlinePolicy { p.at("name").get<std::string>(), policyOf(p.at("document").dump()) });
        return role;
    };
    Workspace ws;
    const RoleId id = ws.add(roleOf(row.at("role")));
    for (const Row &other : row.value("others", Row::array()))
        ws.add(roleOf(other));
    ValidationOptions options;
    options.quotas = quotasOf(row);
    const RoleFindings findings = validateRole(ws, *ws.role(id), options);
    // Validating every role of a workspace answers the duplicate-name rule from an index: the same findings.
    const RoleNameIndex names(ws);
    const RoleFindings indexed = validateRole(*ws.role(id), names, options);
    QCOMPARE(indexed.role.size(), findings.role.size());
    for (std::size_t i = 0; i < findings.role.size(); ++i) {
        QCOMPARE(indexed.role[i].code, findings.role[i].code);
        QCOMPARE(indexed.role[i].message, findings.role[i].message);
    }
    Diagnostics all = findings.role;
    all.insert(all.end(), findings.trustPolicy.begin(), findings.trustPolicy.end());
    for (const auto &[name, policyFindings] : findings.inlinePolicies)
        all.insert(all.end(), policyFindings.begin(), policyFindings.end());
    expect(row, all, nullptr);
}

void TestPolicyChecks::fileCheck_data()
{
    addRows("files.jsonl");
}

void TestPolicyChecks::fileCheck()
{
    RD_FAIL_ON_DATA_PROBLEM();
    const Row row = fetchRow();
    const std::string input = inputOf(row, "file", "text");
    const std::string format = row.at("format").get<std::string>();
    Diagnostics findings;
    if (format == "workspace") {
        findings = loadWorkspaceText(input).diagnostics;
    } else if (format == "gaad") {
        findings = importGaad(input).diagnostics;
    } else if (format == "organization") {
        findings = importOrganization(input).diagnostics;
    } else if (format == "resources") {
        Workspace ws;
        findings = importResources(ws, input);
    } else if (format == "list-roles") {
        GaadImportResult account = importGaad(row.at("account").dump());
        QVERIFY(account.workspace);
        findings = mergeListRoles(*account.workspace, input);
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown format `%1`").arg(QString::fromStdString(format))));
    }
    expect(row, findings, &input);
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
    const Policy small = policyOf(policyWith(150, std::string(40, ' ')));
    QVERIFY(policySize(small) < 6144);
    QVERIFY(!hasCode(validatePolicy(small, PolicyKind::Identity), "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"));
    const Policy large = policyOf(policyWith(250, ""));
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
    const Policy trust = policyOf(
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
        bad.inlinePolicies.push_back(InlinePolicy { "P" + std::to_string(i), policyOf(text + "]}]}") });
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
    // The index names the same other role as the scan: the first of the account, in workspace order.
    const RoleNameIndex names(ws);
    for (const Role &role : ws.roles) {
        const Role *scanned = nullptr;
        for (const Role &other : ws.roles) {
            if (other.id != role.id && other.accountId == role.accountId
                && QString::fromStdString(other.name).compare(QString::fromStdString(role.name), Qt::CaseInsensitive)
                    == 0) {
                scanned = &other;
                break;
            }
        }
        QCOMPARE(names.otherWithSameName(role), scanned);
    }
    // The trust policy is checked as the role account's: another account without sts:ExternalId.
    QVERIFY(hasCode(duplicate.trustPolicy, "MISSING_EXTERNAL_ID"));
    QVERIFY(duplicate.hasSeverityAtLeast(Severity::Error));

    Workspace clean;
    Role ok;
    ok.accountId = "111122223333";
    ok.name = "Deploy";
    ok.trustPolicy = policyOf(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
    clean.add(ok);
    const RoleFindings none = validateRole(clean, clean.roles[0]);
    QCOMPARE(none.count(), std::size_t { 0 });
}

void TestPolicyChecks::tagCharactersAreUnicodeLettersNumbersAndSeparators()
{
    // IAM API Reference, "Tag": keys and values of [\p{L}\p{Z}\p{N}_.:/=+\-@]. Core reads the three classes from its
    // own table (scripts/make_unicode_table.py, Unicode 14.0); Qt's QChar, of the same Unicode version in Qt 6.4, is
    // the oracle for every code point that version assigns. Unassigned ones are in no class.
    const std::u32string_view symbols = U"_.:/=+-@";
    int allowed = 0;
    int refused = 0;
    int unassigned = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        const QChar::UnicodeVersion version = QChar::unicodeVersion(c);
        if (version == QChar::Unicode_Unassigned || version > QChar::Unicode_14_0) {
            if (version == QChar::Unicode_Unassigned && isTagCharacter(c))
                QFAIL(qPrintable(QStringLiteral("unassigned U+%1 is taken as a tag character")
                                     .arg(uint(c), 4, 16, QLatin1Char('0'))));
            ++unassigned;
            continue;
        }
        const QChar::Category category = QChar::category(c);
        const bool expected = QChar::isLetter(c) || QChar::isNumber(c) || category == QChar::Separator_Space
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph
            || symbols.find(c) != std::u32string_view::npos;
        if (isTagCharacter(c) != expected)
            QFAIL(qPrintable(QStringLiteral("U+%1: expected %2").arg(uint(c), 4, 16, QLatin1Char('0')).arg(expected)));
        ++(expected ? allowed : refused);
    }
    // Both answers were exercised, across the planes: letters of CJK Extension B (U+20000...) are in the table.
    QVERIFY(allowed > 130000);
    QVERIFY(refused > 100000);
    QVERIFY(unassigned > 0);
    QVERIFY(isTagCharacter(U'\U00020000'));
    QVERIFY(!isTagCharacter(U'\U0001F680'));
}

QTEST_GUILESS_MAIN(TestPolicyChecks)
#include "TestPolicyChecks.moc"
