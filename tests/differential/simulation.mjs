// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
//
// Our batch case format (docs/EVALUATION.md, "Batch files") as a Simulation of the reference evaluator
// @cloud-copilot/iam-simulate (see its README and simulation.d.ts).
import { anonymousPrincipal } from '@cloud-copilot/iam-simulate'

function orgLevels(levels, prefix) {
  return (levels ?? []).map((policies, level) => ({
    orgIdentifier: `${prefix}-level-${level}`,
    policies: policies.map((policy, i) => ({ name: `${prefix}-${level}-${i}`, policy }))
  }))
}

// Our case, as the reference's Simulation.
export function toSimulation(c) {
  const request = c.request
  const principalAccount = /^arn:[^:]+:(iam|sts)::(\d{12}):/.exec(request.principal)?.[2]
  const simulation = {
    request: {
      principal: request.principal === 'anonymous' ? anonymousPrincipal : request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount || principalAccount || '' },
      contextVariables: request.context ?? {}
    },
    identityPolicies: (c.identityPolicies ?? []).map((policy, i) => ({ name: `identity-${i}`, policy })),
    serviceControlPolicies: orgLevels(c.scps, 'scp'),
    resourceControlPolicies: orgLevels(c.rcps, 'rcp'),
    // Our batch cases take the context as given: the reference must not drop resource tags on S3 requests.
    additionalSettings: { s3: { bucketAbacEnabled: true } }
  }
  if (c.resourcePolicy) simulation.resourcePolicy = c.resourcePolicy
  if (c.sessionPolicy) simulation.sessionPolicy = c.sessionPolicy
  if ((c.permissionBoundaries ?? []).length > 0)
    simulation.permissionBoundaryPolicies = c.permissionBoundaries.map((policy, i) => ({
      name: `boundary-${i}`,
      policy
    }))
  return simulation
}

