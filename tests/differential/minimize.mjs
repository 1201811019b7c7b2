// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
//
// Shrinks disagreements of a differential run to smallest cases that still disagree in the same way, so that each
// can be adjudicated (and classified) on its essentials: repeatedly drops one policy, one statement, one condition,
// one organization level or one context key, keeping a change when both evaluators still give the same two decisions.
import { runSimulation } from '@cloud-copilot/iam-simulate'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toSimulation } from './simulation.mjs'

function clone(value) {
  return JSON.parse(JSON.stringify(value))
}

// Every policy document of a case, with a setter to replace or drop it.
function policySlots(c) {
  const slots = []
  const list = (array, owner, key) =>
    array.forEach((policy, i) =>
      slots.push({
        policy,
        drop: () => owner[key].splice(i, 1),
        set: (p) => (owner[key][i] = p)
      })
    )
  list(c.identityPolicies ?? [], c, 'identityPolicies')
  list(c.permissionBoundaries ?? [], c, 'permissionBoundaries')
  if (c.resourcePolicy)
    slots.push({ policy: c.resourcePolicy, drop: () => (c.resourcePolicy = null), set: (p) => (c.resourcePolicy = p) })
  if (c.sessionPolicy)
    slots.push({ policy: c.sessionPolicy, drop: () => (c.sessionPolicy = null), set: (p) => (c.sessionPolicy = p) })
  for (const field of ['scps', 'rcps'])
    (c[field] ?? []).forEach((level) =>
      level.forEach((policy, i) => slots.push({ policy, drop: () => level.splice(i, 1), set: (p) => (level[i] = p) }))
    )
  return slots
}

// The one-step reductions of a case.
function variants(c) {
  const out = []
  const count = policySlots(c).length
  for (let p = 0; p < count; ++p) {
    const dropped = clone(c)
    policySlots(dropped)[p].drop()
    out.push(dropped)
    const statements = policySlots(c)[p].policy.Statement
    const list = Array.isArray(statements) ? statements : [statements]
    for (let s = 0; s < list.length; ++s) {
      if (list.length > 1) {
        const v = clone(c)
        const slot = policySlots(v)[p]
        const st = Array.isArray(slot.policy.Statement) ? slot.policy.Statement : [slot.policy.Statement]
        st.splice(s, 1)
        slot.policy.Statement = st
        out.push(v)
      }
      for (const op of Object.keys(list[s].Condition ?? {})) {
        for (const key of Object.keys(list[s].Condition[op])) {
          const v = clone(c)
          const slot = policySlots(v)[p]
          const st = Array.isArray(slot.policy.Statement) ? slot.policy.Statement : [slot.policy.Statement]
          delete st[s].Condition[op][key]
          if (Object.keys(st[s].Condition[op]).length === 0) delete st[s].Condition[op]
          if (Object.keys(st[s].Condition).length === 0) delete st[s].Condition
          out.push(v)
        }
      }
    }
  }
  for (const field of ['scps', 'rcps'])
    (c[field] ?? []).forEach((level, i) => {
      const v = clone(c)
      v[field].splice(i, 1)
      out.push(v)
    })
  for (const key of Object.keys(c.request.context ?? {})) {
    const v = clone(c)
    delete v.request.context[key]
    out.push(v)
  }
  return out
}

function ours(cli, work, cases) {
  const file = join(work, 'cases.jsonl')
  writeFileSync(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n')
  let text
  try {
    text = execFileSync(cli, ['simulate', '--batch', file], { maxBuffer: 1 << 30 }).toString()
  } catch (error) {
    text = error.stdout.toString()
  }
  const decisions = new Map()
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue
    const out = JSON.parse(line)
    decisions.set(String(out.id), out.decision)
  }
  return decisions
}

async function reference(c) {
  try {
    const response = await runSimulation(toSimulation(c), {})
    return response.resultType === 'error' ? undefined : response.overallResult
  } catch {
    return undefined
  }
}

/// The smallest case found for each disagreement ({ours, reference, case}), in the same order.
export async function shrink(cli, disagreements) {
  const work = mkdtempSync(join(tmpdir(), 'rd-minimize-'))
  const state = disagreements.map((d) => ({ ...d, current: d.case, done: false }))

  while (state.some((s) => !s.done)) {
    const batch = []
    const owners = []
    state.forEach((s, index) => {
      if (s.done) return
      variants(s.current).forEach((v, k) => {
        v.id = `${index}-${k}`
        batch.push(v)
        owners.push(index)
      })
    })
    const decisions = ours(cli, work, batch)
    const progressed = new Set()
    for (let i = 0; i < batch.length; ++i) {
      const index = owners[i]
      if (progressed.has(index)) continue
      const s = state[index]
      if (decisions.get(batch[i].id) !== s.ours) continue
      if ((await reference(batch[i])) !== s.reference) continue
      s.current = batch[i]
      progressed.add(index)
    }
    state.forEach((s, index) => {
      if (!progressed.has(index)) s.done = true
    })
  }
  rmSync(work, { recursive: true, force: true })
  return state.map((s) => ({ ...s.current, id: s.case.id }))
}

