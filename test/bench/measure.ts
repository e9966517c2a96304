import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../../src/lib/paths.js';
import { CASE_LABELS, emptyResult, isCeiling, planCase, type CaseName, type CaseResult, type CaseSettings, type CpuPercent } from './cases.js';
import type { JobResult, LoadSpec } from './load.js';
import { freePort, LOAD_CORE, pinMarkdownThreads, pinned, readCpuSeconds, readMarkdownCpuSeconds, readMachineCpu, readRss, startCeiling, type ServerProcess } from './processes.js';
import type { Window } from './profile-summary.js';
import { captureResponses, startSameResponsesCeiling } from './same-responses.js';
import type { Targets } from './targets.js';

// Measuring one case: probe its URLs, run the load generator in its own process, and sample the
// server (RSS, CPU) and the machine while the measured part runs.

const LOAD_SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), 'load.ts');

/** Runs the load generator for one case and samples the server while it measures. */
function runLoad(spec: LoadSpec, specFile: string, server: ServerProcess) {
  writeFileSync(specFile, JSON.stringify(spec));
  const command = pinned(LOAD_CORE, process.execPath, ['--import', 'tsx', LOAD_SCRIPT, specFile]);
  const child = spawn(command.command, command.args, { cwd: projectPath('.'), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let sampler: NodeJS.Timeout | undefined;
  const window = { startUs: 0, endUs: 0 };
  const microseconds = () => Number(process.hrtime.bigint() / 1000n);
  let cpuStart = { server: 0, load: 0, markdown: 0, machine: 0, at: 0 };
  let measuredFrom = 0;
  const cpuNow = () => ({ server: readCpuSeconds(server.pid), load: readCpuSeconds(child.pid ?? 0, { children: true }), markdown: readMarkdownCpuSeconds(server.pid), machine: readMachineCpu().busy, at: performance.now() });
  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, readRss(server.pid)));
  child.stdout.on('data', (chunk: Buffer) => {
    if (sampler || !chunk.toString().includes('measuring')) return;
    cpuStart = cpuNow();
    measuredFrom = performance.now();
    window.startUs = microseconds();
    sampler = setInterval(sample, 250);
  });
  const longest = Math.max(...spec.jobs.map((job) => job.seconds)) + spec.warmupSeconds;
  const killer = setTimeout(() => child.kill('SIGKILL'), (longest + 60) * 1000);
  // The load generator's CPU is read just before it exits ("done"), while /proc still has it.
  let cpuEnd: ReturnType<typeof cpuNow> | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    if (measuredFrom && !cpuEnd && chunk.toString().includes('done')) cpuEnd = cpuNow();
  });
  return new Promise<{ jobs: JobResult[]; rss: { peak: number; end: number }; cpuPercent: CpuPercent; window: Window }>((resolvePromise, reject) => {
    child.once('exit', (code) => {
      window.endUs = microseconds();
      clearTimeout(killer);
      clearInterval(sampler);
      const end = cpuEnd ?? { ...cpuNow(), load: cpuStart.load };
      const seconds = (end.at - cpuStart.at) / 1000;
      const percent = (from: number, to: number) => (measuredFrom ? Math.max(0, ((to - from) / seconds) * 100) : 0);
      const serverCpu = percent(cpuStart.server, end.server);
      const loadCpu = percent(cpuStart.load, end.load);
      const cpuPercent = { server: serverCpu, load: loadCpu, other: Math.max(0, percent(cpuStart.machine, end.machine) - serverCpu - loadCpu), markdown: percent(cpuStart.markdown, end.markdown) };
      const rss = readRss(server.pid);
      if (code !== 0 || !existsSync(spec.resultFile)) return reject(new Error(`The load generator failed (exit ${code}): ${stderr.trim().slice(-2000)}`));
      resolvePromise({ jobs: JSON.parse(readFileSync(spec.resultFile, 'utf8')) as JobResult[], rss: { peak: Math.max(peakRss, rss), end: rss }, cpuPercent, window });
    });
  });
}

/**
 * Requests a few of each job's URLs the way the load will and checks the status (a POST also starts
 * the server's markdown worker, so its start-up is not measured). Returns the first job's average body size.
 */
async function probe(plan: ReturnType<typeof planCase>): Promise<{ ok: true; bytes: number } | { ok: false; note: string }> {
  let firstJobBytes = 0;
  for (const [index, job] of plan.jobs.entries()) {
    const paths = job.method === 'POST' ? job.paths.slice(0, 1) : job.paths.slice(0, 10);
    let bytes = 0;
    for (const path of paths) {
      const init: RequestInit = { method: job.method, headers: job.headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) };
      if (job.method === 'POST') init.body = `body=${encodeURIComponent('A reply from the benchmark probe, checking that replies work.')}`;
      const response = await fetch(`${job.origin}${path}`, init);
      const body = await response.text();
      if (response.status !== job.expectStatus) {
        return { ok: false, note: `${job.method} ${path} answered ${response.status}, expected ${job.expectStatus}: ${body.replace(/\s+/g, ' ').slice(0, 200)}` };
      }
      bytes += Buffer.byteLength(body);
    }
    if (index === 0) firstJobBytes = Math.round(bytes / paths.length);
  }
  return { ok: true, bytes: firstJobBytes };
}

/**
 * Requests every URL of a case's reading jobs once, four at a time, before the warm-up: the cases
 * measure pages served at steady state, and at 1M posts the 2,000 sampled threads' first views
 * (each rendered and kept, ~1.6 ms) would otherwise spill from the warm-up into the measured
 * seconds. What they cost is reported on its own.
 */
async function firstViews(plan: ReturnType<typeof planCase>): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  let pages = 0;
  for (const job of plan.jobs) {
    if (job.method !== 'GET') continue;
    const queue = [...new Set(job.paths)];
    pages += queue.length;
    const fetchNext = async (): Promise<void> => {
      const path = queue.shift();
      if (path === undefined) return;
      await (await fetch(`${job.origin}${path}`, { headers: job.headers, signal: AbortSignal.timeout(30_000) })).arrayBuffer();
      return fetchNext();
    };
    await Promise.all(Array.from({ length: 4 }, fetchNext));
  }
  return { pages, seconds: (performance.now() - started) / 1000 };
}

/** The thread page the ceiling serves: the median-sized of the first few sampled thread pages. */
export async function ceilingPage(origin: string, targets: Targets, file: string): Promise<number> {
  const pages = await Promise.all(targets.threadPaths.slice(0, 15).map(async (path) => Buffer.from(await (await fetch(`${origin}${path}`)).arrayBuffer())));
  pages.sort((a, b) => a.length - b.length);
  const page = pages[Math.floor(pages.length / 2)]!;
  writeFileSync(file, page);
  return page.length;
}

export type MeasureContext = {
  app: ServerProcess;
  work: string;
  targets: Targets;
  settings: CaseSettings;
  warmupSeconds: number;
  search: boolean;
  /** Where the server's markdown worker runs: the load generator's core (default) or the server's own. */
  markdownCore: 'load' | 'server';
  /** wrk's name and version ("wrk 4.1.0") when it drives GET cases; null: autocannon drives every case. */
  wrk: string | null;
};

/**
 * The same-responses ceiling: the anonymous case's URLs are viewed once (rendered and cached), then
 * each is captured as the app answers it from its cache, and a raw server started with those answers.
 */
async function sameResponsesCeiling(context: MeasureContext): Promise<ServerProcess> {
  const anonymous = planCase('anonymous-thread', context.app.origin, '', context.targets, context.settings);
  await firstViews(anonymous);
  const responsesFile = join(context.work, 'responses.bin');
  await captureResponses(context.app.origin, anonymous.jobs[0]!.paths, responsesFile);
  return startSameResponsesCeiling({ responsesFile, port: await freePort(), logFile: join(context.work, 'ceiling-same-responses.log') });
}

/** The value at rank ⌈p/100 × n⌉ of the sorted values (nearest rank). */
function nearestRank(sorted: readonly number[], percent: number): number {
  return sorted[Math.max(1, Math.ceil((percent / 100) * sorted.length)) - 1] ?? 0;
}

/** A case requested one at a time on one connection (keep-alive), timed by the runner. */
async function measureSequentially(name: CaseName, plan: ReturnType<typeof planCase>, count: number, server: ServerProcess): Promise<CaseResult> {
  const job = plan.jobs[0]!;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  const cpuStart = { server: readCpuSeconds(server.pid), own: process.cpuUsage(), machine: readMachineCpu().busy, at: performance.now() };
  for (let index = 0; index < count; index += 1) {
    const path = job.paths[index % job.paths.length]!;
    const started = performance.now();
    const response = await fetch(`${job.origin}${path}`, { headers: job.headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    const body = await response.arrayBuffer();
    latencies.push(performance.now() - started);
    statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
    if (response.status !== job.expectStatus) errors += 1;
    bytes += body.byteLength;
  }
  const seconds = (performance.now() - cpuStart.at) / 1000;
  const percent = (cpuSeconds: number) => Math.max(0, (cpuSeconds / seconds) * 100);
  const serverCpu = percent(readCpuSeconds(server.pid) - cpuStart.server);
  const ownUsage = process.cpuUsage(cpuStart.own);
  const loadCpu = percent((ownUsage.user + ownUsage.system) / 1e6);
  // Other processes' share tells a disturbed run (and lets --retries measure again).
  const cpuPercent = { server: serverCpu, load: loadCpu, other: Math.max(0, percent(readMachineCpu().busy - cpuStart.machine) - serverCpu - loadCpu), markdown: 0 };
  const sorted = [...latencies].sort((a, b) => a - b);
  const rss = readRss(server.pid);
  return {
    ...emptyResult(name, 'n/a', ''),
    status: 'ok',
    generator: 'fetch, one at a time',
    requestsPerSecond: count / seconds,
    latencyMs: { p50: nearestRank(sorted, 50), p90: nearestRank(sorted, 90), p99: nearestRank(sorted, 99), max: sorted.at(-1) ?? 0 },
    latencyP95Ms: nearestRank(sorted, 95),
    requests: count,
    errors,
    statuses,
    seconds,
    serverRssBytes: { peak: rss, end: rss },
    cpuPercent,
    pageBytes: Math.round(bytes / count),
  };
}

/** One case: its servers, a probe, the load, and the figures. */
export async function measureCase(name: CaseName, context: MeasureContext): Promise<CaseResult> {
  const { app, work, targets, settings } = context;
  let ceiling: ServerProcess | undefined;
  try {
    if (name === 'ceiling') ceiling = await startCeiling({ pageFile: join(work, 'page.html'), port: await freePort(), logFile: join(work, 'ceiling.log') });
    if (name === 'ceiling-same-responses') ceiling = await sameResponsesCeiling(context);
    const plan = planCase(name, app.origin, ceiling?.origin ?? '', targets, settings);
    if (plan.needsSearch && !context.search) return emptyResult(name, 'n/a', 'no search route yet');
    const probed = await probe(plan);
    if (!probed.ok) return emptyResult(name, 'failed', probed.note);
    if (plan.sequentialRequests !== undefined) {
      const { note: _note, ...result } = await measureSequentially(name, plan, plan.sequentialRequests, app);
      return result;
    }
    const primed = isCeiling(name) ? undefined : await firstViews(plan);
    // After the probe, which starts the worker (and again every case: a replaced worker starts on the server's core).
    if (context.markdownCore === 'load') pinMarkdownThreads(app.pid, LOAD_CORE);
    // wrk sends no bodies here: cases with a POST (replies) stay on autocannon.
    const generator = context.wrk !== null && plan.jobs.every((job) => job.method === 'GET') ? 'wrk' : 'autocannon';
    const spec: LoadSpec = { jobs: plan.jobs, warmupSeconds: context.warmupSeconds, resultFile: join(work, `${name}.result.json`), generator };
    const measured = await runLoad(spec, join(work, `${name}.spec.json`), ceiling ?? app);
    const [main, writes] = measured.jobs as [JobResult, JobResult | undefined];
    return {
      name,
      label: CASE_LABELS[name],
      status: 'ok',
      generator: generator === 'wrk' ? context.wrk! : 'autocannon',
      requestsPerSecond: main.requestsPerSecond,
      latencyMs: main.latencyMs,
      requests: main.requests,
      errors: main.errors + (writes?.errors ?? 0),
      statuses: main.statuses,
      errorMessages: main.errorMessages,
      minPerSecond: main.perSecond.length ? Math.min(...main.perSecond) : 0,
      perSecond: main.perSecond,
      seconds: main.seconds,
      serverRssBytes: measured.rss,
      cpuPercent: measured.cpuPercent,
      pageBytes: plan.jobs[0]!.method === 'GET' ? probed.bytes : 0,
      percentOfCeiling: null,
      percentOfSameResponses: null,
      window: measured.window,
      ...(writes ? { writes } : {}),
      ...(primed ? { firstViews: primed } : {}),
    };
  } finally {
    await ceiling?.stop();
  }
}
