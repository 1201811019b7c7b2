// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"

#include <QtTest>

using namespace rd::core;

namespace
{
std::string underlined(const std::string &text, const SourceRange &range)
{
    return text.substr(range.begin.offset, range.length());
}
} // namespace

class TestPolicyParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryElement();
    void keepsFormsAndOrderThroughTheWriter_data();
    void keepsFormsAndOrderThroughTheWriter();
    void writesTheConsoleLayout();
    void writesMinified();
    void structuralErrors_data();
    void structuralErrors();
    void keepsUnknownElementsVerbatim();
    void keepsARefusedConditionWhole();
    void refusesHugeDocuments();
    void writesStatementsBuiltWithoutText();
};

void TestPolicyParser::readsEveryElement()
{
    const std::string text = R"({
    "Version": "2012-10-17",
    "Id": "policy-1",
    "Statement": [{
        "Sid": "TrustLambda",
        "Effect": "Allow",
        "Principal": {"Service": ["lambda.amazonaws.com"], "AWS": "arn:aws:iam::111122223333:root"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "Bool": {"aws:SecureTransport": true},
                      "NumericLessThan": {"s3:max-keys": 10}}
    }, {
        "Effect": "Deny",
        "NotPrincipal": "*",
        "NotAction": ["s3:*"],
        "NotResource": "arn:aws:s3:::b/*"
    }]
})";
    ParseResult r = parsePolicy(text);
    QVERIFY(r.isUsable());
    QVERIFY(r.diagnostics.empty());
    const Policy &p = *r.policy;
    QCOMPARE(p.version->value, std::string("2012-10-17"));
    QCOMPARE(p.id->value, std::string("policy-1"));
    QCOMPARE(p.statementForm, StatementForm::Array);
    QCOMPARE(p.statements.size(), std::size_t(2));
    const Statement &s = p.statements[0];
    QCOMPARE(s.sid->value, std::string("TrustLambda"));
    QCOMPARE(s.effectValue(), std::optional<Effect>(Effect::Allow));
    QCOMPARE(s.principal->entries.size(), std::size_t(2));
    QCOMPARE(s.principal->entries[0].type.value, std::string("Service"));
    QVERIFY(s.principal->entries[0].values.isArray);
    QVERIFY(!s.principal->entries[1].values.isArray);
    QCOMPARE(underlined(text, s.action->range), std::string("\"sts:AssumeRole\""));
    QCOMPARE(s.condition->clauses.size(), std::size_t(3));
    QCOMPARE(s.condition->clauses[1].entries[0].values[0].kind, ConditionValue::Kind::Bool);
    QCOMPARE(s.condition->clauses[2].entries[0].values[0].kind, ConditionValue::Kind::Number);
    QCOMPARE(s.condition->clauses[2].entries[0].values[0].text, std::string("10"));
    QCOMPARE(s.range.begin.line, 4);
    QCOMPARE(s.range.begin.column, 19);
    const Statement &deny = p.statements[1];
    QVERIFY(deny.notPrincipal->isString);
    QVERIFY(deny.notAction->isArray);
    QCOMPARE(underlined(text, deny.notResource->values[0].range), std::string("\"arn:aws:s3:::b/*\""));
}

void TestPolicyParser::keepsFormsAndOrderThroughTheWriter_data()
{
    QTest::addColumn<QString>("minified");
    QTest::addColumn<QString>("expected");
    // Each input is already in minified form, so writing it minified must give it back byte for byte (or the
    // expected text, where JSON allows two spellings of the same string).
    QTest::addRow("a single statement object stays an object")
        << R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}})"
        << "";
    QTest::addRow("one-element arrays stay arrays")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["*"]}]})"
        << "";
    QTest::addRow("element order is kept even when unusual")
        << R"({"Statement":[{"Resource":"*","Action":"s3:*","Effect":"Deny","Sid":"Last"}],"Version":"2012-10-17"})"
        << "";
    QTest::addRow("condition values keep their JSON types")
        << R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:CreateGrant","Resource":"*","Condition":{"Bool":{"kms:GrantIsForAWSResource":true},"NumericLessThanEquals":{"kms:GrantConstraintType":1.5e3},"Null":{"aws:TagKeys":["false"]}}}]})"
        << "";
    QTest::addRow("escapes and non-ASCII text survive, written as UTF-8")
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"Caf\u00e9","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/\"quoted\"\\\/日本"}]})"
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"Café","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/\"quoted\"\\/日本"}]})";
    QTest::addRow("an empty statement array stays empty") << R"({"Version":"2012-10-17","Statement":[]})"
                                                          << "";
}

void TestPolicyParser::keepsFormsAndOrderThroughTheWriter()
{
    QFETCH(QString, minified);
    QFETCH(QString, expected);
    const std::string text = minified.toStdString();
    ParseResult first = parsePolicy(text);
    QVERIFY(first.isUsable());
    QCOMPARE(QString::fromStdString(writePolicy(*first.policy, WriteStyle::Minified)),
        expected.isEmpty() ? minified : expected);
    ParseResult second = parsePolicy(writePolicy(*first.policy, WriteStyle::Pretty));
    QVERIFY(second.isUsable());
    QVERIFY(sameContent(*first.policy, *second.policy));
}

void TestPolicyParser::writesTheConsoleLayout()
{
    ParseResult r = parsePolicy(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}},"Resource":[]}]})");
    QVERIFY(r.isUsable());
    const std::string expected = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "lambda.amazonaws.com"
            },
            "Action": [
                "sts:AssumeRole",
                "sts:TagSession"
            ],
            "Condition": {
                "StringEquals": {
                    "aws:SourceAccount": "111122223333"
                }
            },
            "Resource": []
        }
    ]
}
)";
    QCOMPARE(writePolicy(*r.policy), expected);
}

void TestPolicyParser::writesMinified()
{
    ParseResult r = parsePolicy("{ \"Version\" : \"2012-10-17\",\n \"Statement\" : { \"Effect\" : \"Allow\", "
                                "\"Action\" : [ \"a:b\" , \"c:d\" ], \"Resource\" : \"*\" } }");
    QVERIFY(r.isUsable());
    QCOMPARE(writePolicy(*r.policy, WriteStyle::Minified),
        std::string(
            R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["a:b","c:d"],"Resource":"*"}})"));
}

void TestPolicyParser::structuralErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("underline");

    // IAM JSON policy grammar (IAM User Guide, "Grammar of the IAM JSON policy language"): element value types.
    QTest::addRow("Effect must be a string") << R"({"Statement":{"Effect":1,"Action":"*","Resource":"*"}})"
                                             << "DATA_TYPE_MISMATCH"
                                             << "`Effect` must be a string, not a number"
                                             << "1";
    QTest::addRow("Action must be a string or an array of strings")
        << R"({"Statement":{"Effect":"Allow","Action":{"s3":"*"},"Resource":"*"}})"
        << "DATA_TYPE_MISMATCH"
        << "`Action` must be a string or an array of strings, not an object"
        << R"({"s3":"*"})";
    QTest::addRow("each Resource value must be a string")
        << R"({"Statement":{"Effect":"Allow","Action":"*","Resource":["*",7]}})"
        << "DATA_TYPE_MISMATCH"
        << "each value of `Resource` must be a string, not a number"
        << "7";
    QTest::addRow("Statement must be an object or an array")
        << R"({"Version":"2012-10-17","Statement":"Allow everything"})"
        << "DATA_TYPE_MISMATCH"
        << "`Statement` must be an object or an array of objects, not a string"
        << R"("Allow everything")";
    QTest::addRow("a condition operator needs an object of keys")
        << R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":"x"}}})"
        << "DATA_TYPE_MISMATCH"
        << "the condition operator `StringEquals` must be an object of condition keys, not a string"
        << R"("x")";
    QTest::addRow("a condition value cannot be null")
        << R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:x":null}}}})"
        << "DATA_TYPE_MISMATCH"
        << "a value of condition key `aws:x` must be a string, a boolean or a number, not null"
        << "null";
    QTest::addRow("the policy must be an object") << R"(["Version"])"
                                                  << "DATA_TYPE_MISMATCH"
                                                  << "a policy document must be an object, not an array"
                                                  << R"(["Version"])";
    QTest::addRow("an unknown statement element is reported on its key")
        << R"({"Statement":{"Effect":"Allow","Actions":"*","Resource":"*"}})"
        << "INVALID_POLICY_ELEMENT"
        << "unknown statement element `Actions`"
        << R"("Actions")";
    QTest::addRow("duplicate keys are reported on the later key")
        << R"({"Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}})"
        << "DUPLICATE_KEYS"
        << "duplicate key `Effect`: only the last one counts, so the earlier value is ignored"
        << R"("Effect")";
    QTest::addRow("a syntax error comes with its position") << "{\"Statement\": {\"Effect\": \"Allow\",}}"
                                                            << "JSON_SYNTAX_ERROR"
                                                            << "trailing comma before `}`"
                                                            << ",";
}

void TestPolicyParser::structuralErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, underline);
    const std::string input = text.toStdString();
    ParseResult r = parsePolicy(input);
    QVERIFY(!r.diagnostics.empty());
    const Diagnostic &d = r.diagnostics.front();
    QCOMPARE(QString::fromStdString(d.code), code);
    QCOMPARE(QString::fromStdString(d.message), message);
    QCOMPARE(QString::fromStdString(underlined(input, d.range)), underline);
    QCOMPARE(d.severity, Severity::Error);
}

void TestPolicyParser::keepsUnknownElementsVerbatim()
{
    const std::string text =
        R"({"Version":"2012-10-17","Statement":{"effect":"Allow","Action":"*","Resource":"*","Extra":{"a":[1,null]}},"Comment":"kept"})";
    ParseResult r = parsePolicy(text);
    QVERIFY(r.isUsable());
    QCOMPARE(r.diagnostics.size(), std::size_t(3));
    QCOMPARE(r.diagnostics[0].help, std::string("element names are case-sensitive: did you mean `Effect`?"));
    QCOMPARE(writePolicy(*r.policy, WriteStyle::Minified), text);
}

void TestPolicyParser::keepsARefusedConditionWhole()
{
    // A Condition with a value of the wrong type is refused (DATA_TYPE_MISMATCH) and kept as written, every value
    // included, even those read before the bad one (found by fuzz_policy_reader).
    const std::string text = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",)"
                             R"("Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600,"aws:a":["x",{"o":1}],)"
                             R"("aws:b":"y"}}}})";
    ParseResult r = parsePolicy(text);
    QVERIFY(r.policy);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].code, std::string("DATA_TYPE_MISMATCH"));
    QCOMPARE(writePolicy(*r.policy, WriteStyle::Minified), text);
    // Kept for the editors to show, but not usable: IAM refuses the document (IAM User Guide, "IAM JSON policy
    // element reference: Condition": each condition operator maps condition keys to values), and a workspace that
    // stored it could not be read back (found by fuzz_gaad_importer).
    QVERIFY(!r.isUsable());
    QVERIFY(!parsePolicy(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole",)"
                         R"("Principal":{"Service":"ec2.amazonaws.com"},"Condition":{"Service":"x"}}})")
                 .isUsable());
    QVERIFY(!parsePolicy(R"({"Version":"2012-10-17","Statement":5})").isUsable());
    QVERIFY(parsePolicy(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})")
                .isUsable());
}

void TestPolicyParser::refusesHugeDocuments()
{
    std::string huge = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":")";
    huge.append(10 * 1024 * 1024, 'a');
    huge += "\"}}";
    ParseResult r = parsePolicy(huge);
    QVERIFY(!r.policy);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].code, std::string("DOCUMENT_TOO_LARGE"));
    QVERIFY(r.diagnostics[0].message.find("are not read") != std::string::npos);
}

void TestPolicyParser::writesStatementsBuiltWithoutText()
{
    // A form editor builds statements with no text behind them: the writer uses the grammar's order.
    Policy p;
    p.version = PolicyString { "2012-10-17", {} };
    Statement s;
    s.resource = StringList { { PolicyString { "*", {} } }, false, {} };
    s.action = StringList { { PolicyString { "s3:GetObject", {} } }, false, {} };
    s.effect = PolicyString { "Allow", {} };
    p.statements.push_back(s);
    p.statementForm = StatementForm::Array;
    QCOMPARE(writePolicy(p, WriteStyle::Minified),
        std::string(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})"));
}

QTEST_APPLESS_MAIN(TestPolicyParser)
#include "TestPolicyParser.moc"
