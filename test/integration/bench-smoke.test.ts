import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../bench/run.js';

// Keeps the benchmark harness (test/bench/, `npm run bench`) working: a tiny dataset, about a second
// per case, at most 100 requests a second. It asserts only that every case ran and answered without
// errors — never how fast: the figures of a run this short and light mean nothing. GET cases go
// through wrk when it is installed (.ci/run installs it), so both generators are exercised there.

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'hearth-bench-smoke-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const wrkInstalled = !spawnSync('wrk', ['-v']).error;

async function bench(out: string, extra: string[]): Promise<BenchReport> {
  // --max-rate keeps the load light: the other test files run beside this one.
  const args = ['--posts', '500', '--db', join(folder, 'smoke.db'), '--seconds', '1', '--reply-seconds', '1', '--warmup', '0.3', '--connections', '4', '--max-rate', '100', '--out', out, ...extra];
  await run(process.execPath, ['--import', 'tsx', 'test/bench/run.ts', ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    timeout: 170_000,
  });
  return JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
}

describe('npm run bench (smoke)', () => {
  it('seeds a tiny dataset and measures every case with zero errors', { timeout: 180_000 }, async () => {
    const report = await bench(join(folder, 'result.json'), []);
    expect(report.dataset).toMatchObject({ posts: 500 });
    const names = report.cases.map((result) => result.name);
    expect(names).toEqual(['ceiling', 'ceiling-same-responses', 'anonymous-thread', 'signed-in-thread', 'deep-page', 'category', 'search-common', 'search-rare', 'reads-during-writes', 'insights', 'reply']);
    for (const result of report.cases) {
      if (result.name.startsWith('search-') && result.status === 'n/a') continue;
      expect({ case: result.name, status: result.status, note: result.note }).toEqual({ case: result.name, status: 'ok', note: undefined });
      expect(result.requests, result.name).toBeGreaterThan(0);
      expect(result.errors, result.name).toBe(0);
    }
    const writes = report.cases.find((result) => result.name === 'reads-during-writes')?.writes;
    expect(writes?.requests).toBeGreaterThan(0);
    expect(report.cases.find((result) => result.name === 'anonymous-thread')?.pageBytes).toBeGreaterThan(1000);

    // GET cases on wrk when installed, compared with a ceiling measured by the same; POSTs on autocannon.
    const generatorOf = (name: string) => report.cases.find((result) => result.name === name)?.generator;
    const reads = wrkInstalled ? expect.stringMatching(/^wrk \d/) : 'autocannon';
    expect({ ceiling: generatorOf('ceiling'), anonymous: generatorOf('anonymous-thread'), signedIn: generatorOf('signed-in-thread'), category: generatorOf('category') }).toEqual({ ceiling: reads, anonymous: reads, signedIn: reads, category: reads });
    expect({ reply: generatorOf('reply'), readsDuringWrites: generatorOf('reads-during-writes') }).toEqual({ reply: 'autocannon', readsDuringWrites: 'autocannon' });
    expect(report.ceilingGenerator).toEqual(reads);
    expect(report.cases.find((result) => result.name === 'anonymous-thread')?.percentOfCeiling).toBeGreaterThan(0);
    // The second ceiling answers the anonymous case's own URLs with the app's bytes; only that case is compared with it.
    expect(generatorOf('ceiling-same-responses')).toEqual(reads);
    expect(report.cases.find((result) => result.name === 'ceiling-same-responses')?.pageBytes).toBe(report.cases.find((result) => result.name === 'anonymous-thread')?.pageBytes);
    expect(report.cases.find((result) => result.name === 'anonymous-thread')?.percentOfSameResponses).toBeGreaterThan(0);
    expect(report.cases.find((result) => result.name === 'category')?.percentOfSameResponses).toBeNull();
    expect(report.cases.find((result) => result.name === 'reply')?.percentOfCeiling).toBe(wrkInstalled ? null : expect.any(Number));
  });

  it('falls back to autocannon for every case with --generator autocannon', { timeout: 180_000 }, async () => {
    const report = await bench(join(folder, 'autocannon.json'), ['--generator', 'autocannon', '--cases', 'ceiling,anonymous-thread']);
    expect(report.cases.map((result) => [result.name, result.status, result.generator, result.errors])).toEqual([
      ['ceiling', 'ok', 'autocannon', 0],
      ['anonymous-thread', 'ok', 'autocannon', 0],
    ]);
    expect(report.ceilingGenerator).toBe('autocannon');
    expect(report.cases[1]!.percentOfCeiling).toBeGreaterThan(0);
  });
});
