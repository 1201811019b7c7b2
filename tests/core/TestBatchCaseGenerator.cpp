// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The generated batch cases (tests/support/BatchCaseGenerator) that the differential harness and the batch benchmarks
// run: the same for a seed, all accepted by `simulate --batch`, of the size the benchmarks assume, and covering what
// the harness is meant to compare.
#include "BatchCaseGenerator.h"
#include "rd/core/evaluation/BatchSimulation.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace rd::core;
using rd::test::BatchCaseGenerator;

namespace
{

constexpr int kCases = 3000;

std::vector<std::string> generate(std::uint64_t seed, int count)
{
    BatchCaseGenerator generator(seed);
    std::vector<std::string> lines;
    lines.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        lines.push_back(generator.next());
    return lines;
}

// Every condition operator of a policy document, with its qualifier and IfExists.
void collectOperators(const nlohmann::json &policy, std::set<std::string> &out)
{
    if (!policy.is_object() || !policy.contains("Statement"))
        return;
    const nlohmann::json &statements = policy.at("Statement");
    for (const nlohmann::json &statement : statements.is_array() ? statements : nlohmann::json::array({ statements })) {
        if (statement.contains("Condition")) {
            for (const auto &[op, keys] : statement.at("Condition").items())
                out.insert(op);
        }
        for (const char *element : { "NotAction", "NotResource", "NotPrincipal" }) {
            if (statement.contains(element))
                out.insert(element);
        }
    }
}

} // namespace

class TestBatchCaseGenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameCases();
    void everyCaseIsAccepted();
    void casesAverageAboutOnePointEightKilobytes();
    void casesCoverWhatTheHarnessCompares_data();
    void casesCoverWhatTheHarnessCompares();

private:
    std::vector<std::string> m_cases = generate(1, kCases);
};

void TestBatchCaseGenerator::sameSeedSameCases()
{
    QCOMPARE(generate(1, 200), std::vector<std::string>(m_cases.begin(), m_cases.begin() + 200));
    QVERIFY(generate(2, 200) != std::vector<std::string>(m_cases.begin(), m_cases.begin() + 200));
    QVERIFY(m_cases.front().find("\"id\":\"case-1\"") != std::string::npos);
}

void TestBatchCaseGenerator::everyCaseIsAccepted()
{
    std::string text;
    for (const std::string &line : m_cases)
        text += line + '\n';
    std::istringstream in(text);
    std::ostringstream out;
    const BatchSummary summary = runBatch(in, out);
    QCOMPARE(summary.cases, static_cast<std::size_t>(kCases));
    QVERIFY2(summary.errors == 0, out.str().substr(0, 2000).c_str());
    // All three decisions are common.
    for (const char *decision : { "Allowed", "ImplicitlyDenied", "ExplicitlyDenied" }) {
        std::size_t count = 0;
        const std::string needle = std::string("\"decision\":\"") + decision + "\"";
        for (std::size_t at = out.str().find(needle); at != std::string::npos; at = out.str().find(needle, at + 1))
            ++count;
        QVERIFY2(count > kCases / 10, decision);
    }
}

void TestBatchCaseGenerator::casesAverageAboutOnePointEightKilobytes()
{
    std::size_t bytes = 0;
    for (const std::string &line : m_cases)
        bytes += line.size();
    const double average = static_cast<double>(bytes) / kCases;
    QVERIFY2(average > 1500 && average < 2100, qPrintable(QString::number(average)));
}

void TestBatchCaseGenerator::casesCoverWhatTheHarnessCompares_data()
{
    QTest::addColumn<QString>("feature");
    for (const char *feature : { "StringEquals", "StringNotLike", "StringEqualsIgnoreCase", "NumericLessThan",
             "DateGreaterThan", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnLike", "ArnNotEquals", "Null",
             "StringEqualsIfExists", "ForAllValues:StringEquals", "ForAnyValue:StringLike", "NotAction", "NotResource",
             "NotPrincipal", "variable", "variable with a default", "role ARN with aws:PrincipalType AssumedRole",
             "assumed-role session", "federated user", "root user", "service principal", "anonymous", "session policy",
             "permissions boundary", "SCP levels", "RCP levels", "trust policy", "key policy", "cross-account" })
        QTest::addRow("%s", feature) << QString::fromLatin1(feature);
}

void TestBatchCaseGenerator::casesCoverWhatTheHarnessCompares()
{
    QFETCH(QString, feature);
    const std::string wanted = feature.toStdString();
    for (const std::string &line : m_cases) {
        const nlohmann::json c = nlohmann::json::parse(line);
        const nlohmann::json &request = c.at("request");
        const std::string principal = request.at("principal").get<std::string>();
        const std::string action = request.at("action").get<std::string>();
        std::set<std::string> operators;
        for (const nlohmann::json &p : c.at("identityPolicies"))
            collectOperators(p, operators);
        for (const nlohmann::json &p : c.at("permissionBoundaries"))
            collectOperators(p, operators);
        collectOperators(c.at("resourcePolicy"), operators);
        collectOperators(c.at("sessionPolicy"), operators);
        for (const char *field : { "scps", "rcps" }) {
            for (const nlohmann::json &level : c.at(field)) {
                for (const nlohmann::json &p : level)
                    collectOperators(p, operators);
            }
        }
        const nlohmann::json &context = request.at("context");
        const std::string account = principal.size() > 25 ? principal.substr(13, 12) : std::string();
        bool found = operators.count(wanted) > 0;
        if (wanted == "variable")
            found = line.find("${aws:") != std::string::npos;
        else if (wanted == "variable with a default")
            found = line.find(", 'shared'}") != std::string::npos;
        else if (wanted == "role ARN with aws:PrincipalType AssumedRole")
            found = principal.find(":role/") != std::string::npos
                && context.value("aws:PrincipalType", "") == "AssumedRole";
        else if (wanted == "assumed-role session")
            found = principal.find(":assumed-role/") != std::string::npos;
        else if (wanted == "federated user")
            found = principal.find(":federated-user/") != std::string::npos;
        else if (wanted == "root user")
            found = principal.size() > 5 && principal.substr(principal.size() - 5) == ":root";
        else if (wanted == "service principal")
            found = principal.find(".amazonaws.com") != std::string::npos;
        else if (wanted == "anonymous")
            found = principal == "anonymous";
        else if (wanted == "session policy")
            found = !c.at("sessionPolicy").is_null();
        else if (wanted == "permissions boundary")
            found = !c.at("permissionBoundaries").empty();
        else if (wanted == "SCP levels")
            found = c.at("scps").size() > 1;
        else if (wanted == "RCP levels")
            found = !c.at("rcps").empty();
        else if (wanted == "trust policy")
            found = action == "sts:AssumeRole" && !c.at("resourcePolicy").is_null();
        else if (wanted == "key policy")
            found = action.rfind("kms:", 0) == 0 && !c.at("resourcePolicy").is_null();
        else if (wanted == "cross-account")
            found = !account.empty() && account != request.at("resourceAccount").get<std::string>();
        if (found)
            return;
    }
    QFAIL(qPrintable("no generated case has " + feature));
}

QTEST_APPLESS_MAIN(TestBatchCaseGenerator)
#include "TestBatchCaseGenerator.moc"
