// CI's check that nothing it should run was skipped: given the outcome files of each pass
// (TEST_RESULTS_FILE of test/support/run-reporter.ts), every test skipped in one pass must have
// passed in another — e.g. the PostgreSQL-only tests skipped on PGlite run in the PostgreSQL pass.
// A test skipped everywhere (a missing service, a forgotten `.skip`) fails the run, with its reason.
// Usage: tsx test/support/check-skips.ts <pass1.json> <pass2.json> ...
import { readFileSync } from 'node:fs';
import type { TestOutcome } from './run-reporter.js';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: tsx test/support/check-skips.ts <outcomes.json>...');
  process.exit(2);
}
const key = (o: TestOutcome) => `${o.file} › ${o.name}`;
const passed = new Set<string>();
const skipped = new Map<string, TestOutcome>();
let total = 0;
for (const f of files) {
  const outcomes = JSON.parse(readFileSync(f, 'utf8')) as TestOutcome[];
  total += outcomes.length;
  for (const o of outcomes) {
    if (o.state === 'passed') passed.add(key(o));
    else if (o.state === 'skipped' || o.state === 'pending') skipped.set(key(o), o);
  }
}
const never = [...skipped.entries()].filter(([k]) => !passed.has(k));
const covered = skipped.size - never.length;
if (never.length) {
  console.error(`\n${never.length} test${never.length === 1 ? ' was' : 's were'} skipped in every pass; CI must run them all:`);
  for (const [k, o] of never) console.error(`  ↓ ${k}\n      why: ${o.note ?? 'no reason given'}`);
  process.exit(1);
}
console.log(`Skips: none left out (${total} test results over ${files.length} passes; ${covered} skipped in one pass ran in another).`);
