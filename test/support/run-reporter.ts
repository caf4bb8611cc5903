// A reporter next to Vitest's default one: at the end of a run it prints every skipped test with
// the reason it was skipped (`ctx.skip(reason)`; "no reason given" otherwise) and the slowest test
// files by the runner's own timings. With TEST_RESULTS_FILE set it also writes every test's outcome
// there (JSON), which `.ci/run` hands to test/support/check-skips.ts: CI fails when a test that
// was skipped in one pass did not pass in another.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export interface TestOutcome {
  project: string;
  file: string;
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  note?: string;
}

const SLOWEST = 10;

export default class RunReporter implements Reporter {
  /** With -t (a test name pattern) every other test is "skipped": those are not listed. */
  private filtered = false;

  onInit(vitest: Vitest) {
    this.filtered = Boolean(vitest.config.testNamePattern);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const outcomes: TestOutcome[] = [];
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const r = t.result();
        outcomes.push({
          project: m.project.name,
          file: m.relativeModuleId,
          name: t.fullName,
          state: r.state,
          ...(r.state === 'skipped' && r.note ? { note: r.note } : {}),
        });
      }
    }
    const skipped = outcomes.filter((o) => o.state === 'skipped' && (o.note || !this.filtered));
    if (skipped.length) {
      console.log(`\nSkipped ${skipped.length} test${skipped.length === 1 ? '' : 's'}:`);
      for (const s of skipped) console.log(`  ↓ ${s.file} › ${s.name}\n      why: ${s.note ?? 'no reason given'}`);
    }
    if (testModules.length > SLOWEST) {
      const files = testModules.map((m) => ({
        file: m.relativeModuleId,
        project: m.project.name,
        ms: m.diagnostic().duration,
        tests: [...m.children.allTests()].length,
      }));
      files.sort((a, b) => b.ms - a.ms);
      const total = files.reduce((a, f) => a + f.ms, 0);
      console.log(`\nSlowest test files (time in tests and hooks; ${(total / 1000).toFixed(0)} s over ${files.length} files):`);
      for (const f of files.slice(0, SLOWEST)) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.project.padEnd(11)} ${f.file} (${f.tests} tests)`);
    }
    const out = process.env.TEST_RESULTS_FILE;
    if (out) writeFileSync(out, JSON.stringify(outcomes, null, 1));
  }
}
