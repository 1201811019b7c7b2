// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
//
// Throughput of the reference evaluator @cloud-copilot/iam-simulate (AGPL: an external test tool installed by
// tests/differential/package.json, run only as this separate process, never linked, copied or shipped) on a
// `simulate --batch` case file, for the comparison in tests/bench/BenchEvaluation.cpp (BatchEndToEndRealistic).
//
//   node tests/bench/iam-simulate-throughput.mjs CASES
//
// Every case is read, parsed and translated first; only the evaluations are timed (in process, with pre-parsed JSON:
// the most favourable measure for it). Prints one JSON line: {"cases","refused","seconds","casesPerSecond"}.
// Exit 2 when the input cannot be read or the evaluator is not installed (run `npm ci` in tests/differential).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const casesFile = process.argv[2]
if (!casesFile) {
  console.error('usage: node iam-simulate-throughput.mjs CASES')
  process.exit(2)
}
const differential = join(dirname(fileURLToPath(import.meta.url)), '..', 'differential')
let simulate
try {
  const resolved = createRequire(join(differential, 'package.json')).resolve('@cloud-copilot/iam-simulate')
  simulate = await import(pathToFileURL(resolved).href)
} catch (error) {
  console.error(`iam-simulate is not installed under ${differential} (npm ci there): ${error.message}`)
  process.exit(2)
}
const { runSimulation } = simulate
// The harness's own translation of a batch case into the reference's Simulation (one translation for both tools).
const { toSimulation } = await import(pathToFileURL(join(differential, 'simulation.mjs')).href)

let text
try {
  text = readFileSync(casesFile, 'utf8')
} catch (error) {
  console.error(`cannot read ${casesFile}: ${error.message}`)
  process.exit(2)
}
const simulations = []
for (const line of text.split('\n')) {
  if (line.trim() === '') continue
  simulations.push(toSimulation(JSON.parse(line)))
}

let refused = 0
const start = process.hrtime.bigint()
for (const simulation of simulations) {
  try {
    const result = await runSimulation(simulation, {})
    if (result.resultType === 'error') ++refused
  } catch {
    ++refused
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9
console.log(
  JSON.stringify({ cases: simulations.length, refused, seconds, casesPerSecond: simulations.length / seconds })
)
