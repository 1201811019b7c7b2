// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The references between a workspace's entities (rd/core/workspace/EntityReferences.h): which places name a user,
// group, role or customer managed policy; what deleting or renaming it does to them (ReferenceEdit); and the
// references a loaded file makes to entities it does not hold (DANGLING_REFERENCE, at their place in the file).
#include "PolicyText.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/EntityReferences.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/ReferenceEdit.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QStringList>
#include <QtTest>

using namespace rd::core;
using rd::test::policyDocument;
using rd::test::policyWithoutRangesOf;

// Declared before any raw string literal: moc reads "/*" inside one as a comment.
class TestEntityReferences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsEveryReference_data();
    void findsEveryReference();
    void removalTakesTheReferencesOut_data();
    void removalTakesTheReferencesOut();
    void renameRewritesTheReferences_data();
    void renameRewritesTheReferences();
    void aRemovalLeavesTheTargetItselfAndListsItsInstanceProfiles();
    void aRenameRewritesTheRolesOwnTrustPolicy();
    void danglingReferencesNameWhatTheWorkspaceLacks();
    void theLoaderReportsDanglingReferencesWhereTheyStand();
    void theGaadImportReportsDanglingReferencesWhereTheyStand();
};

namespace
{

constexpr const char *kAccount = "111122223333";
constexpr const char *kOther = "444455556666";

std::string arnOf(const std::string &account, const std::string &type, const std::string &name)
{
    return "arn:aws:iam::" + account + ":" + type + "/" + name;
}

std::string trustOf(const std::string &statements)
{
    return policyDocument(statements);
}

/// `{"Effect":"Allow","Principal":{"AWS":[...]},"Action":"sts:AssumeRole"}` with a Sid.
std::string allowAssume(const std::string &sid, const std::string &principals)
{
    return R"({"Sid":")" + sid + R"(","Effect":"Allow","Principal":{"AWS":)" + principals
        + R"(},"Action":"sts:AssumeRole"})";
}

/// One account with every kind of reference:
/// - policy Shared: attached to role Deploy, user alice and group devs; the boundary of role Audit and user bob;
/// - group devs: alice and bob are in it; carol of the other account is in a group devs of her own;
/// - user alice: named by role Deploy's trust policy (with role Audit in one statement, alone in another) and by the
///   bucket's policy; NotPrincipal of the queue's policy names her too (not a reference);
/// - role Audit (path /sec/): named by Deploy's trust policy (with alice) and by its own trust policy; it has the
///   instance profile AuditProfile.
Workspace fixture()
{
    Workspace ws;
    ws.accounts = { Account { kAccount, "prod" }, Account { kOther, "dev" } };
    ManagedPolicy shared;
    shared.name = "Shared";
    shared.arn = arnOf(kAccount, "policy", "Shared");
    shared.versions.push_back(PolicyVersion { "v1", true, {},
        policyWithoutRangesOf(policyDocument(R"({"Effect":"Allow","Action":"s3:*",)"
                                             R"("Resource":"*"})")) });
    ws.add(shared);
    ManagedPolicy readOnly;
    readOnly.name = "ReadOnlyAccess";
    readOnly.arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    ws.add(readOnly);

    Role audit;
    audit.accountId = kAccount;
    audit.name = "Audit";
    audit.path = "/sec/";
    audit.arn = arnOf(kAccount, "role/sec", "Audit");
    audit.permissionsBoundaryArn = shared.arn;
    audit.trustPolicy = policyWithoutRangesOf(trustOf(allowAssume("Self", "\"" + audit.arn + "\"")));
    audit.instanceProfiles.push_back(
        InstanceProfile { "AuditProfile", "/", arnOf(kAccount, "instance-profile", "AuditProfile"), {} });
    ws.add(audit);

    Role deploy;
    deploy.accountId = kAccount;
    deploy.name = "Deploy";
    deploy.arn = arnOf(kAccount, "role", "Deploy");
    deploy.attachedPolicyArns = { readOnly.arn, shared.arn };
    // The role is named without its path in statement Both, as the access graph and role sessions allow.
    deploy.trustPolicy = policyWithoutRangesOf(
        trustOf(allowAssume("Both",
                    "[\"" + arnOf(kAccount, "user", "alice") + "\",\"" + arnOf(kAccount, "role", "Audit") + "\"]")
            + "," + allowAssume("Alice", "\"" + arnOf(kAccount, "user", "alice") + "\"") + ","
            + allowAssume("OtherAccount", "\"" + arnOf(kOther, "role", "Audit") + "\"")));
    ws.add(deploy);

    User alice;
    alice.accountId = kAccount;
    alice.name = "alice";
    alice.arn = arnOf(kAccount, "user", "alice");
    alice.attachedPolicyArns = { shared.arn };
    alice.groupNames = { "devs", "ops" };
    ws.add(alice);
    User bob;
    bob.accountId = kAccount;
    bob.name = "bob";
    bob.arn = arnOf(kAccount, "user", "bob");
    bob.permissionsBoundaryArn = shared.arn;
    bob.groupNames = { "devs" };
    ws.add(bob);
    User carol;
    carol.accountId = kOther;
    carol.name = "carol";
    carol.arn = arnOf(kOther, "user", "carol");
    carol.groupNames = { "devs" };
    ws.add(carol);

    Group devs;
    devs.accountId = kAccount;
    devs.name = "devs";
    devs.arn = arnOf(kAccount, "group", "devs");
    devs.attachedPolicyArns = { shared.arn };
    ws.add(devs);
    Group ops;
    ops.accountId = kAccount;
    ops.name = "ops";
    ops.arn = arnOf(kAccount, "group", "ops");
    ws.add(ops);
    Group otherDevs;
    otherDevs.accountId = kOther;
    otherDevs.name = "devs";
    otherDevs.arn = arnOf(kOther, "group", "devs");
    ws.add(otherDevs);

    Resource bucket;
    bucket.arn = "arn:aws:s3:::logs";
    bucket.name = "logs";
    bucket.type = "AWS::S3::Bucket";
    bucket.policy = policyWithoutRangesOf(policyDocument(R"({"Sid":"AliceReads","Effect":"Allow","Principal":)"
                                                         R"({"AWS":")"
        + arnOf(kAccount, "user", "alice") + R"("},"Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*"})"));
    ws.add(bucket);
    Resource queue;
    queue.arn = "arn:aws:sqs:us-east-1:111122223333:jobs";
    queue.name = "jobs";
    queue.type = "AWS::SQS::Queue";
    queue.policy = policyWithoutRangesOf(policyDocument(R"({"Effect":"Deny","NotPrincipal":{"AWS":")"
        + arnOf(kAccount, "user", "alice") + R"("},"Action":"sqs:*","Resource":"*"})"));
    ws.add(queue);
    return ws;
}

/// The target named `kind:name` in the fixture.
ReferenceTarget targetIn(const Workspace &ws, const QString &which)
{
    const QStringList parts = which.split(QLatin1Char(':'));
    const std::string name = parts.value(1).toStdString();
    const QString kind = parts.value(0);
    if (kind == QLatin1String("policy")) {
        for (const ManagedPolicy &p : ws.policies) {
            if (p.name == name)
                return ReferenceTarget::of(p);
        }
    } else if (kind == QLatin1String("group")) {
        for (const Group &g : ws.groups) {
            if (g.name == name && g.accountId == kAccount)
                return ReferenceTarget::of(g);
        }
    } else if (kind == QLatin1String("user")) {
        for (const User &u : ws.users) {
            if (u.name == name)
                return ReferenceTarget::of(u);
        }
    } else if (kind == QLatin1String("role")) {
        for (const Role &r : ws.roles) {
            if (r.name == name)
                return ReferenceTarget::of(r);
        }
    }
    qFatal("no %s in the fixture", qPrintable(which));
    return {};
}

QStringList described(const std::vector<EntityReference> &references)
{
    QStringList out;
    for (const EntityReference &r : references)
        out << QString::fromStdString(describeReference(r));
    return out;
}

const Role &roleNamed(const Workspace &ws, const std::string &name)
{
    for (const Role &r : ws.roles) {
        if (r.name == name)
            return r;
    }
    qFatal("no role %s", name.c_str());
    return ws.roles.front();
}

QString text(const Policy &policy)
{
    return QString::fromStdString(writePolicy(policy));
}

/// An ARN of the fixture, short: `policy/Shared` in the first account, `other:role/Audit` in the second,
/// `aws:policy/ReadOnlyAccess` for AWS's.
QString shortArn(const std::string &arn)
{
    QString text = QString::fromStdString(arn);
    text.replace(QStringLiteral("arn:aws:iam::111122223333:"), QString());
    text.replace(QStringLiteral("arn:aws:iam::444455556666:"), QStringLiteral("other:"));
    text.replace(QStringLiteral("arn:aws:iam::aws:"), QStringLiteral("aws:"));
    return text;
}

/// What the fixture says in the fields references live in, one line each.
QStringList referenceFields(const Workspace &ws)
{
    QStringList out;
    auto join = [](const std::vector<std::string> &values) {
        QStringList list;
        for (const std::string &v : values)
            list << shortArn(v);
        return list.join(QLatin1Char(','));
    };
    for (const Role &r : ws.roles) {
        out << QStringLiteral("role %1 attached [%2] boundary [%3]")
                   .arg(QString::fromStdString(r.name), join(r.attachedPolicyArns), shortArn(r.permissionsBoundaryArn));
        for (const Statement &s : r.trustPolicy.statements) {
            QStringList principals;
            for (const PrincipalEntry &e : s.principal->entries) {
                for (const PolicyString &v : e.values.values)
                    principals << shortArn(v.value);
            }
            out << QStringLiteral("role %1 trust %2 [%3]")
                       .arg(QString::fromStdString(r.name), QString::fromStdString(s.sid->value),
                           principals.join(QLatin1Char(',')));
        }
    }
    for (const User &u : ws.users)
        out << QStringLiteral("user %1 attached [%2] boundary [%3] groups [%4]")
                   .arg(QString::fromStdString(u.name), join(u.attachedPolicyArns), shortArn(u.permissionsBoundaryArn),
                       join(u.groupNames));
    for (const Group &g : ws.groups)
        out << QStringLiteral("group %1%2 attached [%3]")
                   .arg(QString::fromStdString(g.name), g.accountId == kOther ? QStringLiteral("@other") : QString(),
                       join(g.attachedPolicyArns));
    for (const Resource &r : ws.resources)
        out << QStringLiteral("resource %1 statements %2")
                   .arg(QString::fromStdString(r.name))
                   .arg(r.policy->statements.size());
    return out;
}

/// The lines of referenceFields() that an edit took away (`-`) and brought (`+`), in that order.
QStringList differences(const Workspace &before, const Workspace &after)
{
    const QStringList old = referenceFields(before);
    const QStringList now = referenceFields(after);
    QStringList out;
    for (const QString &line : old) {
        if (!now.contains(line))
            out << QLatin1Char('-') + line;
    }
    for (const QString &line : now) {
        if (!old.contains(line))
            out << QLatin1Char('+') + line;
    }
    return out;
}

} // namespace

void TestEntityReferences::findsEveryReference_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("expected");
    // IAM API Reference, "DeletePolicy": a policy is detached from every user, group and role (its attachments and
    // its use as a permissions boundary) before it can go.
    QTest::addRow("a customer managed policy: attached to a role, a user and a group; a role's and a user's boundary")
        << QStringLiteral("policy:Shared")
        << QStringList { "role Audit, permissions boundary", "role Deploy, attached policies",
               "user alice, attached policies", "user bob, permissions boundary", "group devs, attached policies" };
    QTest::addRow("an AWS managed policy is no entity of the workspace: nothing depends on its copy")
        << QStringLiteral("policy:ReadOnlyAccess") << QStringList {};
    // IAM API Reference, "DeleteGroup": the group may hold no users. Names are unique per account only.
    QTest::addRow("a group: its users of the same account, not a user of another account in a group of that name")
        << QStringLiteral("group:devs") << QStringList { "user alice, groups", "user bob, groups" };
    QTest::addRow("a user: the trust statements and the resource policy statement whose Principal names its ARN")
        << QStringLiteral("user:alice")
        << QStringList { "role Deploy, trust policy statement 1 (Both)",
               "role Deploy, trust policy statement 2 (Alice)", "resource logs, policy statement 1 (AliceReads)" };
    // IAM User Guide, "AWS JSON policy elements: Principal": a role ARN names the role; the evaluator and the access
    // graph match a role named with another path by its account and name, so such a statement is a reference too.
    QTest::addRow("a role: named with or without its path, in its own trust policy too; not the same name elsewhere")
        << QStringLiteral("role:Audit")
        << QStringList { "role Audit, trust policy statement 1 (Self)",
               "role Deploy, trust policy statement 1 (Both)" };
    QTest::addRow("a role nothing names") << QStringLiteral("role:Deploy") << QStringList {};
}

void TestEntityReferences::findsEveryReference()
{
    QFETCH(QString, target);
    QFETCH(QStringList, expected);
    const Workspace ws = fixture();
    QCOMPARE(described(findReferences(ws, targetIn(ws, target))), expected);
}

void TestEntityReferences::removalTakesTheReferencesOut_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("changed");
    QTest::addRow("a policy: detached from every list, the boundaries cleared")
        << QStringLiteral("policy:Shared")
        << QStringList { "-role Audit attached [] boundary [policy/Shared]",
               "-role Deploy attached [aws:policy/ReadOnlyAccess,policy/Shared] boundary []",
               "-user alice attached [policy/Shared] boundary [] groups [devs,ops]",
               "-user bob attached [] boundary [policy/Shared] groups [devs]", "-group devs attached [policy/Shared]",
               "+role Audit attached [] boundary []", "+role Deploy attached [aws:policy/ReadOnlyAccess] boundary []",
               "+user alice attached [] boundary [] groups [devs,ops]",
               "+user bob attached [] boundary [] groups [devs]", "+group devs attached []" };
    QTest::addRow("a group: out of its users' lists, the other account's group of that name kept")
        << QStringLiteral("group:devs")
        << QStringList { "-user alice attached [policy/Shared] boundary [] groups [devs,ops]",
               "-user bob attached [] boundary [policy/Shared] groups [devs]",
               "+user alice attached [policy/Shared] boundary [] groups [ops]",
               "+user bob attached [] boundary [policy/Shared] groups []" };
    // IAM User Guide, "AWS JSON policy elements: Principal": once the user is deleted, IAM shows its unique id in the
    // trust policy and the statement names no one, even if a user of that name is made again.
    QTest::addRow("a user: out of each Principal; a statement left with no principal goes, in a resource policy too")
        << QStringLiteral("user:alice")
        << QStringList { "-role Deploy trust Both [user/alice,role/Audit]", "-role Deploy trust Alice [user/alice]",
               "-resource logs statements 1", "+role Deploy trust Both [role/Audit]", "+resource logs statements 0" };
    QTest::addRow("a role: out of the other role's statement, which keeps the user; its own trust policy untouched")
        << QStringLiteral("role:Audit")
        << QStringList { "-role Deploy trust Both [user/alice,role/Audit]", "+role Deploy trust Both [user/alice]" };
}

void TestEntityReferences::removalTakesTheReferencesOut()
{
    QFETCH(QString, target);
    QFETCH(QStringList, changed);
    const Workspace before = fixture();
    Workspace after = before;
    const ReferenceEdit edit = ReferenceEdit::removal(targetIn(before, target));
    QVERIFY(edit.applyTo(after) > 0);
    QCOMPARE(differences(before, after), changed);
    // Nothing but the target's own trust policy names it any more.
    for (const EntityReference &r : findReferences(after, edit.target()))
        QCOMPARE(r.holderId, edit.target().id);
    // A statement whose Principal lost some names keeps its other values as a string, as the graph editor writes it.
    if (target == QLatin1String("role:Audit"))
        QVERIFY(!roleNamed(after, "Deploy").trustPolicy.statements[0].principal->entries[0].values.isArray);
    // A second pass finds nothing to do.
    QCOMPARE(edit.applyTo(after), std::size_t { 0 });
}

void TestEntityReferences::renameRewritesTheReferences_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("newName");
    QTest::addColumn<QStringList>("changed");
    QTest::addRow("a policy: its new ARN in every list and boundary")
        << QStringLiteral("policy:Shared") << QStringLiteral("Common")
        << QStringList { "-role Audit attached [] boundary [policy/Shared]",
               "-role Deploy attached [aws:policy/ReadOnlyAccess,policy/Shared] boundary []",
               "-user alice attached [policy/Shared] boundary [] groups [devs,ops]",
               "-user bob attached [] boundary [policy/Shared] groups [devs]", "-group devs attached [policy/Shared]",
               "+role Audit attached [] boundary [policy/Common]",
               "+role Deploy attached [aws:policy/ReadOnlyAccess,policy/Common] boundary []",
               "+user alice attached [policy/Common] boundary [] groups [devs,ops]",
               "+user bob attached [] boundary [policy/Common] groups [devs]", "+group devs attached [policy/Common]" };
    QTest::addRow("a group: its new name in its users' lists")
        << QStringLiteral("group:devs") << QStringLiteral("builders")
        << QStringList { "-user alice attached [policy/Shared] boundary [] groups [devs,ops]",
               "-user bob attached [] boundary [policy/Shared] groups [devs]",
               "+user alice attached [policy/Shared] boundary [] groups [builders,ops]",
               "+user bob attached [] boundary [policy/Shared] groups [builders]" };
    QTest::addRow("a user: its new ARN in each Principal, every statement kept")
        << QStringLiteral("user:alice") << QStringLiteral("alicia")
        << QStringList { "-role Deploy trust Both [user/alice,role/Audit]", "-role Deploy trust Alice [user/alice]",
               "+role Deploy trust Both [user/alicia,role/Audit]", "+role Deploy trust Alice [user/alicia]" };
    QTest::addRow("a role: its new ARN, with its path, where it was named with or without it")
        << QStringLiteral("role:Audit") << QStringLiteral("Auditor")
        << QStringList { "-role Audit trust Self [role/sec/Audit]", "-role Deploy trust Both [user/alice,role/Audit]",
               "+role Audit trust Self [role/sec/Auditor]", "+role Deploy trust Both [user/alice,role/sec/Auditor]" };
}

void TestEntityReferences::renameRewritesTheReferences()
{
    QFETCH(QString, target);
    QFETCH(QString, newName);
    QFETCH(QStringList, changed);
    const Workspace before = fixture();
    const ReferenceTarget old = targetIn(before, target);
    ReferenceTarget renamed = old;
    renamed.name = newName.toStdString();
    renamed.arn = old.arn.substr(0, old.arn.size() - old.name.size()) + renamed.name;
    const ReferenceEdit edit = ReferenceEdit::rename(old, renamed);
    QCOMPARE(edit.references(before), findReferences(before, old));
    Workspace after = before;
    QVERIFY(edit.applyTo(after) > 0);
    QCOMPARE(differences(before, after), changed);
    // Everything that named the old entity names the new one.
    QVERIFY(findReferences(after, old).empty());
    QCOMPARE(findReferences(after, renamed).size(), findReferences(before, old).size());
}

void TestEntityReferences::aRemovalLeavesTheTargetItselfAndListsItsInstanceProfiles()
{
    const Workspace ws = fixture();
    const Role &audit = roleNamed(ws, "Audit");
    const ReferenceEdit edit = ReferenceEdit::removal(ReferenceTarget::of(audit));
    // IAM API Reference, "DeleteRole": the role leaves its instance profiles first. Its own trust policy goes with
    // it, so it is not a reference to update.
    QCOMPARE(described(edit.references(ws)),
        QStringList({ "role Deploy, trust policy statement 1 (Both)", "role Audit, instance profile AuditProfile" }));
    Role copy = audit;
    QVERIFY(!edit.applyTo(copy));
    QVERIFY(copy == audit);
}

void TestEntityReferences::aRenameRewritesTheRolesOwnTrustPolicy()
{
    const Workspace ws = fixture();
    Role audit = roleNamed(ws, "Audit");
    const ReferenceTarget before = ReferenceTarget::of(audit);
    audit.name = "Auditor";
    audit.arn = arnOf(kAccount, "role/sec", "Auditor");
    QVERIFY(ReferenceEdit::rename(before, ReferenceTarget::of(audit)).applyTo(audit));
    QCOMPARE(text(audit.trustPolicy),
        text(policyWithoutRangesOf(trustOf(allowAssume("Self", "\"arn:aws:iam::111122223333:role/sec/Auditor\"")))));
}

void TestEntityReferences::danglingReferencesNameWhatTheWorkspaceLacks()
{
    Workspace ws = fixture();
    QVERIFY(findDanglingReferences(ws).empty());
    ws.policies.erase(ws.policies.begin()); // Shared
    std::erase_if(ws.groups, [](const Group &g) { return g.name == "ops"; });
    // Another account's policy and an AWS managed policy the workspace lacks are no claim of the workspace.
    for (Role &role : ws.roles) {
        role.attachedPolicyArns.push_back("arn:aws:iam::999988887777:policy/Elsewhere");
        role.attachedPolicyArns.push_back("arn:aws:iam::aws:policy/AdministratorAccess");
    }
    QCOMPARE(described(findDanglingReferences(ws)),
        QStringList(
            { "role Audit, permissions boundary", "role Deploy, attached policies", "user alice, attached policies",
                "user alice, groups", "user bob, permissions boundary", "group devs, attached policies" }));
    const std::vector<EntityReference> dangling = findDanglingReferences(ws);
    QCOMPARE(dangling[1].index, std::size_t { 1 });
    QCOMPARE(dangling[3].value, std::string("ops"));
    QCOMPARE(dangling[3].index, std::size_t { 1 });
}

void TestEntityReferences::theLoaderReportsDanglingReferencesWhereTheyStand()
{
    Workspace ws = fixture();
    ws.policies.erase(ws.policies.begin()); // Shared
    std::erase_if(ws.groups, [](const Group &g) { return g.name == "ops"; });
    const std::string file = writeWorkspace(ws);
    const WorkspaceLoadResult loaded = loadWorkspaceText(file);
    // Reported, not refused: the workspace reads as it is.
    QVERIFY(loaded.ok());
    ws.sortCanonically();
    QVERIFY(sameContent(*loaded.workspace, ws));
    QStringList found;
    for (const Diagnostic &d : loaded.diagnostics) {
        QVERIFY(hasCheckCode(d, CheckCode::DanglingReference));
        QCOMPARE(d.severity, Severity::Warning);
        QVERIFY(d.range.isValid());
        found << QString::fromStdString(file.substr(d.range.begin.offset, d.range.length()) + " " + d.message);
    }
    const QString shared = QStringLiteral("\"arn:aws:iam::111122223333:policy/Shared\" ");
    const QString missing = QStringLiteral(", a customer managed policy the workspace does not have: the analysis "
                                           "leaves it out");
    // In the order of the file: users, groups, roles (by ARN); a user's groups before its policies.
    QCOMPARE(found,
        QStringList({ "\"ops\" user `alice` is in the group `ops`, which its account does not have in the workspace: "
                      "the analysis leaves it out",
            shared + "user `alice` attaches `arn:aws:iam::111122223333:policy/Shared`" + missing,
            shared + "user `bob` has the permissions boundary `arn:aws:iam::111122223333:policy/Shared`" + missing,
            shared + "group `devs` attaches `arn:aws:iam::111122223333:policy/Shared`" + missing,
            shared + "role `Deploy` attaches `arn:aws:iam::111122223333:policy/Shared`" + missing,
            shared + "role `Audit` has the permissions boundary `arn:aws:iam::111122223333:policy/Shared`"
                + missing }));
    // The whole workspace: nothing to report.
    QVERIFY(loadWorkspaceText(writeWorkspace(fixture())).diagnostics.empty());
}

void TestEntityReferences::theGaadImportReportsDanglingReferencesWhereTheyStand()
{
    // IAM API Reference, "GetAccountAuthorizationDetails": `--filter Role` leaves out the customer managed policies
    // (LocalManagedPolicy) and groups the roles and users name.
    const std::string gaad = R"({"RoleDetailList":[{"RoleName":"A","Arn":"arn:aws:iam::111122223333:role/A",)"
                             R"("AttachedManagedPolicies":[{"PolicyName":"Gone","PolicyArn":)"
                             R"("arn:aws:iam::111122223333:policy/Gone"},{"PolicyName":"ReadOnlyAccess",)"
                             R"("PolicyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}],)"
                             R"("PermissionsBoundary":{"PermissionsBoundaryType":"Policy",)"
                             R"("PermissionsBoundaryArn":"arn:aws:iam::111122223333:policy/Fence"}}],)"
                             R"("UserDetailList":[{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u",)"
                             R"("GroupList":["Admins"]}]})";
    const WorkspaceLoadResult loaded = loadWorkspaceText(gaad);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.source, WorkspaceSource::Gaad);
    QStringList underlined;
    for (const Diagnostic &d : loaded.diagnostics) {
        QVERIFY(hasCheckCode(d, CheckCode::DanglingReference));
        QVERIFY2(d.message.find("--filter") != std::string::npos, d.message.c_str());
        underlined << QString::fromStdString(gaad.substr(d.range.begin.offset, d.range.length()));
    }
    QCOMPARE(underlined,
        QStringList({ "\"arn:aws:iam::111122223333:policy/Gone\"", "\"arn:aws:iam::111122223333:policy/Fence\"",
            "\"Admins\"" }));
    // importGaad (the `import` command) reports them alike.
    QCOMPARE(importGaad(gaad).diagnostics.size(), std::size_t { 3 });
}

QTEST_APPLESS_MAIN(TestEntityReferences)
#include "TestEntityReferences.moc"
