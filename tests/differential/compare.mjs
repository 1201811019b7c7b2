// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
//
// Differential comparison: runs every case of a `simulate --batch` case file through the reference evaluator
// @cloud-copilot/iam-simulate (an external test tool, used through its public API only, never linked, copied or
// shipped) and compares its decision with ours.
//
//   node compare.mjs CLI CASES OURS DISAGREEMENTS
//
// CLI is role-designer-cli, CASES the JSON Lines case file, OURS the output of `role-designer-cli simulate --batch
// CASES` (one line per case, `{"id","decision"}` or `{"id","line","error"}`). Cases that our engine refuses are excluded
// from the agreement and counted, as are cases the reference refuses (an unknown action, a resource of the wrong
// type...). Each disagreement is shrunk to a smallest case that still disagrees (minimize.mjs) and classified: a
// documented divergence of the reference (divergences.mjs, docs/EVALUATION.md) or unexplained. DISAGREEMENTS gets one
// JSON line per disagreement ({class, ours, reference, shrunk when it was shrunk, case}), sorted by class. Prints the counts, the
// agreement and the classes, largest first. Exit 0 unless the input cannot be read.
import { runSimulation } from '@cloud-copilot/iam-simulate'
import { createReadStream, readFileSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { classify, classifyByRequest } from './divergences.mjs'
import { shrink } from './minimize.mjs'
import { toSimulation } from './simulation.mjs'

const [cli, casesFile, oursFile, disagreementsFile] = process.argv.slice(2)
if (!cli || !casesFile || !oursFile || !disagreementsFile) {
  console.error('usage: node compare.mjs CLI CASES OURS DISAGREEMENTS')
  process.exit(2)
}

// Our decisions (or refusals) by case id.
const ours = new Map()
for (const line of readFileSync(oursFile, 'utf8').split('\n')) {
  if (!line.startsWith('{')) continue
  const out = JSON.parse(line)
  if (out.id !== undefined && out.id !== null) ours.set(String(out.id), out)
}

function principalKind(principal, context) {
  if (principal === 'anonymous') return 'anonymous'
  if (!principal.startsWith('arn:')) return 'service'
  if (principal.includes(':assumed-role/')) return 'assumed-role session'
  if (principal.includes(':federated-user/')) return 'federated user'
  if (principal.endsWith(':root')) return 'root'
  if (principal.includes(':role/')) {
    const type = context?.['aws:PrincipalType']
    return type === 'AssumedRole' ? 'role ARN (AssumedRole)' : 'role ARN'
  }
  if (principal.includes(':user/')) return 'user'
  return 'other'
}

// What each of the reference's policy layers said: the signature that groups disagreements.
function layers(analysis) {
  if (!analysis) return ''
  const parts = []
  const add = (name, a) => {
    if (a && a.result !== undefined) parts.push(`${name}=${a.result}`)
  }
  add('identity', analysis.identityAnalysis)
  add('session', analysis.sessionAnalysis)
  add('boundary', analysis.permissionBoundaryAnalysis)
  add('resource', analysis.resourceAnalysis)
  if (analysis.scpAnalysis?.ouAnalysis?.length) add('scp', analysis.scpAnalysis)
  if (analysis.rcpAnalysis?.ouAnalysis?.length > 0 && analysis.rcpAnalysis.result !== 'Allowed')
    add('rcp', analysis.rcpAnalysis)
  return parts.join(' ')
}

// Actions and resources with rules of their own; other requests are grouped by their service only.
function actionClass(request) {
  const action = request.action.toLowerCase()
  if (action === 'sts:getcalleridentity' || action.startsWith('sts:assumerole') || action === 'sts:tagsession')
    return request.action
  if (request.resource.startsWith('arn:aws:iam::aws:policy/')) return `${request.action} on an AWS managed policy`
  return `${action.split(':')[0]}:*`
}

const counts = {
  cases: 0,
  oursRefused: 0,
  referenceRefused: 0,
  compared: 0,
  agree: 0,
  disagree: 0
}
const refusedBy = new Map()
const classes = new Map()
const disagreements = []

const input = createInterface({ input: createReadStream(casesFile), crlfDelay: Infinity })
for await (const line of input) {
  if (!line.trim()) continue
  ++counts.cases
  const c = JSON.parse(line)
  const mine = ours.get(String(c.id))
  if (!mine || mine.error !== undefined) {
    ++counts.oursRefused
    continue
  }
  let response
  try {
    response = await runSimulation(toSimulation(c), {})
  } catch (error) {
    response = { resultType: 'error', errors: { message: `exception: ${error.message}` } }
  }
  if (response.resultType === 'error') {
    ++counts.referenceRefused
    const message = response.errors?.message ?? 'error'
    refusedBy.set(message, (refusedBy.get(message) ?? 0) + 1)
    continue
  }
  ++counts.compared
  const reference = response.overallResult
  if (reference === mine.decision) {
    ++counts.agree
    continue
  }
  ++counts.disagree
  const analysis = response.resultType === 'single' ? response.result.analysis : undefined
  const kind = principalKind(c.request.principal, c.request.context)
  disagreements.push({
    // Until it is classified: what the reference's layers said.
    class: `unexplained: ours ${mine.decision}, reference ${reference}; ${kind}; ${actionClass(c.request)}; reference layers: ${layers(analysis)}`,
    ours: mine.decision,
    reference,
    case: c
  })
}

const byRequest = disagreements.map((d) => classifyByRequest(d.case, d.ours, d.reference))
const toShrink = disagreements.filter((d, i) => !byRequest[i])
const shrunk = await shrink(cli, toShrink)
toShrink.forEach((d, i) => (d.shrunk = shrunk[i]))
let documented = 0
disagreements.forEach((d, i) => {
  const divergence = byRequest[i] ?? classify(d.shrunk, d.ours, d.reference)
  if (divergence) {
    d.class = `${divergence.id}: ${divergence.title} (reference: ${divergence.reference}; ${divergence.source})`
    ++documented
  }
  classes.set(d.class, (classes.get(d.class) ?? 0) + 1)
})
disagreements.sort((a, b) => (a.class < b.class ? -1 : a.class > b.class ? 1 : 0))
writeFileSync(disagreementsFile, disagreements.map((d) => JSON.stringify(d)).join('\n') + (disagreements.length ? '\n' : ''))

const percent = (n) => (counts.compared ? ((100 * n) / counts.compared).toFixed(3) : 'n/a')
console.log(`cases ${counts.cases}`)
console.log(`refused by our engine (excluded) ${counts.oursRefused}`)
console.log(`refused by iam-simulate (excluded) ${counts.referenceRefused}`)
for (const [message, n] of [...refusedBy].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${message}`)
console.log(`compared ${counts.compared}: agree ${counts.agree}, disagree ${counts.disagree} (agreement ${percent(counts.agree)}%)`)
console.log(
  `disagreements in documented divergences of the reference ${documented}, unexplained ${counts.disagree - documented}` +
    ` (agreement or documented divergence ${percent(counts.agree + documented)}%)`
)
if (classes.size > 0) {
  console.log(`disagreement classes (${classes.size}), written with their cases to ${disagreementsFile}:`)
  for (const [klass, n] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${klass}`)
}
