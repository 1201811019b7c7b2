// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The matching primitives under the evaluator: wildcards, ARN fields, address blocks, dates, policy variables,
// operator names, principals. Each row names the rule and its page in the IAM User Guide.
#include "rd/core/base/DateTime.h"
#include "rd/core/base/IpRange.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/evaluation/RequestPrincipal.h"
#include "rd/core/policy/ConditionOperator.h"
#include "rd/core/policy/VariableTemplate.h"

#include <QtTest>

using namespace rd::core;

class TestMatching : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wildcard_data();
    void wildcard();
    void arn_data();
    void arn();
    void resource_data();
    void resource();
    void resourceWithin_data();
    void resourceWithin();
    void ipRange_data();
    void ipRange();
    void dateTime_data();
    void dateTime();
    void variables_data();
    void variables();
    void variableProblems_data();
    void variableProblems();
    void operatorNames_data();
    void operatorNames();
    void principals_data();
    void principals();
};

void TestMatching::wildcard_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("match");
    // reference_policies_elements_action: "*" any run of characters, "?" one character.
    QTest::addRow("Action: * matches everything") << QByteArray("*") << QByteArray("s3:getobject") << true;
    QTest::addRow("Action: * matches the empty string") << QByteArray("s3:get*") << QByteArray("s3:get") << true;
    QTest::addRow("Action: prefix wildcard") << QByteArray("s3:get*") << QByteArray("s3:getobject") << true;
    QTest::addRow("Action: prefix wildcard, other action")
        << QByteArray("s3:get*") << QByteArray("s3:putobject") << false;
    QTest::addRow("Action: infix wildcard")
        << QByteArray("ec2:*instances") << QByteArray("ec2:describeinstances") << true;
    QTest::addRow("Action: ? is exactly one character")
        << QByteArray("s3:?etobject") << QByteArray("s3:getobject") << true;
    QTest::addRow("Action: ? needs a character") << QByteArray("s3:getobject?") << QByteArray("s3:getobject") << false;
    QTest::addRow("Action: ? spans one UTF-8 character") << QByteArray("a?b")
                                                         << QByteArray("a\xc3\xa9"
                                                                       "b")
                                                         << true;
    QTest::addRow("Backtracking over several stars") << QByteArray("*a*b*c") << QByteArray("xxaxxbxxbxc") << true;
    QTest::addRow("Backtracking fails cleanly") << QByteArray("*a*b*c") << QByteArray("xxaxxbxxbx") << false;
    QTest::addRow("Escaped star is literal (${*})") << QByteArray("a\0*b", 4) << QByteArray("a*b") << true;
    QTest::addRow("Escaped star is not a wildcard") << QByteArray("a\0*b", 4) << QByteArray("axyzb") << false;
    QTest::addRow("Literal text is case-sensitive") << QByteArray("Bucket") << QByteArray("bucket") << false;
    QTest::addRow("Pathological pattern stays fast")
        << QByteArray("*a*a*a*a*a*a*a*a*b") << QByteArray(4000, 'a') << false;
}

void TestMatching::wildcard()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, text);
    QFETCH(bool, match);
    QCOMPARE(wildcardMatch(std::string_view(pattern.constData(), static_cast<std::size_t>(pattern.size())),
                 std::string_view(text.constData(), static_cast<std::size_t>(text.size()))),
        match);
}

void TestMatching::arn_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("arn");
    QTest::addColumn<bool>("match");
    // reference_policies_elements_resource: wildcards within ARN fields; in the resource field `*` spans / and :.
    QTest::addRow("Resource: exact ARN") << "arn:aws:s3:::bucket/key"
                                         << "arn:aws:s3:::bucket/key" << true;
    QTest::addRow("Resource: * spans / in the resource field") << "arn:aws:s3:::bucket/*"
                                                               << "arn:aws:s3:::bucket/a/b/c" << true;
    QTest::addRow("Resource: * spans : in the resource field")
        << "arn:aws:logs:us-east-1:111122223333:log-group:*"
        << "arn:aws:logs:us-east-1:111122223333:log-group:/app:log-stream:x" << true;
    QTest::addRow("Resource: wildcard region field") << "arn:aws:dynamodb:*:111122223333:table/T"
                                                     << "arn:aws:dynamodb:eu-west-1:111122223333:table/T" << true;
    QTest::addRow("Resource: empty region matched by *") << "arn:aws:iam:*:111122223333:role/R"
                                                         << "arn:aws:iam::111122223333:role/R" << true;
    QTest::addRow("Resource: account field must match") << "arn:aws:sqs:us-east-1:111122223333:q"
                                                        << "arn:aws:sqs:us-east-1:444455556666:q" << false;
    QTest::addRow("Resource: ARNs are case-sensitive") << "arn:aws:s3:::Bucket"
                                                       << "arn:aws:s3:::bucket" << false;
    QTest::addRow("Resource: * matches any ARN") << "*"
                                                 << "arn:aws:s3:::bucket" << true;
    QTest::addRow("Resource: * matches the * resource") << "*"
                                                        << "*" << true;
    QTest::addRow("Resource: an ARN pattern does not match the * resource") << "arn:aws:s3:::*"
                                                                            << "*" << false;
    QTest::addRow("Resource: short pattern matched whole") << "arn:aws:*"
                                                           << "arn:aws:s3:::bucket" << true;
    QTest::addRow("ArnLike: a field wildcard does not cross a colon") << "arn:aws:s3*:::bucket"
                                                                      << "arn:aws:s3:x::bucket" << false;
    QTest::addRow("ArnLike: ? in the resource field") << "arn:aws:sns:us-east-1:111122223333:topic?"
                                                      << "arn:aws:sns:us-east-1:111122223333:topic1" << true;
}

void TestMatching::arn()
{
    QFETCH(QString, pattern);
    QFETCH(QString, arn);
    QFETCH(bool, match);
    QCOMPARE(arnMatch(pattern.toStdString(), arn.toStdString()), match);
}

void TestMatching::resource_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<bool>("match");
    // reference_policies_elements_resource: "If the * wildcard is the last character of a resource ARN segment, it
    // can expand to match beyond the colon boundaries"; a * inside a segment stays in it.
    QTest::addRow("Resource: a segment-ending * spans colons")
        << "arn:aws:lambda:us-*:function:my-func"
        << "arn:aws:lambda:us-east-1:111122223333:function:my-func" << true;
    QTest::addRow("Resource: an inner * stays in its segment")
        << "arn:aws:lambda:u*1:function:my-func"
        << "arn:aws:lambda:us-east-1:111122223333:function:my-func" << false;
    QTest::addRow("Resource: an inner * spans slashes") << "arn:aws:s3:::bucket/*.csv"
                                                        << "arn:aws:s3:::bucket/a/b/report.csv" << true;
    QTest::addRow("Resource: an inner * does not span a colon") << "arn:aws:s3:::bucket/*.csv"
                                                                << "arn:aws:s3:::bucket/a:b.csv" << false;
    QTest::addRow("Resource: a final * spans colons")
        << "arn:aws:logs:us-east-1:111122223333:log-group:*"
        << "arn:aws:logs:us-east-1:111122223333:log-group:/a:log-stream:b" << true;
    QTest::addRow("Resource: wildcard region and account")
        << "arn:aws:dynamodb:*:*:table/Orders"
        << "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders" << true;
    QTest::addRow("Resource: other table") << "arn:aws:dynamodb:*:*:table/Orders"
                                           << "arn:aws:dynamodb:eu-west-1:111122223333:table/Users" << false;
    QTest::addRow("Resource: * matches the * resource") << "*"
                                                        << "*" << true;
    QTest::addRow("Resource: an ARN pattern does not match the * resource") << "arn:aws:s3:::*"
                                                                            << "*" << false;
    QTest::addRow("Resource: escaped star is literal")
        << QStringLiteral("arn:aws:s3:::b/%1*x").arg(QChar(0)) << "arn:aws:s3:::b/*x" << true;
    QTest::addRow("Resource: escaped star matches only itself")
        << QStringLiteral("arn:aws:s3:::b/%1*x").arg(QChar(0)) << "arn:aws:s3:::b/yx" << false;
}

void TestMatching::resource()
{
    QFETCH(QString, pattern);
    QFETCH(QString, resource);
    QFETCH(bool, match);
    QCOMPARE(resourceMatch(pattern.toStdString(), resource.toStdString()), match);
}

void TestMatching::resourceWithin_data()
{
    QTest::addColumn<QString>("inner");
    QTest::addColumn<QString>("outer");
    QTest::addColumn<bool>("within");
    QTest::addColumn<bool>("overlap");
    // What the effective permissions intersect Resource patterns with (IAM User Guide, "IAM JSON policy elements:
    // Resource": `*` and `?` wildcards, a `*` inside a segment stays in it).
    QTest::addRow("Resource: a deeper prefix lies within a shorter one") << "arn:aws:s3:::a/x/*"
                                                                         << "arn:aws:s3:::a/*" << true << true;
    QTest::addRow("Resource: a shorter prefix does not lie within a deeper one")
        << "arn:aws:s3:::a/*"
        << "arn:aws:s3:::a/x/*" << false << true;
    QTest::addRow("Resource: other buckets share nothing") << "arn:aws:s3:::a/*"
                                                           << "arn:aws:s3:::b/*" << false << false;
    QTest::addRow("Resource: an ARN lies within *") << "arn:aws:s3:::a/k"
                                                    << "*" << true << true;
    QTest::addRow("Resource: * lies within nothing narrower") << "*"
                                                              << "arn:aws:s3:::*" << false << true;
    QTest::addRow("Resource: a pattern lies within itself") << "arn:aws:s3:::a/*"
                                                            << "arn:aws:s3:::a/*" << true << true;
    QTest::addRow("Resource: a star does not lie within ?") << "arn:aws:s3:::a/*"
                                                            << "arn:aws:s3:::a/?" << false << true;
    QTest::addRow("Resource: ? lies within a star") << "arn:aws:s3:::a/?"
                                                    << "arn:aws:s3:::a/*" << true << true;
    QTest::addRow("Resource: a crossing star does not lie within a star kept in its segment")
        << "arn:aws:s3:::a/*"
        << "arn:aws:s3:::a/*.csv" << false << true;
    QTest::addRow("Resource: a star kept in its segment lies within a crossing one")
        << "arn:aws:logs:us-east-1:1:log-group:a*b"
        << "arn:aws:logs:us-east-1:1:log-group:*" << true << true;
    QTest::addRow("Resource: a star kept in its segment does not cover a colon (overlap reads every star as crossing)")
        << "arn:aws:s3:::a/x:y.csv"
        << "arn:aws:s3:::a/*.csv" << false << true;
    QTest::addRow("Resource: prefix and suffix patterns overlap without either holding the other")
        << "arn:aws:s3:::a*"
        << "arn:aws:s3:::*b" << false << true;
}

void TestMatching::resourceWithin()
{
    QFETCH(QString, inner);
    QFETCH(QString, outer);
    QFETCH(bool, within);
    QFETCH(bool, overlap);
    QCOMPARE(resourcePatternWithin(inner.toStdString(), outer.toStdString()), within);
    QCOMPARE(patternsOverlap(inner.toStdString(), outer.toStdString()), overlap);
    QCOMPARE(patternsOverlap(outer.toStdString(), inner.toStdString()), overlap);
}

void TestMatching::ipRange_data()
{
    QTest::addColumn<QString>("block");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("inside");
    // reference_policies_elements_condition_operators#Conditions_IPAddress: RFC 4632 CIDR, IPv4 and IPv6.
    QTest::addRow("IpAddress: IPv4 /24 inside") << "203.0.113.0/24"
                                                << "203.0.113.77" << true;
    QTest::addRow("IpAddress: IPv4 /24 outside") << "203.0.113.0/24"
                                                 << "203.0.114.1" << false;
    QTest::addRow("IpAddress: bare address is /32") << "198.51.100.7"
                                                    << "198.51.100.7" << true;
    QTest::addRow("IpAddress: bare address, other") << "198.51.100.7"
                                                    << "198.51.100.8" << false;
    QTest::addRow("IpAddress: /0 holds every IPv4") << "0.0.0.0/0"
                                                    << "8.8.8.8" << true;
    QTest::addRow("IpAddress: odd prefix /20") << "10.16.0.0/20"
                                               << "10.16.15.255" << true;
    QTest::addRow("IpAddress: odd prefix /20, outside") << "10.16.0.0/20"
                                                        << "10.16.16.0" << false;
    QTest::addRow("IpAddress: host bits in the block are ignored") << "10.0.0.1/8"
                                                                   << "10.200.0.1" << true;
    QTest::addRow("IpAddress: IPv6 /64") << "2001:DB8:1234:5678::/64"
                                         << "2001:db8:1234:5678:abcd::1" << true;
    QTest::addRow("IpAddress: IPv6 /64, outside") << "2001:DB8:1234:5678::/64"
                                                  << "2001:db8:1234:5679::1" << false;
    QTest::addRow("IpAddress: IPv6 full form") << "2001:0db8:0000:0000:0000:0000:0000:0001"
                                               << "2001:db8::1" << true;
    QTest::addRow("IpAddress: IPv4 never matches an IPv6 block") << "::/0"
                                                                 << "10.0.0.1" << false;
    QTest::addRow("IpAddress: IPv4-mapped tail") << "::ffff:10.0.0.0/104"
                                                 << "::ffff:10.1.2.3" << true;
}

void TestMatching::ipRange()
{
    QFETCH(QString, block);
    QFETCH(QString, address);
    QFETCH(bool, inside);
    const auto range = IpRange::parse(block.toStdString());
    const auto ip = IpRange::parse(address.toStdString());
    QVERIFY(range);
    QVERIFY(ip);
    QCOMPARE(range->contains(*ip), inside);
    for (const char *bad : { "10.0.0.256", "10.0.0", "10.0.0.0/33", "1::2::3", "2001:db8::/129", "", "10.0.0.0/", "abc",
             "1:2:3:4:5:6:7:8:9" })
        QVERIFY2(!IpRange::parse(bad), bad);
}

void TestMatching::dateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("epoch");
    // reference_policies_elements_condition_operators#Conditions_Date: W3C ISO 8601 forms or epoch time.
    QTest::addRow("Date: date only") << "2026-01-01" << 1767225600.0;
    QTest::addRow("Date: UTC time") << "2026-01-01T12:00:00Z" << 1767268800.0;
    QTest::addRow("Date: minutes only") << "2026-01-01T12:00Z" << 1767268800.0;
    QTest::addRow("Date: fraction of a second") << "2026-01-01T12:00:00.250Z" << 1767268800.25;
    QTest::addRow("Date: positive offset") << "2026-01-01T14:00:00+02:00" << 1767268800.0;
    QTest::addRow("Date: negative offset without colon") << "2026-01-01T07:00:00-0500" << 1767268800.0;
    QTest::addRow("Date: leap day") << "2024-02-29" << 1709164800.0;
    QTest::addRow("Date: epoch seconds") << "1767225600" << 1767225600.0;
    QTest::addRow("Date: epoch with decimals") << "1767225600.5" << 1767225600.5;
    QTest::addRow("Date: before 1970") << "1969-12-31T23:59:59Z" << -1.0;
}

void TestMatching::dateTime()
{
    QFETCH(QString, text);
    QFETCH(double, epoch);
    const auto parsed = parseDateTime(text.toStdString());
    QVERIFY(parsed);
    QCOMPARE(*parsed, epoch);
    for (const char *bad : { "2026-02-30", "2025-02-29", "2026-13-01", "2026-01-01T25:00:00Z", "2026-01-01X",
             "yesterday", "", "2026-01-01T12", "2026-01-01T12:00:00+2" })
        QVERIFY2(!parseDateTime(bad), bad);
}

void TestMatching::variables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expands");
    QTest::addColumn<QString>("asText");
    // reference_policies_variables: ${key}, defaults, ${*} ${?} ${$}; a missing key without default matches nothing.
    QTest::addRow("Variables: ${aws:username}") << "home/${aws:username}/*" << true << "home/alice/*";
    QTest::addRow("Variables: key names are case-insensitive") << "${AWS:UserName}" << true << "alice";
    QTest::addRow("Variables: tag key") << "${aws:PrincipalTag/team}-bucket" << true << "analytics-bucket";
    QTest::addRow("Variables: default used when the key is absent")
        << "${aws:PrincipalTag/cost, 'shared'}" << true << "shared";
    QTest::addRow("Variables: default ignored when the key is present")
        << "${aws:username, 'nobody'}" << true << "alice";
    QTest::addRow("Variables: absent key without default") << "${aws:PrincipalTag/cost}" << false << "";
    QTest::addRow("Variables: multivalued key cannot be a variable") << "${aws:TagKeys}" << false << "";
    QTest::addRow("Variables: special characters") << "a${*}b${?}c${$}d" << true << "a*b?c$d";
    QTest::addRow("Variables: unclosed brace stays literal") << "a${aws:username" << true << "a${aws:username";
}

void TestMatching::variables()
{
    QFETCH(QString, text);
    QFETCH(bool, expands);
    QFETCH(QString, asText);
    RequestContext context;
    context.set("aws:username", "alice");
    context.set("aws:PrincipalTag/team", "analytics");
    context.set("aws:TagKeys", { "a", "b" }, true);
    const VariableTemplate parsed = VariableTemplate::parse(text.toStdString());
    std::string out;
    QCOMPARE(parsed.expand(context, VariableTemplate::Mode::Text, out), expands);
    if (expands)
        QCOMPARE(QString::fromStdString(out), asText);
}

void TestMatching::variableProblems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problem");
    QTest::addColumn<bool>("wellFormed");
    // reference_policies_variables and Access Analyzer's variable checks.
    using P = VariableTemplate::Problem;
    QTest::addRow("MISSING_BRACE_IN_VARIABLE") << "a/${aws:username" << int(P::MissingBrace) << false;
    QTest::addRow("EMPTY_VARIABLE") << "a/${ }/b" << int(P::Empty) << false;
    QTest::addRow("UNSUPPORTED_SPACE_IN_VARIABLE") << "${aws: username}" << int(P::SpaceInKey) << true;
    QTest::addRow("MISSING_QUOTE_IN_VARIABLE") << "${aws:username, nobody}" << int(P::UnquotedDefault) << true;
    QTest::addRow("well formed") << "${aws:username, 'nobody'}/${*}" << -1 << true;
}

void TestMatching::variableProblems()
{
    QFETCH(QString, text);
    QFETCH(int, problem);
    QFETCH(bool, wellFormed);
    const VariableTemplate parsed = VariableTemplate::parse(text.toStdString());
    QCOMPARE(parsed.hasWellFormedVariables(), wellFormed);
    if (problem < 0) {
        QVERIFY(parsed.problems().empty());
        return;
    }
    QCOMPARE(parsed.problems().size(), std::size_t { 1 });
    QCOMPARE(int(parsed.problems().front()), problem);
}

void TestMatching::operatorNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("qualifier");
    QTest::addColumn<bool>("ifExists");
    // reference_policies_elements_condition_operators: the operators, IfExists, ForAnyValue/ForAllValues.
    QTest::addRow("StringEquals") << "StringEquals" << true << int(ConditionOperator::StringEquals)
                                  << int(SetQualifier::None) << false;
    QTest::addRow("StringLikeIfExists") << "StringLikeIfExists" << true << int(ConditionOperator::StringLike)
                                        << int(SetQualifier::None) << true;
    QTest::addRow("ForAllValues:StringNotLike")
        << "ForAllValues:StringNotLike" << true << int(ConditionOperator::StringNotLike)
        << int(SetQualifier::ForAllValues) << false;
    QTest::addRow("ForAnyValue:ArnLikeIfExists")
        << "ForAnyValue:ArnLikeIfExists" << true << int(ConditionOperator::ArnLike) << int(SetQualifier::ForAnyValue)
        << true;
    QTest::addRow("NotIpAddress") << "NotIpAddress" << true << int(ConditionOperator::NotIpAddress)
                                  << int(SetQualifier::None) << false;
    QTest::addRow("Null") << "Null" << true << int(ConditionOperator::Null) << int(SetQualifier::None) << false;
    QTest::addRow("NullIfExists does not exist") << "NullIfExists" << false << 0 << 0 << false;
    QTest::addRow("Unknown operator") << "StringMatches" << false << 0 << 0 << false;
    QTest::addRow("Qualifier alone") << "ForAnyValue:" << false << 0 << 0 << false;
}

void TestMatching::operatorNames()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    const auto spec = parseConditionOperator(name.toStdString());
    QCOMPARE(spec.has_value(), known);
    if (!known)
        return;
    QFETCH(int, op);
    QFETCH(int, qualifier);
    QFETCH(bool, ifExists);
    QCOMPARE(int(spec->op), op);
    QCOMPARE(int(spec->qualifier), qualifier);
    QCOMPARE(spec->ifExists, ifExists);
    QCOMPARE(QString::fromUtf8(conditionOperatorName(spec->op).data()).left(4), name.mid(name.indexOf(':') + 1, 4));
}

void TestMatching::principals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("name");
    // reference_policies_elements_principal and reference_identifiers: IAM and STS ARN forms.
    QTest::addRow("user with path") << "arn:aws:iam::111122223333:user/division/alice" << true
                                    << int(PrincipalKind::User) << "111122223333"
                                    << "alice";
    QTest::addRow("role") << "arn:aws:iam::111122223333:role/Dev" << true << int(PrincipalKind::Role) << "111122223333"
                          << "Dev";
    QTest::addRow("role session") << "arn:aws:sts::111122223333:assumed-role/Dev/alice" << true
                                  << int(PrincipalKind::RoleSession) << "111122223333"
                                  << "Dev";
    QTest::addRow("federated user") << "arn:aws:sts::111122223333:federated-user/bob" << true
                                    << int(PrincipalKind::FederatedUser) << "111122223333"
                                    << "bob";
    QTest::addRow("root") << "arn:aws:iam::111122223333:root" << true << int(PrincipalKind::Root) << "111122223333"
                          << "";
    QTest::addRow("service") << "lambda.amazonaws.com" << true << int(PrincipalKind::Service) << ""
                             << "";
    QTest::addRow("Cognito is a web identity provider")
        << "cognito-identity.amazonaws.com" << true << int(PrincipalKind::IdentityProvider) << ""
        << "";
    QTest::addRow("OIDC provider") << "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
                                   << true << int(PrincipalKind::IdentityProvider) << "111122223333"
                                   << "token.actions.githubusercontent.com";
    QTest::addRow("anonymous") << "anonymous" << true << int(PrincipalKind::Anonymous) << ""
                               << "";
    QTest::addRow("China partition") << "arn:aws-cn:iam::111122223333:user/li" << true << int(PrincipalKind::User)
                                     << "111122223333"
                                     << "li";
    QTest::addRow("bad: short account") << "arn:aws:iam::1111:user/alice" << false << 0 << ""
                                        << "";
    QTest::addRow("bad: session without name") << "arn:aws:sts::111122223333:assumed-role/Dev" << false << 0 << ""
                                               << "";
    QTest::addRow("bad: S3 ARN") << "arn:aws:s3:::bucket" << false << 0 << ""
                                 << "";
    QTest::addRow("bad: free text") << "alice" << false << 0 << ""
                                    << "";
}

void TestMatching::principals()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    RequestPrincipal principal;
    std::string error;
    QCOMPARE(RequestPrincipal::parse(text.toStdString(), principal, error), ok);
    if (!ok) {
        QVERIFY(!error.empty());
        return;
    }
    QFETCH(int, kind);
    QFETCH(QString, account);
    QFETCH(QString, name);
    QCOMPARE(int(principal.kind), kind);
    QCOMPARE(QString::fromStdString(principal.account), account);
    QCOMPARE(QString::fromStdString(principal.name), name);
}

QTEST_APPLESS_MAIN(TestMatching)
#include "TestMatching.moc"
