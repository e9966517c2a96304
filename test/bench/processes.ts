import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectPath } from '../../src/lib/paths.js';

/*
 * The processes of a benchmark run: the production build of the app, the raw node:http "ceiling"
 * server, and the load generator; each pinned to a core with taskset when it exists (server on 0,
 * load on 1), so they never compete for one; the server's markdown worker thread goes to the load
 * core unless told otherwise. Plus /proc readings of the server (RSS, CPU time).
 */

export const SERVER_CORE = 0;
export const LOAD_CORE = 1;
const hasTaskset = spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;

/** The command line, prefixed with `taskset -c CORE` when taskset exists. */
export function pinned(core: number, command: string, args: string[]): { command: string; args: string[]; pinned: boolean } {
  return hasTaskset ? { command: 'taskset', args: ['-c', String(core), command, ...args], pinned: true } : { command, args, pinned: false };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function newestMtime(folder: string, keep: (name: string) => boolean): number {
  let newest = 0;
  if (!existsSync(folder)) return newest;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Rebuilds dist/ with `tsc -p tsconfig.build.json` when any source is newer than the last build.
 * tsc writes its output even when types fail; that counts as a failed build unless allowed.
 */
export function ensureBuild(options: { appRoot: string; allowTypeErrors: boolean; log: (line: string) => void }): void {
  const at = (path: string) => join(options.appRoot, path);
  const buildInfo = at('dist/.tsbuildinfo');
  const server = at('dist/src/server.js');
  const sources = Math.max(
    newestMtime(at('src'), (name) => name.endsWith('.ts')),
    newestMtime(at('views'), (name) => name.endsWith('.ts')),
    statSync(at('tsconfig.build.json')).mtimeMs,
    statSync(at('tsconfig.json')).mtimeMs,
  );
  if (existsSync(server) && existsSync(buildInfo) && statSync(buildInfo).mtimeMs >= sources) return;
  options.log(`Building the production bundle (tsc -p tsconfig.build.json in ${options.appRoot})…`);
  const tsc = projectPath('node_modules/typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: options.appRoot, encoding: 'utf8' });
  if (built.status !== 0) {
    const output = `${built.stdout}${built.stderr}`.trim().split('\n').slice(0, 20).join('\n');
    if (!options.allowTypeErrors || !existsSync(server)) {
      throw new Error(`The build failed, so there is nothing sound to benchmark:\n${output}\n(--allow-type-errors benchmarks tsc's output anyway.)`);
    }
    options.log(`The build has type errors; benchmarking tsc's output anyway (--allow-type-errors):\n${output}`);
  }
}

export type ServerProcess = { child: ChildProcess; pid: number; origin: string; logFile: string; stop(): Promise<void>; startupMs?: number };

export async function waitForHttp(url: string, child: ChildProcess, logFile: string, timeoutMs: number, pollMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before answering. Its log:\n${tail(logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000} s. Its log:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function launch(core: number, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd: string): ChildProcess {
  const log = openSync(logFile, 'a');
  const command = pinned(core, process.execPath, args);
  const child = spawn(command.command, command.args, { cwd, env, stdio: ['ignore', log, log] });
  closeSync(log);
  return child;
}

export function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/**
 * The node flags `npm start` gives the server (the app's package.json), so the benchmark runs the
 * app as it is deployed; an older build measured with --app gets its own start command's.
 */
export function startFlags(appRoot: string): string[] {
  const start = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { scripts?: { start?: string } }).scripts?.start ?? '';
  const match = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/server\.js/.exec(start);
  return match ? match[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

/** The production build (dist/src/server.js of `appRoot`) on a dataset, as an operator would start it for a load test. */
export async function startApp(options: {
  appRoot: string;
  databasePath: string;
  port: number;
  logFile: string;
  nodeArgs?: string[];
  /** Extra environment for experiments, e.g. SQLITE_SYNCHRONOUS=NORMAL. */
  extraEnv?: Record<string, string>;
}): Promise<ServerProcess & { startFlags: string[] }> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    NODE_ENV: 'production',
    DATABASE_PATH: options.databasePath,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    BASE_URL: origin,
    DEMO_SEED: '0',
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'warn',
    ...options.extraEnv,
  };
  const started = performance.now();
  const flags = startFlags(options.appRoot);
  const child = launch(SERVER_CORE, [...flags, ...(options.nodeArgs ?? []), 'dist/src/server.js'], env, options.logFile, options.appRoot);
  // Polled finely: the time to the first healthy answer is the start-up figure (target ≤ 2 s).
  await waitForHttp(`${origin}/healthz`, child, options.logFile, 60_000, 10);
  const startupMs = performance.now() - started;
  return { child, pid: child.pid!, origin, logFile: options.logFile, stop: stopper(child), startupMs, startFlags: flags };
}

// The ceiling: plain node:http answering every request with the same bytes, nothing else.
const CEILING_SOURCE = `
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
const page = readFileSync(process.env.PAGE_FILE);
const server = createServer((request, response) => {
  if (request.url === '/healthz') return response.end('ok');
  response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'content-length': page.length });
  response.end(page);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
`;

export async function startCeiling(options: { pageFile: string; port: number; logFile: string }): Promise<ServerProcess> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env = { PATH: process.env['PATH'] ?? '', PAGE_FILE: options.pageFile, PORT: String(options.port) };
  const child = launch(SERVER_CORE, ['--input-type=module', '-e', CEILING_SOURCE], env, options.logFile, projectPath('.'));
  await waitForHttp(`${origin}/healthz`, child, options.logFile, 10_000);
  return { child, pid: child.pid!, origin, logFile: options.logFile, stop: stopper(child) };
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Resident memory of a process in bytes (VmRSS), or 0 when it cannot be read. */
export function readRss(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system, all threads) a process has used so far; with `children`, also that of
 * its children that have exited and been waited for (the load process's wrk runs).
 */
export function readCpuSeconds(pid: number, options: { children?: boolean } = {}): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const children = options.children ? Number(fields[13]) + Number(fields[14]) : 0;
    return (Number(fields[11]) + Number(fields[12]) + children) / clockTicks;
  } catch {
    return 0;
  }
}

export const tasksetAvailable = hasTaskset;

/** The name src/markdown/worker.ts gives its thread. */
const MARKDOWN_THREAD_NAME = 'hearth-markdown';

/** The thread ids of the server's markdown worker thread(s); none once the process has gone. */
function markdownThreads(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).filter((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim() === MARKDOWN_THREAD_NAME;
      } catch {
        return false; // The thread ended meanwhile.
      }
    });
  } catch {
    return [];
  }
}

/** CPU seconds the server's markdown worker thread(s) have used so far (user + system). */
export function readMarkdownCpuSeconds(pid: number): number {
  return markdownThreads(pid).reduce((seconds, task) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return seconds + (Number(fields[11]) + Number(fields[12])) / clockTicks;
    } catch {
      return seconds;
    }
  }, 0);
}

/**
 * Moves the server's markdown worker thread(s) to `core`. The server is started pinned to
 * SERVER_CORE and a new thread inherits that, so without this the sanitizer shares the request
 * thread's core (ADR 0015). Returns how many threads were moved (0 without taskset or /proc).
 */
export function pinMarkdownThreads(pid: number, core: number): number {
  if (!hasTaskset) return 0;
  return markdownThreads(pid).filter((task) => spawnSync('taskset', ['-p', '-c', String(core), task], { stdio: 'ignore' }).status === 0).length;
}

/** Busy and total CPU time of the whole machine so far, in seconds (from /proc/stat). */
export function readMachineCpu(): { busy: number; total: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy: busy / clockTicks, total: (busy + idle + iowait) / clockTicks };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** How busy the machine is (percent of one core, so 200 = both of two cores), measured over `seconds`. */
export async function machineBusyPercent(seconds: number): Promise<number> {
  const before = readMachineCpu();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = readMachineCpu();
  return ((after.busy - before.busy) / seconds) * 100;
}
