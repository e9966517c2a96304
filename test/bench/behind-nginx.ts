import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../src/lib/paths.js';
import { startNginx } from '../helpers/nginx.js';
import { parseArgs, runMain } from './args.js';
import type { JobResult, JobSpec } from './load.js';
import { ensureBuild, freePort, readCpuSeconds, SERVER_CORE, startApp, tasksetAvailable } from './processes.js';
import { loadTargets } from './targets.js';
import { runWrk, wrkVersion } from './wrk.js';

/*
 * `taskset -c 1 npx tsx test/bench/behind-nginx.ts [--posts 10000] [--seconds 10]`
 *
 * What a cache in front takes off the app, measured: the anonymous thread-page case driven by wrk
 * (a) straight at the app and (b) at nginx running deploy/nginx.conf in front of it, app and nginx
 * both pinned to the server core, wrk on this process's core. For (b) it counts the requests that
 * reached the app (its access log) and the CPU each process used. Works on a copy of the dataset.
 */

type Row = { target: string; result: JobResult; appRequests: number; appCpuSeconds: number; nginxCpuSeconds: number };

function accessLogLines(file: string): number {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith('{') && line.includes('"path":"/t/')).length;
}

/** nginx's master and worker processes, moved to the server core like the app. */
function pinNginx(masterPid: number): number[] {
  const workers = spawnSync('pgrep', ['-P', String(masterPid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number);
  const pids = [masterPid, ...workers];
  if (tasksetAvailable) for (const pid of pids) spawnSync('taskset', ['-pc', String(SERVER_CORE), String(pid)], { stdio: 'ignore' });
  return pids;
}

function cpuOf(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + readCpuSeconds(pid), 0);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { values: ['posts', 'seconds'], flags: [] });
  const posts = args.number('posts', 10000);
  const seconds = args.number('seconds', 10);
  if (!wrkVersion()) throw new Error('wrk is not installed (apt-get install -y wrk).');
  const folder = mkdtempSync(join(tmpdir(), 'hearth-behind-nginx-'));
  try {
    const databasePath = join(folder, 'bench.db');
    copyFileSync(projectPath(`.bench/hearth-${posts}.db`), databasePath);
    const targets = loadTargets(databasePath, 1);
    ensureBuild({ appRoot: projectPath('.'), allowTypeErrors: false, log: console.log });
    const appPort = await freePort();
    const logFile = join(folder, 'app.log');
    const app = await startApp({ appRoot: projectPath('.'), databasePath, port: appPort, logFile, extraEnv: { LOG_LEVEL: 'info', TRUST_PROXY: '1' } });
    const nginx = await startNginx({ folder: join(folder, 'nginx'), upstream: `127.0.0.1:${appPort}`, port: await freePort(), purge: false });
    const nginxPids = pinNginx(nginx.child.pid!);
    const job = (origin: string): JobSpec => ({ name: 'anonymous-thread', origin, connections: 32, seconds, paths: targets.threadPaths, method: 'GET', headers: {}, expectStatus: 200, seed: 1 });
    const rows: Row[] = [];
    try {
      for (const [target, origin] of [
        ['app', app.origin],
        ['nginx in front', nginx.base],
      ] as const) {
        // Warm-up: fills the app's page cache, and nginx's, with every page of the case.
        await runWrk(job(origin), 3, join(folder, 'warm.lua'));
        const logged = accessLogLines(logFile);
        const appCpu = readCpuSeconds(app.pid);
        const nginxCpu = cpuOf(nginxPids);
        const result = await runWrk(job(origin), seconds, join(folder, 'run.lua'));
        rows.push({ target, result, appRequests: accessLogLines(logFile) - logged, appCpuSeconds: readCpuSeconds(app.pid) - appCpu, nginxCpuSeconds: cpuOf(nginxPids) - nginxCpu });
      }
    } finally {
      await nginx.stop();
      await app.stop();
    }
    console.log(`\n${wrkVersion()}, ${posts} posts, ${targets.threadPaths.length} thread pages, 32 connections, ${seconds} s; app and nginx on core ${SERVER_CORE}\n`);
    console.log('| target | req/s | p50 ms | p99 ms | requests that reached the app | app CPU s | nginx CPU s |');
    console.log('|---|--:|--:|--:|--:|--:|--:|');
    for (const row of rows) {
      const { result } = row;
      console.log(`| ${row.target} | ${Math.round(result.requestsPerSecond).toLocaleString('en')} | ${result.latencyMs.p50.toFixed(2)} | ${result.latencyMs.p99.toFixed(2)} | ${row.appRequests.toLocaleString('en')} of ${result.requests.toLocaleString('en')} | ${row.appCpuSeconds.toFixed(2)} | ${row.nginxCpuSeconds.toFixed(2)} |`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

runMain(main);
