// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The evaluator through its C++ API: explanations (deciding statements with their place in the text, near misses
// naming the failing element), and properties over random policies (IAM User Guide, "Policy evaluation logic": an
// explicit deny always wins, and an allow is needed for access, so a Deny added never opens access and an Allow
// removed never widens it).
#include "PolicyText.h"
#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/Evaluator.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <deque>
#include <random>

using namespace rd::core;
using nlohmann::json;

class TestEvaluator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void explainsTheDecidingStatement();
    void explainsANearMissByConditionKey();
    void explainsANearMissByResource();
    void explanationNeverChangesTheDecision();
    void addedDenyNeverOpensAccess();
    void removedAllowNeverWidensAccess();
    void malformedRequestsAreRefused_data();
    void malformedRequestsAreRefused();
};

namespace
{

using rd::test::compiledPolicyOf;

Request request(std::string principal, std::string action, std::string resource, std::string account = {})
{
    Request r;
    r.principal = std::move(principal);
    r.action = std::move(action);
    r.resource = std::move(resource);
    r.resourceAccount = std::move(account);
    return r;
}

/// Random policies over a small vocabulary, so that statements often match and often nearly match.
class RandomPolicies
{
public:
    explicit RandomPolicies(unsigned seed)
        : m_random(seed)
    {
    }

    json statement(bool withPrincipal, std::optional<std::string> effect = std::nullopt)
    {
        static const std::vector<std::string> actions { "s3:GetObject", "s3:Get*", "s3:*", "*", "s3:PutObject",
            "sts:AssumeRole", "kms:Decrypt", "ec2:Describe*", "S3:getobject" };
        static const std::vector<std::string> resources { "*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/key",
            "arn:aws:s3:::other/*", "arn:aws:kms:us-east-1:111122223333:key/k1", "arn:aws:iam::111122223333:role/R",
            "arn:aws:s3:::bucket/${aws:username}/*" };
        static const std::vector<json> conditions {
            json::parse(R"({"StringEquals":{"aws:PrincipalTag/team":"a"}})"),
            json::parse(R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}})"),
            json::parse(R"({"Bool":{"aws:MultiFactorAuthPresent":"true"}})"),
            json::parse(R"({"StringNotEquals":{"sts:ExternalId":"x"}})"),
            json::parse(R"({"ForAllValues:StringLike":{"aws:TagKeys":["a*"]}})"),
            json::parse(R"({"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}})"),
            json::parse(R"({"StringLikeIfExists":{"aws:username":"a*"}})"),
        };
        static const std::vector<json> principals { "*", json::parse(R"({"AWS":"111122223333"})"),
            json::parse(R"({"AWS":"arn:aws:iam::111122223333:user/alice"})"),
            json::parse(R"({"AWS":"arn:aws:iam::111122223333:role/R"})"),
            json::parse(R"({"AWS":"arn:aws:iam::444455556666:root"})"),
            json::parse(R"({"Service":"lambda.amazonaws.com"})"),
            json::parse(R"({"AWS":["111122223333","arn:aws:iam::111122223333:user/alice"]})") };
        json s;
        s["Effect"] = effect.value_or(pick(2) == 0 ? "Deny" : "Allow");
        s[pick(5) == 0 ? "NotAction" : "Action"] = actions[pick(actions.size())];
        if (!withPrincipal || pick(3) != 0)
            s[pick(6) == 0 ? "NotResource" : "Resource"] = resources[pick(resources.size())];
        if (withPrincipal)
            s[pick(8) == 0 ? "NotPrincipal" : "Principal"] = principals[pick(principals.size())];
        if (pick(2) == 0)
            s["Condition"] = conditions[pick(conditions.size())];
        return s;
    }

    json policy(bool withPrincipal, std::size_t maxStatements = 3)
    {
        json p { { "Version", "2012-10-17" }, { "Statement", json::array() } };
        const std::size_t count = 1 + pick(maxStatements);
        for (std::size_t i = 0; i < count; ++i)
            p["Statement"].push_back(statement(withPrincipal));
        return p;
    }

    Request request()
    {
        static const std::vector<std::string> principals { "arn:aws:iam::111122223333:user/alice",
            "arn:aws:sts::111122223333:assumed-role/R/s", "arn:aws:iam::444455556666:user/bob",
            "arn:aws:iam::111122223333:root", "lambda.amazonaws.com", "anonymous",
            "arn:aws:sts::111122223333:federated-user/fed" };
        static const std::vector<std::pair<std::string, std::string>> targets { { "s3:GetObject",
                                                                                    "arn:aws:s3:::bucket/key" },
            { "s3:PutObject", "arn:aws:s3:::bucket/alice/x" }, { "sts:AssumeRole", "arn:aws:iam::111122223333:role/R" },
            { "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k1" }, { "ec2:DescribeInstances", "*" } };
        Request r;
        r.principal = principals[pick(principals.size())];
        const auto &target = targets[pick(targets.size())];
        r.action = target.first;
        r.resource = target.second;
        r.resourceAccount = pick(3) == 0 ? "444455556666" : "111122223333";
        if (pick(2))
            r.context.set("aws:PrincipalTag/team", pick(2) ? "a" : "b");
        if (pick(2))
            r.context.set("aws:SourceIp", pick(2) ? "10.1.2.3" : "192.0.2.1");
        if (pick(2))
            r.context.set("aws:MultiFactorAuthPresent", pick(2) ? "true" : "false");
        if (pick(2))
            r.context.set("sts:ExternalId", pick(2) ? "x" : "y");
        if (pick(2))
            r.context.set("aws:TagKeys", { "abc", pick(2) ? "axe" : "zed" }, true);
        if (pick(2))
            r.context.set("aws:MultiFactorAuthAge", pick(2) ? "100" : "7200");
        if (pick(2))
            r.context.set("aws:username", pick(2) ? "alice" : "bob");
        return r;
    }

    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }

private:
    std::mt19937 m_random;
};

/// The JSON of every policy of a case, and a PolicySet compiled from it.
struct Scenario {
    std::vector<json> identity;
    std::optional<json> resource;
    std::optional<json> boundary;
    std::optional<json> session;
    std::vector<std::vector<json>> scps;
    std::vector<std::vector<json>> rcps;

    static Scenario random(RandomPolicies &r)
    {
        Scenario s;
        for (std::size_t i = r.pick(3); i > 0; --i)
            s.identity.push_back(r.policy(false));
        if (r.pick(3) != 0)
            s.resource = r.policy(true);
        if (r.pick(3) == 0)
            s.boundary = r.policy(false);
        if (r.pick(3) == 0)
            s.session = r.policy(false);
        if (r.pick(3) == 0)
            s.scps = { { r.policy(false, 2) }, { r.policy(false, 2) } };
        if (r.pick(4) == 0)
            s.rcps = { { r.policy(true, 2) } };
        return s;
    }

    /// Every policy, for picking one to change.
    std::vector<json *> all()
    {
        std::vector<json *> out;
        for (json &p : identity)
            out.push_back(&p);
        for (std::optional<json> *p : { &resource, &boundary, &session }) {
            if (*p)
                out.push_back(&**p);
        }
        for (auto *levels : { &scps, &rcps }) {
            for (auto &level : *levels) {
                for (json &p : level)
                    out.push_back(&p);
            }
        }
        return out;
    }

    Decision evaluate(const Request &r, Explanation *explanation = nullptr) const
    {
        std::deque<CompiledPolicy> store;
        auto compile = [&](const json &p) { return &store.emplace_back(compiledPolicyOf(p.dump(), "p")); };
        PolicySet set;
        for (const json &p : identity)
            set.identity.push_back(compile(p));
        if (resource)
            set.resource = compile(*resource);
        if (boundary)
            set.boundary = compile(*boundary);
        if (session)
            set.session.push_back(compile(*session));
        for (const auto &level : scps) {
            set.scps.emplace_back();
            for (const json &p : level)
                set.scps.back().push_back(compile(p));
        }
        for (const auto &level : rcps) {
            set.rcps.emplace_back();
            for (const json &p : level)
                set.rcps.back().push_back(compile(p));
        }
        const PreparedRequest prepared(r);
        return rd::core::evaluate(set, prepared, explanation);
    }
};

QByteArray describe(const Scenario &s, const Request &r)
{
    json out;
    out["identity"] = s.identity;
    out["resource"] = s.resource ? *s.resource : json();
    out["boundary"] = s.boundary ? *s.boundary : json();
    out["session"] = s.session ? *s.session : json();
    out["scps"] = s.scps;
    out["rcps"] = s.rcps;
    out["request"] = { { "principal", r.principal }, { "action", r.action }, { "resource", r.resource },
        { "resourceAccount", r.resourceAccount } };
    return QByteArray::fromStdString(out.dump());
}

constexpr int kRounds = 3000;

} // namespace

void TestEvaluator::explainsTheDecidingStatement()
{
    const CompiledPolicy identity = compiledPolicyOf(R"({
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
        {"Sid": "NoSecrets", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::secrets/*"}
    ]
})",
        "ReadAll");
    PolicySet set;
    set.identity = { &identity };
    const PreparedRequest denied(
        request("arn:aws:iam::111122223333:user/alice", "s3:GetObject", "arn:aws:s3:::secrets/key"));
    Explanation explanation;
    QCOMPARE(evaluate(set, denied, &explanation), Decision::ExplicitlyDenied);
    QCOMPARE(explanation.decision, Decision::ExplicitlyDenied);
    QCOMPARE(explanation.deciding.size(), std::size_t { 1 });
    const StatementRef &ref = explanation.deciding.front();
    QCOMPARE(ref.policy, std::string("ReadAll"));
    QCOMPARE(ref.statement, std::size_t { 1 });
    QCOMPARE(ref.sid, std::string("NoSecrets"));
    QCOMPARE(ref.effect, Effect::Deny);
    QCOMPARE(ref.range.begin.line, 5);
    QCOMPARE(ref.range.begin.column, 9);
    QVERIFY(explanation.reason.find("explicit deny") != std::string::npos);

    const PreparedRequest allowed(
        request("arn:aws:iam::111122223333:user/alice", "s3:GetObject", "arn:aws:s3:::public/key"));
    QCOMPARE(evaluate(set, allowed, &explanation), Decision::Allowed);
    QCOMPARE(explanation.deciding.size(), std::size_t { 1 });
    QCOMPARE(explanation.deciding.front().sid, std::string("Read"));
    // The Deny failed on its resource only: a near miss.
    QCOMPARE(explanation.nearMisses.size(), std::size_t { 1 });
    QCOMPARE(explanation.nearMisses.front().element, std::string("resource"));
}

void TestEvaluator::explainsANearMissByConditionKey()
{
    // A cross-account trust policy that wants an external id the caller did not give.
    const CompiledPolicy trust = compiledPolicyOf(R"({"Version":"2012-10-17","Statement":[{"Sid":"Partner",
        "Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole",
        "Condition":{"StringEquals":{"sts:ExternalId":"ext-1"}}}]})",
        "trust");
    const CompiledPolicy identity = compiledPolicyOf(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]})", "id");
    PolicySet set;
    set.identity = { &identity };
    set.resource = &trust;
    Request r = request(
        "arn:aws:iam::444455556666:user/bob", "sts:AssumeRole", "arn:aws:iam::111122223333:role/Audit", "111122223333");
    r.context.set("sts:ExternalId", "wrong");
    const PreparedRequest prepared(std::move(r));
    Explanation explanation;
    QCOMPARE(evaluate(set, prepared, &explanation), Decision::ImplicitlyDenied);
    QVERIFY(explanation.deciding.empty());
    QVERIFY(explanation.reason.find("cross-account") != std::string::npos);
    QCOMPARE(explanation.nearMisses.size(), std::size_t { 1 });
    const NearMiss &miss = explanation.nearMisses.front();
    QCOMPARE(miss.statement.sid, std::string("Partner"));
    QCOMPARE(miss.element, std::string("condition"));
    QCOMPARE(miss.detail, std::string("StringEquals sts:ExternalId"));
    QVERIFY(miss.range.isValid());
}

void TestEvaluator::explainsANearMissByResource()
{
    const CompiledPolicy identity = compiledPolicyOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
        "Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-a/*"}]})",
        "id");
    PolicySet set;
    set.identity = { &identity };
    const PreparedRequest prepared(
        request("arn:aws:iam::111122223333:user/alice", "s3:GetObject", "arn:aws:s3:::bucket-b/key"));
    Explanation explanation;
    QCOMPARE(evaluate(set, prepared, &explanation), Decision::ImplicitlyDenied);
    QCOMPARE(explanation.nearMisses.size(), std::size_t { 1 });
    QCOMPARE(explanation.nearMisses.front().element, std::string("resource"));
    QCOMPARE(explanation.nearMisses.front().detail, std::string("Resource arn:aws:s3:::bucket-a/*"));
}

void TestEvaluator::explanationNeverChangesTheDecision()
{
    RandomPolicies random(7);
    for (int round = 0; round < kRounds; ++round) {
        const Scenario scenario = Scenario::random(random);
        const Request r = random.request();
        Explanation explanation;
        const Decision plain = scenario.evaluate(r);
        const Decision explained = scenario.evaluate(r, &explanation);
        QVERIFY2(plain == explained && explanation.decision == plain, describe(scenario, r).constData());
    }
}

void TestEvaluator::addedDenyNeverOpensAccess()
{
    RandomPolicies random(11);
    int opened = 0;
    int changed = 0;
    for (int round = 0; round < kRounds; ++round) {
        Scenario scenario = Scenario::random(random);
        const Request r = random.request();
        std::vector<json *> policies = scenario.all();
        if (policies.empty())
            continue;
        const Decision before = scenario.evaluate(r);
        json *target = policies[random.pick(policies.size())];
        const bool resourceLike = target == (scenario.resource ? &*scenario.resource : nullptr)
            || (!scenario.rcps.empty() && target == &scenario.rcps.front().front());
        (*target)["Statement"].push_back(random.statement(resourceLike, std::string("Deny")));
        const Decision after = scenario.evaluate(r);
        changed += before != after;
        if (before != Decision::Allowed && after == Decision::Allowed)
            ++opened;
        QVERIFY2(before == Decision::Allowed || after != Decision::Allowed, describe(scenario, r).constData());
        QVERIFY2(before != Decision::ExplicitlyDenied || after == Decision::ExplicitlyDenied,
            describe(scenario, r).constData());
    }
    QCOMPARE(opened, 0);
    // The generator must exercise the property: some added denies do change decisions.
    QVERIFY(changed > kRounds / 50);
}

void TestEvaluator::removedAllowNeverWidensAccess()
{
    RandomPolicies random(13);
    int changed = 0;
    for (int round = 0; round < kRounds; ++round) {
        Scenario scenario = Scenario::random(random);
        const Request r = random.request();
        // Only Allow-only policies: removing a Deny may of course open access. Make half the policies Allow-only.
        std::vector<json *> allowOnly;
        for (json *p : scenario.all()) {
            if (random.pick(2) == 0) {
                for (json &s : (*p)["Statement"])
                    s["Effect"] = "Allow";
            }
            bool onlyAllow = (*p)["Statement"].size() > 1;
            for (const json &s : (*p)["Statement"])
                onlyAllow = onlyAllow && s["Effect"] == "Allow";
            if (onlyAllow)
                allowOnly.push_back(p);
        }
        if (allowOnly.empty())
            continue;
        const Decision before = scenario.evaluate(r);
        json &statements = (*allowOnly[random.pick(allowOnly.size())])["Statement"];
        statements.erase(statements.begin() + static_cast<std::ptrdiff_t>(random.pick(statements.size())));
        const Decision after = scenario.evaluate(r);
        changed += before != after;
        QVERIFY2(before == Decision::Allowed || after != Decision::Allowed, describe(scenario, r).constData());
    }
    // Access is rare under random policies; some removals must still close it for the property to mean anything.
    QVERIFY2(changed >= 10, qPrintable(QString::number(changed)));
}

void TestEvaluator::malformedRequestsAreRefused_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("action");
    QTest::addRow("principal is free text") << "alice"
                                            << "s3:GetObject";
    QTest::addRow("principal ARN of a bucket") << "arn:aws:s3:::bucket"
                                               << "s3:GetObject";
    QTest::addRow("principal with a short account") << "arn:aws:iam::123:user/a"
                                                    << "s3:GetObject";
    QTest::addRow("action without service") << "arn:aws:iam::111122223333:user/a"
                                            << "GetObject";
    QTest::addRow("empty principal") << ""
                                     << "s3:GetObject";
}

void TestEvaluator::malformedRequestsAreRefused()
{
    QFETCH(QString, principal);
    QFETCH(QString, action);
    const PreparedRequest prepared(request(principal.toStdString(), action.toStdString(), "*"));
    QVERIFY(!prepared.ok());
    QVERIFY(!prepared.error().empty());
}

QTEST_APPLESS_MAIN(TestEvaluator)
#include "TestEvaluator.moc"
