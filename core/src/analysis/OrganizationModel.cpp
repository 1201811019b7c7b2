// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/analysis/OrganizationModel.h"

#include "rd/core/evaluation/RequestContext.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace rd::core
{

namespace
{

const OrganizationLevels kNoLevels;

/// AWS Organizations User Guide, "Resource control policies (RCPs)", "List of AWS services that support RCPs":
/// Amazon S3, AWS STS, AWS KMS, Amazon SQS and AWS Secrets Manager.
constexpr std::array<std::string_view, 5> kRcpServices { "kms", "s3", "secretsmanager", "sqs", "sts" };

} // namespace

std::string_view OrganizationAttachment::kindName() const
{
    return type == OrganizationPolicyType::ServiceControl ? "SCP" : "RCP";
}

std::string_view OrganizationAttachment::targetKindName() const
{
    switch (targetKind) {
    case OrganizationTargetKind::Root:
        return "root";
    case OrganizationTargetKind::OrganizationalUnit:
        return "OU";
    case OrganizationTargetKind::Account:
        return "account";
    }
    return "root";
}

std::string OrganizationAttachment::label() const
{
    if (targetKind == OrganizationTargetKind::Root)
        return policyName + " attached to the root " + targetId;
    return policyName + " attached to " + std::string(targetKindName()) + " "
        + (targetName.empty() ? targetId : targetName + " (" + targetId + ")");
}

std::shared_ptr<const OrganizationModel> OrganizationModel::build(const Organization &organization)
{
    std::shared_ptr<OrganizationModel> model(new OrganizationModel());
    model->m_org = organization;
    const Organization &org = model->m_org;
    // Compiled once per attachment, so that a deciding statement names where its policy is attached.
    std::map<std::pair<std::string, OrganizationPolicyType>, std::vector<const CompiledPolicy *>> atNode;
    bool anyScp = false;
    for (const OrganizationPolicy &policy : org.policies) {
        anyScp = anyScp || policy.type == OrganizationPolicyType::ServiceControl;
        for (const std::string &target : policy.targetIds) {
            const std::optional<OrganizationTargetKind> kind = org.targetKind(target);
            if (!kind)
                continue;
            OrganizationAttachment attachment { policy.id, policy.name.empty() ? policy.id : policy.name, policy.type,
                target, *kind, org.targetName(target) };
            std::string label = attachment.label();
            auto compiled = std::make_unique<Compiled>(
                Compiled { std::move(attachment), CompiledPolicy::compile(policy.document, label) });
            atNode[{ target, policy.type }].push_back(&compiled->policy);
            model->m_byLabel.emplace(std::move(label), compiled.get());
            model->m_compiled.push_back(std::move(compiled));
        }
    }
    for (const OrganizationAccount &account : org.accounts) {
        const std::vector<std::string> path = org.pathOf(account.id);
        if (path.empty())
            continue;
        model->m_orgPaths.emplace(account.id, org.orgPathOf(account.id));
        if (account.id == org.managementAccountId)
            continue;
        OrganizationLevels scps;
        OrganizationLevels rcps;
        for (const std::string &node : path) {
            auto scp = atNode.find({ node, OrganizationPolicyType::ServiceControl });
            if (scp != atNode.end())
                scps.push_back(scp->second);
            auto rcp = atNode.find({ node, OrganizationPolicyType::ResourceControl });
            if (rcp != atNode.end())
                rcps.push_back(rcp->second);
        }
        if (anyScp)
            model->m_scps.emplace(account.id, std::move(scps));
        if (!rcps.empty())
            model->m_rcps.emplace(account.id, std::move(rcps));
    }
    return model;
}

const OrganizationLevels &OrganizationModel::scpLevels(std::string_view accountId) const
{
    auto it = m_scps.find(accountId);
    return it == m_scps.end() ? kNoLevels : it->second;
}

bool OrganizationModel::serviceSupportsRcps(std::string_view servicePrefix)
{
    std::string lower(servicePrefix);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return std::find(kRcpServices.begin(), kRcpServices.end(), lower) != kRcpServices.end();
}

const OrganizationLevels &OrganizationModel::rcpLevels(std::string_view accountId, std::string_view action) const
{
    const std::size_t colon = action.find(':');
    if (colon == std::string_view::npos || !serviceSupportsRcps(action.substr(0, colon)))
        return kNoLevels;
    auto it = m_rcps.find(accountId);
    return it == m_rcps.end() ? kNoLevels : it->second;
}

void OrganizationModel::addContext(
    RequestContext &context, std::string_view principalAccount, std::string_view resourceAccount) const
{
    auto setIfAbsent = [&](std::string_view key, std::string_view lowerKey, std::vector<std::string> values,
                           bool multivalued) {
        if (!context.find(lowerKey))
            context.set(key, std::move(values), multivalued);
    };
    if (auto it = m_orgPaths.find(principalAccount); it != m_orgPaths.end() && !principalAccount.empty()) {
        setIfAbsent("aws:PrincipalOrgID", "aws:principalorgid", { m_org.id }, false);
        setIfAbsent("aws:PrincipalOrgPaths", "aws:principalorgpaths", { it->second }, true);
    }
    if (auto it = m_orgPaths.find(resourceAccount); it != m_orgPaths.end() && !resourceAccount.empty()) {
        setIfAbsent("aws:ResourceOrgID", "aws:resourceorgid", { m_org.id }, false);
        setIfAbsent("aws:ResourceOrgPaths", "aws:resourceorgpaths", { it->second }, true);
    }
    if (!resourceAccount.empty())
        setIfAbsent("aws:ResourceAccount", "aws:resourceaccount", { std::string(resourceAccount) }, false);
}

const OrganizationAttachment *OrganizationModel::attachmentOf(std::string_view compiledName) const
{
    auto it = m_byLabel.find(compiledName);
    return it == m_byLabel.end() ? nullptr : &it->second->attachment;
}

} // namespace rd::core
