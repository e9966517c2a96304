import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { JobResult, JobSpec } from './load.js';

/*
 * wrk (C, Debian's `wrk`) as the load generator for GET jobs. autocannon runs on Node and saturates
 * its own core near 11k requests a second on this machine, below what Node can serve; wrk drives the
 * same connections from one thread (-t1) with room to spare. A Lua script cycles through the job's
 * paths, sets its headers, spaces requests when the job is rate-capped, and prints wrk's own
 * statistics (latency in microseconds, errors by kind) as one JSON line at the end.
 */

/** "wrk 4.1.0" when wrk is installed, else null. `wrk -v` prints "wrk debian/4.1.0-3+b2 [epoll] …". */
export function wrkVersion(): string | null {
  const result = spawnSync('wrk', ['-v'], { encoding: 'utf8' });
  if (result.error) return null;
  const match = `${result.stdout}${result.stderr}`.match(/^wrk\s+(?:\S*\/)?(\d+(?:\.\d+)*)/m);
  return match ? `wrk ${match[1]}` : 'wrk';
}

/** A Lua string literal: printable ASCII as is, every other byte (and quote, backslash) as \ddd. */
function luaString(text: string): string {
  const bytes = [...Buffer.from(text, 'utf8')];
  return `"${bytes.map((byte) => (byte === 34 || byte === 92 || byte < 32 || byte > 126 ? `\\${String(byte).padStart(3, '0')}` : String.fromCharCode(byte))).join('')}"`;
}

const RESULT_MARK = 'HEARTH-WRK-RESULT ';

/** The Lua script for one job; `seed` picks where in the list of paths the cycle starts. */
export function wrkScript(job: JobSpec): string {
  const headers = Object.entries(job.headers).map(([name, value]) => `wrk.headers[${luaString(name)}] = ${luaString(value)}`);
  // With a rate cap, each connection waits connections/rate seconds before each request: at most `rate` a second in all.
  const delay = job.rate ? `delay = function() return ${((job.connections / job.rate) * 1000).toFixed(3)} end` : '';
  return `${headers.join('\n')}
local paths = { ${job.paths.map(luaString).join(', ')} }
local index = ${job.seed % job.paths.length}
request = function()
  index = index % #paths + 1
  return wrk.format(${luaString(job.method)}, paths[index])
end
${delay}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('${RESULT_MARK}{"requests":%.0f,"durationUs":%.0f,"bytes":%.0f,"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f,"p50":%.0f,"p90":%.0f,"p99":%.0f,"max":%.0f,"mean":%.3f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
`;
}

type WrkSummary = {
  requests: number;
  durationUs: number;
  bytes: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
};

/** Reads the script's result line from wrk's output. */
export function parseWrkOutput(job: JobSpec, output: string): JobResult {
  const line = output.split('\n').find((text) => text.startsWith(RESULT_MARK));
  if (!line) throw new Error(`wrk printed no result:\n${output.slice(-2000)}`);
  const summary = JSON.parse(line.slice(RESULT_MARK.length)) as WrkSummary;
  const seconds = summary.durationUs / 1e6;
  const socketErrors = { connect: summary.connect, read: summary.read, write: summary.write, timeout: summary.timeout };
  // wrk counts only statuses above 399 as errors; the probe before the run checks the exact status.
  const failedStatus = summary.status;
  return {
    name: job.name,
    requests: summary.requests,
    seconds,
    requestsPerSecond: seconds > 0 ? summary.requests / seconds : 0,
    latencyMs: { p50: summary.p50 / 1000, p90: summary.p90 / 1000, p99: summary.p99 / 1000, max: summary.max / 1000, mean: summary.mean / 1000 },
    errors: summary.connect + summary.read + summary.write + summary.timeout + failedStatus,
    timeouts: summary.timeout,
    statuses: { [`${job.expectStatus} or other below 400`]: summary.requests - failedStatus, ...(failedStatus ? { '400 or above': failedStatus } : {}) },
    errorMessages: Object.fromEntries(Object.entries(socketErrors).filter(([, count]) => count > 0).map(([kind, count]) => [`socket ${kind} errors`, count])),
    wireBytesPerResponse: summary.requests ? summary.bytes / summary.requests : 0,
    // wrk keeps no per-second counts (counting in Lua's response() would slow it down).
    perSecond: [],
  };
}

/** Runs wrk for one job (in this process's CPU affinity: the load core) and returns its figures. */
export function runWrk(job: JobSpec, seconds: number, scriptFile: string): Promise<JobResult> {
  writeFileSync(scriptFile, wrkScript(job));
  // wrk takes whole seconds only.
  const duration = `${Math.max(1, Math.round(seconds))}s`;
  const args = ['-t1', `-c${job.connections}`, `-d${duration}`, '--timeout', '10s', '--latency', '-s', scriptFile, job.origin];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    // 'close' comes after the process is reaped, so its CPU time is in this process's children's time.
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}: ${output.slice(-2000)}`));
      try {
        resolve(parseWrkOutput(job, output));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
