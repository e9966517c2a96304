import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectPath } from '../../src/lib/paths.js';
import { parseArgs, runMain, UsageError } from './args.js';
import { CASE_LABELS, CASE_NAMES, emptyResult, isCeiling, type CaseName, type CaseResult, type CaseSettings } from './cases.js';
import { machineInfo } from './machine.js';
import { ceilingPage, measureCase, type MeasureContext } from './measure.js';
import { ensureBuild, freePort, machineBusyPercent, startApp, tail, tasksetAvailable } from './processes.js';
import { formatProfile, loadProfile, summarizeProfile } from './profile-summary.js';
import { checkTargets, formatTable, formatTargets, NOISY_PERCENT, type TargetCheck } from './report.js';
import { buildDataset, defaultDatasetPath, readDatasetInfo, schemaFingerprint, type DatasetInfo } from './seed.js';
import { loadTargets, type Targets } from './targets.js';
import { wrkVersion } from './wrk.js';

/*
 * `npm run bench -- [--posts N] [--seconds S] [--out FILE] [--cases a,b] [--profile] …`
 *
 * Builds (or reuses) a dataset, starts the production build on a copy of it, and measures each case
 * with a load generator in another process on another core. Prints a table and writes JSON.
 */

export type BenchOptions = {
  /** The Hearth checkout whose production build is measured (this one unless --app). */
  appRoot: string;
  /** Dataset size; when absent, whatever --db holds (or 10,000 for the default dataset). */
  posts?: number;
  db?: string;
  seconds: number;
  replySeconds: number;
  warmupSeconds: number;
  connections: number;
  writeRate: number;
  writeConnections: number;
  /** Caps every job's requests per second: a light run beside other work (the smoke test). */
  maxRate?: number;
  cases: CaseName[];
  out: string;
  seed: number;
  profile: boolean;
  allowTypeErrors: boolean;
  /** Extra server environment (--server-env K=V,K=V), for experiments. */
  serverEnv: Record<string, string>;
  /** Before the run and each case, wait up to this long for other processes to leave the machine quiet. */
  waitQuietSeconds: number;
  /** Measure a case again (at most this many times) when other processes disturbed it. */
  retries: number;
  /** `load`: the server's markdown worker thread runs on the load generator's core; `server`: on the server's. */
  markdownCore: 'load' | 'server';
  /** `auto`: wrk drives the GET cases when it is installed, autocannon otherwise (and always for POSTs). */
  generator: 'auto' | 'wrk' | 'autocannon';
  log: (line: string) => void;
};

export type BenchReport = {
  date: string;
  /** CPU other processes used just before the run (percent of one core); a busy machine lowers every figure. */
  backgroundCpuPercent: number;
  machine: ReturnType<typeof machineInfo>;
  dataset: (DatasetInfo | { path: string; note: string }) & { path: string };
  options: Omit<BenchOptions, 'log'>;
  longestThread: Targets['longestThread'];
  cases: CaseResult[];
  /** What measured the ceiling (and every case compared with it): "wrk 4.1.0" or "autocannon". */
  ceilingGenerator: string | null;
  /** From starting the server process to its first healthy /healthz answer, on the dataset copy. */
  startupMs: number | null;
  targets: TargetCheck[];
  /** With --profile: the server's .cpuprofile; each case carries the summary of its measured window. */
  profileFile?: string;
};


const DEFAULT_POSTS = 10_000;

/** The dataset to measure: reused when it matches the schema (and --posts, if given), else (re)built. */
async function ensureDataset(options: BenchOptions): Promise<{ path: string; info: DatasetInfo | undefined }> {
  const posts = options.posts ?? DEFAULT_POSTS;
  const path = resolve(options.db ?? defaultDatasetPath(posts));
  const info = readDatasetInfo(path);
  if (existsSync(path) && !info) {
    options.log(`Using ${path} as it is (it was not built by bench:seed).`);
    return { path, info: undefined };
  }
  const stale = info && info.fingerprint !== schemaFingerprint();
  const resized = info && options.posts !== undefined && info.posts !== options.posts;
  if (existsSync(path) && info && !stale && !resized) return { path, info };
  if (stale) options.log(`The dataset at ${path} was built for another schema or seed format; rebuilding it.`);
  if (resized) options.log(`The dataset at ${path} has ${info.posts} posts, not ${posts}; rebuilding it.`);
  return { path, info: await buildDataset({ posts, db: path, seed: options.seed, log: options.log }) };
}

/** Waits (bounded) until the rest of the machine is nearly idle; returns how busy it was at the end. */
async function waitForQuiet(options: BenchOptions): Promise<number> {
  const deadline = Date.now() + options.waitQuietSeconds * 1000;
  let busy = await machineBusyPercent(2);
  while (busy > QUIET_PERCENT && Date.now() < deadline) {
    options.log(`Other processes use ${busy.toFixed(0)}% CPU; waiting for a quieter machine…`);
    busy = await machineBusyPercent(5);
  }
  if (busy > QUIET_PERCENT) options.log(`Warning: other processes use ${busy.toFixed(0)}% CPU (of one core); every figure will be lower than on a quiet machine.`);
  return busy;
}
const QUIET_PERCENT = 15;

/**
 * Measures a case; on a shared machine, first waits (bounded) for quiet, and measures again (up to
 * --retries times) when other processes took much CPU meanwhile, keeping the least disturbed run.
 */
async function measureQuietly(name: CaseName, context: MeasureContext, options: BenchOptions): Promise<CaseResult> {
  let best: CaseResult | undefined;
  for (let attempt = 0; attempt <= options.retries; attempt += 1) {
    if (options.waitQuietSeconds > 0) await waitForQuiet(options);
    options.log(`  ${CASE_LABELS[name]}…${attempt > 0 ? ` (again: other processes used ${best!.cpuPercent.other.toFixed(0)}% CPU)` : ''}`);
    const result = await measureCase(name, context).catch((error: unknown) => emptyResult(name, 'failed', error instanceof Error ? error.message : String(error)));
    if (result.status !== 'ok') return result;
    if (!best || result.cpuPercent.other < best.cpuPercent.other) best = result;
    if (best.cpuPercent.other <= NOISY_PERCENT) break;
  }
  return best!;
}

export async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  const { log } = options;
  if (schemaFingerprint(options.appRoot) !== schemaFingerprint()) {
    log(`Warning: ${options.appRoot} has other migrations than this checkout, which builds the dataset; the server will migrate the copy it runs on.`);
  }
  const dataset = await ensureDataset(options);
  ensureBuild({ appRoot: options.appRoot, allowTypeErrors: options.allowTypeErrors, log });
  const backgroundCpuPercent = await waitForQuiet(options);
  const work = mkdtempSync(join(dirname(dataset.path), `.run-${basename(dataset.path, '.db')}-`));
  const copy = join(work, 'hearth.db');
  for (const suffix of ['', '-wal']) if (existsSync(dataset.path + suffix)) copyFileSync(dataset.path + suffix, copy + suffix);
  const profileDir = join(work, 'profile');
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let failed = false;
  try {
    const nodeArgs = options.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    app = await startApp({ appRoot: options.appRoot, databasePath: copy, port: await freePort(), logFile: join(work, 'server.log'), nodeArgs, extraEnv: options.serverEnv });
    const flags = app.startFlags;
    log(`Server pid ${app.pid} at ${app.origin}${flags.length > 0 ? ` (node ${flags.join(' ')}, as npm start)` : ''}, healthy ${Math.round(app.startupMs ?? 0)} ms after start${tasksetAvailable ? ` (server on core 0, load on core 1, markdown worker on core ${options.markdownCore === 'load' ? 1 : 0})` : ' (taskset not found: processes are not pinned)'}.`);
    const wrk = chooseWrk(options);
    const targets = loadTargets(copy, options.seed);
    const search = (await fetch(`${app.origin}/search?q=battery`)).status !== 404;
    await ceilingPage(app.origin, targets, join(work, 'page.html'));
    const settings: CaseSettings = {
      connections: options.connections,
      seconds: options.seconds,
      replySeconds: options.replySeconds,
      writeRate: options.writeRate,
      writeConnections: options.writeConnections,
      ...(options.maxRate !== undefined ? { maxRate: options.maxRate } : {}),
      seed: options.seed,
    };
    const cases: CaseResult[] = [];
    for (const name of CASE_NAMES.filter((name) => options.cases.includes(name))) {
      if (app.child.exitCode !== null) {
        cases.push(emptyResult(name, 'failed', 'the server had exited'));
        continue;
      }
      const result = await measureQuietly(name, { app, work, targets, settings, warmupSeconds: options.warmupSeconds, search, markdownCore: options.markdownCore, wrk }, options);
      if (result.status === 'failed') failed = true;
      cases.push(result);
    }
    await app.stop();
    const ceiling = cases.find((result) => result.name === 'ceiling' && result.status === 'ok');
    const sameResponses = cases.find((result) => result.name === 'ceiling-same-responses' && result.status === 'ok');
    // Only against the same generator: autocannon's figures say how fast autocannon goes, not the server.
    for (const result of cases) {
      if (result.status !== 'ok' || result.name === 'ceiling') continue;
      if (ceiling && result.generator === ceiling.generator) result.percentOfCeiling = (result.requestsPerSecond / ceiling.requestsPerSecond) * 100;
      // The second ceiling serves the anonymous case's responses, so only that case is compared with it.
      if (sameResponses && result.name === 'anonymous-thread' && result.generator === sameResponses.generator) {
        result.percentOfSameResponses = (result.requestsPerSecond / sameResponses.requestsPerSecond) * 100;
      }
    }
    const report: BenchReport = {
      date: new Date().toISOString(),
      backgroundCpuPercent,
      machine: machineInfo(options.appRoot),
      dataset: { ...(dataset.info ?? { note: 'not built by bench:seed' }), path: dataset.path },
      options: (({ log: _log, ...rest }) => rest)(options),
      longestThread: targets.longestThread,
      cases,
      ceilingGenerator: ceiling?.generator ?? null,
      startupMs: app.startupMs ?? null,
      // A rate-capped run measures whether cases work, not how fast they can go.
      targets: options.maxRate === undefined ? [...checkTargets(cases), startupTarget(app.startupMs ?? null)] : [],
    };
    if (options.profile) attachProfiles(report, profileDir, options);
    return report;
  } catch (error) {
    failed = true;
    if (app) log(`Server log (${app.logFile}):\n${tail(app.logFile)}`);
    throw error;
  } finally {
    await app?.stop();
    if (failed) log(`Logs kept in ${work} (the database copy removed).`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
    if (!failed) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Keeps the server's profiles next to the JSON and summarises each case's measured window: the
 * main thread, and the worker threads (the markdown renderer) added up. Node names each profile
 * CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile; thread 0 is the main thread.
 */
function attachProfiles(report: BenchReport, profileDir: string, options: BenchOptions): void {
  const files = existsSync(profileDir) ? readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile')).sort() : [];
  const threadOf = (name: string) => Number(name.split('.').at(-3));
  const main = files.find((name) => threadOf(name) === 0);
  if (!main) {
    options.log('No CPU profile was written (did the server stop cleanly?).');
    return;
  }
  const base = resolve(options.out.replace(/\.json$/, ''));
  mkdirSync(dirname(base), { recursive: true });
  copyFileSync(join(profileDir, main), `${base}.cpuprofile`);
  report.profileFile = `${base}.cpuprofile`;
  const workers = files.filter((name) => name !== main);
  workers.forEach((name, index) => copyFileSync(join(profileDir, name), `${base}.worker-${index + 1}.cpuprofile`));
  const mainProfile = loadProfile(join(profileDir, main));
  const workerProfiles = workers.map((name) => loadProfile(join(profileDir, name)));
  for (const result of report.cases) {
    if (result.status !== 'ok' || !result.window || isCeiling(result.name)) continue;
    result.profile = summarizeProfile(mainProfile, { top: 15, window: result.window });
    options.log(`\nServer CPU profile, ${result.label} (measured window only):\n${formatProfile(result.profile)}`);
    const worker = summarizeProfile(workerProfiles, { top: 10, window: result.window });
    if (worker.busyMs > 0.05 * result.profile.busyMs) {
      result.workerProfile = worker;
      options.log(`\nWorker threads (markdown rendering), ${result.label}:\n${formatProfile(worker)}`);
    }
  }
  options.log(`\nProfiles: ${base}.cpuprofile${workers.length ? ` and ${workers.length} worker profile(s)` : ''} (open in Chrome DevTools, or: tsx test/bench/profile-summary.ts FILE).`);
}

/** wrk's version when it is to drive the GET cases, else null (autocannon drives everything). */
function chooseWrk(options: BenchOptions): string | null {
  if (options.generator === 'autocannon') return null;
  const version = wrkVersion();
  if (version === null && options.generator === 'wrk') throw new UsageError('--generator wrk: wrk is not installed (Debian: apt-get install -y wrk).');
  if (version === null) options.log('wrk is not installed (Debian: apt-get install -y wrk): autocannon drives every case, and it saturates its own core near 11k requests a second.');
  return version;
}

function ceilingLine(report: BenchReport): string {
  if (report.ceilingGenerator === null) return 'Ceiling: not measured in this run, so no case is compared with it.';
  const others = report.cases.filter((result) => result.status === 'ok' && !isCeiling(result.name) && result.generator !== report.ceilingGenerator);
  const apart = others.length ? `; ${others.map((result) => result.label).join(', ')} ran on ${others[0]!.generator} and ${others.length === 1 ? 'is' : 'are'} not compared with it` : '';
  return `Ceiling: measured with ${report.ceilingGenerator} in this run, the same generator as every case compared with it${apart}.`;
}

function startupTarget(startupMs: number | null): TargetCheck {
  const text = 'start-up ≤ 2 s';
  if (startupMs === null) return { case: 'start-up', target: text, met: null, actual: 'not measured' };
  return { case: 'start-up', target: text, met: startupMs <= 2000, actual: `${Math.round(startupMs)} ms` };
}

function parseEnv(value: string | undefined): Record<string, string> {
  if (!value) return {};
  return Object.fromEntries(
    value.split(',').map((pair) => {
      const match = pair.match(/^([A-Z_][A-Z0-9_]*)=(.*)$/);
      if (!match) throw new UsageError(`--server-env takes NAME=value pairs separated by commas (got "${pair}").`);
      return [match[1]!, match[2]!];
    }),
  );
}

function parseMarkdownCore(value: string | undefined): 'load' | 'server' {
  if (value === undefined || value === 'load' || value === 'server') return value ?? 'load';
  throw new UsageError(`--markdown-core is "load" (the load generator's core, the default) or "server" (the server's own core), not "${value}".`);
}

function parseGenerator(value: string | undefined): BenchOptions['generator'] {
  if (value === undefined || value === 'auto' || value === 'wrk' || value === 'autocannon') return value ?? 'auto';
  throw new UsageError(`--generator is "auto" (wrk when installed, the default), "wrk" or "autocannon", not "${value}".`);
}

function parseCases(value: string | undefined): CaseName[] {
  if (!value) return [...CASE_NAMES];
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) if (!(CASE_NAMES as readonly string[]).includes(name)) throw new UsageError(`Unknown case "${name}". Cases: ${CASE_NAMES.join(', ')}`);
  return names as CaseName[];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    values: ['app', 'posts', 'db', 'seconds', 'reply-seconds', 'warmup', 'connections', 'write-rate', 'write-connections', 'cases', 'out', 'seed', 'server-env', 'wait-quiet', 'retries', 'max-rate', 'markdown-core', 'generator'],
    flags: ['profile', 'allow-type-errors'],
  });
  const posts = args.get('posts') === undefined ? undefined : Math.max(1, Math.round(args.number('posts', DEFAULT_POSTS)));
  const seconds = args.number('seconds', 10);
  const options: BenchOptions = {
    appRoot: resolve(args.get('app') ?? projectPath('.')),
    ...(posts !== undefined ? { posts } : {}),
    seconds,
    replySeconds: args.number('reply-seconds', Math.max(seconds, 30)),
    warmupSeconds: args.number('warmup', Math.min(2, Math.max(0.5, seconds / 5))),
    connections: Math.max(1, Math.round(args.number('connections', 32))),
    writeRate: args.number('write-rate', 100),
    writeConnections: Math.max(1, Math.round(args.number('write-connections', 16))),
    ...(args.get('max-rate') !== undefined ? { maxRate: Math.max(1, args.number('max-rate', 1)) } : {}),
    cases: parseCases(args.get('cases')),
    out: resolve(args.get('out') ?? join('.bench', `results-${posts ?? (args.get('db') ? basename(args.get('db')!, '.db') : DEFAULT_POSTS)}.json`)),
    seed: Math.round(args.number('seed', 1)),
    profile: args.flag('profile'),
    allowTypeErrors: args.flag('allow-type-errors'),
    serverEnv: parseEnv(args.get('server-env')),
    waitQuietSeconds: args.number('wait-quiet', 0),
    retries: Math.round(args.number('retries', 0)),
    markdownCore: parseMarkdownCore(args.get('markdown-core')),
    generator: parseGenerator(args.get('generator')),
    log: (line) => console.error(line),
    ...(args.get('db') ? { db: args.get('db')! } : {}),
  };
  const report = await runBenchmark(options);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  const dataset = 'posts' in report.dataset ? `${report.dataset.posts.toLocaleString('en')} posts, ${report.dataset.threads.toLocaleString('en')} threads` : report.dataset.path;
  console.log(`\nHearth benchmark — ${report.date.slice(0, 16).replace('T', ' ')} UTC — ${dataset}; ${options.connections} connections, ${options.seconds} s per case (replies ${options.replySeconds} s)`);
  const env = Object.entries(options.serverEnv).map(([name, value]) => `${name}=${value}`).join(' ');
  console.log(`${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}; markdown worker on the ${options.markdownCore} core; other processes ${report.backgroundCpuPercent.toFixed(0)}% CPU before the run${env ? `; server env ${env}` : ''}\n`);
  console.log(formatTable(report.cases));
  console.log(`\n${ceilingLine(report)}`);
  if (report.startupMs !== null) console.log(`\nStart-up (process start to first healthy /healthz): ${Math.round(report.startupMs).toLocaleString('en')} ms`);
  console.log(report.targets.length ? `\nTargets:\n${formatTargets(report.targets)}` : '\nTargets: not checked (--max-rate caps the load).');
  console.log(`\nJSON: ${options.out}`);
  if (report.cases.some((result) => result.status === 'failed' || result.errors > 0)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runMain(main);
