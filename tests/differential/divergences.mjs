// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
//
// The adjudicated disagreement classes: each is a rule on which the AWS documentation and the reference evaluator
// differ, with the page that decides it (docs/EVALUATION.md, "Differential testing", lists them). A disagreement is
// put in a class by testing its shrunk case (minimize.mjs), so that the class names what the disagreement is about
// rather than what else the case happened to hold; a class decided by the request alone (`onOriginal`) is tested on
// the case as generated, which saves shrinking it. A disagreement in no class is unexplained: a bug of ours to fix or a
// class to adjudicate.

const UG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/'

function policiesOf(c) {
  const out = []
  for (const p of c.identityPolicies ?? []) out.push(p)
  for (const p of c.permissionBoundaries ?? []) out.push(p)
  if (c.resourcePolicy) out.push(c.resourcePolicy)
  if (c.sessionPolicy) out.push(c.sessionPolicy)
  for (const field of ['scps', 'rcps']) for (const level of c[field] ?? []) for (const p of level) out.push(p)
  return out
}

function statementsOf(policy) {
  const s = policy?.Statement
  return Array.isArray(s) ? s : s ? [s] : []
}

function values(v) {
  return Array.isArray(v) ? v : v === undefined ? [] : [v]
}

// Every condition of the case: {op, key, values, version}.
function conditionsOf(c) {
  const out = []
  for (const policy of policiesOf(c))
    for (const statement of statementsOf(policy))
      for (const [op, keys] of Object.entries(statement.Condition ?? {}))
        for (const [key, v] of Object.entries(keys)) out.push({ op, key, values: values(v), version: policy.Version })
  return out
}

function contextHas(c, key) {
  const wanted = key.toLowerCase()
  return Object.keys(c.request.context ?? {}).some((k) => k.toLowerCase() === wanted)
}

// The keys of the variables in a text that have no value in the request and no default.
function unresolvedVariables(c, text) {
  const out = []
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const inner = match[1]
    if (inner === '*' || inner === '?' || inner === '$' || inner.includes(',')) continue
    if (!contextHas(c, inner.trim())) out.push(inner.trim())
  }
  return out
}

function principalKind(c) {
  const p = c.request.principal
  if (p === 'anonymous') return 'anonymous'
  if (p.endsWith(':root')) return 'root'
  if (p.includes(':assumed-role/')) return 'session'
  if (p.includes(':federated-user/')) return 'federated'
  if (p.includes(':role/')) return 'role'
  if (p.includes(':user/')) return 'user'
  return 'other'
}

const policyChanges = new Set([
  'iam:createpolicy',
  'iam:createpolicyversion',
  'iam:deletepolicy',
  'iam:deletepolicyversion',
  'iam:setdefaultpolicyversion',
  'iam:tagpolicy',
  'iam:untagpolicy'
])

export const divergences = [
  {
    id: 'root-user',
    // Decided by the request alone: shrinking the policies cannot change it.
    onOriginal: true,
    title: 'The account root user has full access to its own account and cannot assume roles',
    reference: 'treats the root user as an IAM principal with no identity-based policy',
    source: `${UG}reference_policies_evaluation-logic_policy-eval-denyallow.html ("all requests are implicitly denied with the exception of the AWS account root user, which has full access"); ${UG}id_root-user.html (root user credentials cannot call AssumeRole)`,
    test: (c) => principalKind(c) === 'root'
  },
  {
    id: 'grant-to-session',
    title: 'A resource policy that grants to the session itself (its ARN, or "*") is not limited by the session policy',
    reference: 'limits every resource-policy grant to a session by the session policy',
    source: `${UG}reference_policies_evaluation-logic_policy-eval-denyallow.html ("Permissions granted directly to a session are not limited by an implicit deny in an identity-based policy, a permissions boundary, or session policy"); ${UG}access_policies.html#policies_session`,
    test: (c, ours, reference) => {
      if (ours !== 'Allowed' || reference !== 'ImplicitlyDenied' || !c.sessionPolicy) return false
      const kind = principalKind(c)
      if (kind !== 'session' && kind !== 'federated' && kind !== 'role') return false
      return statementsOf(c.resourcePolicy).some((s) => {
        if (s.Effect !== 'Allow' || s.Principal === undefined) return false
        if (s.Principal === '*') return true
        return values(s.Principal.AWS).some((p) => p === '*' || p === c.request.principal)
      })
    }
  },
  {
    id: 'federated-user-without-session-policy',
    title: 'A federated user session (GetFederationToken) without a session policy has no identity-based permissions',
    reference: "gives a federated user session the IAM user's identity-based permissions without a session policy",
    source: `${UG}reference_policies_evaluation-logic_policy-eval-denyallow.html ("If there is no session policy, the code checks whether the principal is a role session. If the principal is a role session, then the request is Allowed. Otherwise, the request is implicitly denied"); https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html`,
    test: (c, ours, reference) =>
      principalKind(c) === 'federated' && !c.sessionPolicy && ours === 'ImplicitlyDenied' && reference === 'Allowed'
  },
  {
    id: 'variable-without-value-in-negated-condition',
    title: 'A variable with no value: inverted operators (StringNotEquals, StringNotLike, ArnNot*) match',
    reference: 'makes a negated operator false when its value holds a variable with no value',
    source: `${UG}reference_policies_variables.html#policy-vars-no-value ("Inverted condition operators like StringNotEquals or StringNotLike do match against a null value")`,
    test: (c) =>
      conditionsOf(c).some(
        (k) =>
          k.version === '2012-10-17' &&
          /^(String|Arn)Not/.test(k.op.replace(/^For(All|Any)Value:/, '')) &&
          k.values.some((v) => unresolvedVariables(c, String(v)).length > 0)
      )
  },
  {
    id: 'epoch-date',
    title: 'Date operators take epoch (UNIX) times as well as ISO 8601 dates, in the policy and in the request',
    reference: 'compares an epoch value with an ISO 8601 date wrongly',
    source: `${UG}reference_policies_elements_condition_operators.html#Conditions_Date ("You must specify date/time values with one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time")`,
    test: (c) =>
      conditionsOf(c).some(
        (k) =>
          /^Date/.test(k.op) &&
          (k.values.some((v) => /^\d+$/.test(String(v))) ||
            Object.entries(c.request.context ?? {}).some(
              ([key, v]) => key.toLowerCase() === k.key.toLowerCase() && /^\d+$/.test(String(v))
            ))
      )
  },
  {
    id: 'aws-managed-policy-explicit-deny',
    onOriginal: true,
    title: 'A change to an AWS managed policy that an explicit Deny matches is explicitly denied',
    reference: 'answers ImplicitlyDenied for every change to an AWS managed policy, an explicit Deny notwithstanding',
    source: `${UG}reference_policies_evaluation-logic_policy-eval-denyallow.html ("If the enforcement code finds even one explicit deny that applies, the code returns a final decision of Deny"); ${UG}access_policies_managed-vs-inline.html ("You cannot change the permissions defined in AWS managed policies")`,
    test: (c, ours, reference) =>
      ours === 'ExplicitlyDenied' &&
      reference === 'ImplicitlyDenied' &&
      c.request.resource.startsWith('arn:aws:iam::aws:policy/') &&
      policyChanges.has(c.request.action.toLowerCase())
  },
  {
    id: 'notprincipal-account-only',
    title: "A Deny with NotPrincipal listing an account exempts the account's root user, not its IAM users and roles",
    reference: 'exempts every principal of an account that NotPrincipal lists',
    source: `${UG}reference_policies_elements_notprincipal.html ("deny access to all principals except the principal specified in the NotPrincipal element"; its recommended form lists the user together with "the ARN for the user's account")`,
    test: (c, ours, reference) => {
      if (ours !== 'ExplicitlyDenied' || reference === 'ExplicitlyDenied') return false
      const account = /^arn:[^:]+:(iam|sts)::(\d{12}):/.exec(c.request.principal)?.[2]
      return statementsOf(c.resourcePolicy).some(
        (s) =>
          s.Effect === 'Deny' &&
          s.NotPrincipal !== undefined &&
          values(s.NotPrincipal.AWS).some((p) => p === account || p === `arn:aws:iam::${account}:root`)
      )
    }
  },
  {
    id: 'trust-policy-user-boundary',
    title: "A user that a role's trust policy allows still needs its permissions boundary to allow sts:AssumeRole",
    reference: "ignores the user's permissions boundary when the trust policy grants the user",
    source: `${UG}id_roles_update-role-trust-policy.html ("If a user is listed as the principal in a role's trust policy but cannot assume the role, check the user's permissions boundary. If a permissions boundary is set for the user, then it must allow the sts:AssumeRole action")`,
    test: (c, ours, reference) =>
      principalKind(c) === 'user' &&
      c.request.action.toLowerCase().startsWith('sts:assumerole') &&
      (c.permissionBoundaries ?? []).length > 0 &&
      ours === 'ImplicitlyDenied' &&
      reference === 'Allowed'
  },
  {
    id: 'variables-literal-before-2012-10-17',
    title: 'Under Version 2008-10-17 (or no Version) ${...} is literal text, not a policy variable',
    reference: 'replaces policy variables whatever the policy Version',
    source: `${UG}reference_policies_elements_version.html ("If you do not include a Version element, the value defaults to 2008-10-17, but newer features, such as policy variables, will not work with your policy. For example, variables such as \${aws:username} aren't recognized as variables and are instead treated as literal strings")`,
    test: (c) =>
      policiesOf(c).some(
        (p) =>
          p.Version !== '2012-10-17' &&
          statementsOf(p).some((s) => JSON.stringify([s.Condition, s.Resource, s.NotResource]).includes('${'))
      )
  },
  {
    id: 'trust-policy-required',
    title: "sts:AssumeRole needs the role's trust policy to allow it; with none (or none that allows) it is denied",
    reference: 'trusts the account implicitly when the case gives no trust policy',
    source: `${UG}reference_policies_evaluation-logic_policy-eval-denyallow.html ("IAM role trust policies and KMS key policies are exceptions to this logic, because they must explicitly allow access for principals")`,
    test: (c, ours, reference) =>
      c.request.action.toLowerCase().startsWith('sts:assumerole') &&
      !c.resourcePolicy &&
      ours === 'ImplicitlyDenied' &&
      reference === 'Allowed'
  },
  {
    id: 'federated-user-is-not-an-iam-user',
    title: 'A federated user session is not the IAM user of the same name: a Principal naming the user does not match it',
    reference: 'matches arn:aws:sts::A:federated-user/N with a Principal naming arn:aws:iam::A:user/N',
    source: `${UG}reference_policies_variables.html#policy-vars-infotouse (the federated user's aws:userid is "account:caller-specified-name", a name the caller passes to GetFederationToken); https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html ("Name": "The name of the federated user")`,
    test: (c) => {
      const name = /:federated-user\/(.+)$/.exec(c.request.principal)?.[1]
      if (!name) return false
      return statementsOf(c.resourcePolicy).some((s) =>
        values(s.Principal?.AWS).some((p) => typeof p === 'string' && p.endsWith(`:user/${name}`))
      )
    }
  }
]

/// The divergence a shrunk disagreement belongs to, or undefined.
export function classify(shrunk, ours, reference) {
  return divergences.find((d) => d.test(shrunk, ours, reference))
}

/// The divergence that an unshrunk disagreement belongs to by its request alone (`onOriginal`), or undefined: such
/// disagreements need no shrinking.
export function classifyByRequest(c, ours, reference) {
  return divergences.find((d) => d.onOriginal && d.test(c, ours, reference))
}
