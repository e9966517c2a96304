import { readFileSync, writeFileSync } from 'node:fs';
import autocannon, { type Instance, type Result } from 'autocannon';
import { createRandom } from './random.js';
import { runWrk } from './wrk.js';

/*
 * The load generator, run by the harness in its own process (pinned to its own core): it drives one
 * or more jobs at once, first for a warm-up that is thrown away, then for the measured run. GET-only
 * cases go through wrk when the spec says so (see wrk.ts; it runs as this process's child, on the
 * same core); everything else through autocannon. With autocannon, latency is recorded from every response with sub-millisecond precision (autocannon's
 * own histogram keeps whole milliseconds and only 2xx responses), and statuses are checked against
 * what each job expects, so a redirect after a reply counts as success and a 500 as an error.
 *
 * Usage: node --import tsx test/bench/load.ts SPEC.json   (writes the spec's resultFile)
 * Prints "measuring" when the measured run starts and "done" at the end.
 */

export type JobSpec = {
  name: string;
  /** Origin, e.g. http://127.0.0.1:4100 */
  origin: string;
  connections: number;
  seconds: number;
  paths: string[];
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** POST only: urlencoded form bodies (`body=` field text) to cycle through; each gets a counter. */
  bodies?: string[];
  /** Requests per second across all connections; unlimited when absent. */
  rate?: number;
  expectStatus: number;
  seed: number;
};

/** `wrk` only when every job is a GET (wrk.ts); `autocannon` otherwise. */
export type Generator = 'wrk' | 'autocannon';

export type LoadSpec = { jobs: JobSpec[]; warmupSeconds: number; resultFile: string; generator: Generator };

export type JobResult = {
  name: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Connection errors, timeouts, and responses whose status was not the expected one. */
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  /** Connection errors by message (ECONNRESET, timeouts, …), to tell what went wrong. */
  errorMessages: Record<string, number>;
  /** Average response size on the wire (headers included). */
  wireBytesPerResponse: number;
  /** Completed requests in each full second of the measured run. */
  perSecond: number[];
};

function requestFor(job: JobSpec) {
  const random = createRandom(job.seed);
  let counter = 0;
  return {
    method: job.method,
    setupRequest(request: { path?: string; body?: string | Buffer }) {
      request.path = job.paths[random.int(job.paths.length)]!;
      if (job.bodies) {
        counter += 1;
        const text = `${job.bodies[random.int(job.bodies.length)]!}\n\n(load test reply ${counter})`;
        request.body = `body=${encodeURIComponent(text)}`;
      }
      return request;
    },
  };
}

type Recorder = { latencies: Float64Array; count: number; statuses: Map<number, number>; errors: Map<string, number>; perSecond: number[]; started: number };

function record(recorder: Recorder, statusCode: number, milliseconds: number): void {
  if (recorder.count === recorder.latencies.length) {
    const grown = new Float64Array(recorder.latencies.length * 2);
    grown.set(recorder.latencies);
    recorder.latencies = grown;
  }
  recorder.latencies[recorder.count++] = milliseconds;
  recorder.statuses.set(statusCode, (recorder.statuses.get(statusCode) ?? 0) + 1);
  const second = Math.floor((performance.now() - recorder.started) / 1000);
  recorder.perSecond[second] = (recorder.perSecond[second] ?? 0) + 1;
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function run(job: JobSpec, seconds: number, recorder: Recorder | null): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance: Instance = autocannon(
      {
        url: job.origin,
        connections: job.connections,
        duration: seconds,
        timeout: 10,
        headers: job.headers,
        requests: [requestFor(job)],
        ...(job.rate ? { overallRate: job.rate } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (recorder) {
      instance.on('response', (_client, statusCode, _bytes, milliseconds) => record(recorder, statusCode, milliseconds));
      instance.on('reqError', (error) => recorder.errors.set(error.message, (recorder.errors.get(error.message) ?? 0) + 1));
    }
  });
}

function summarize(job: JobSpec, result: Result, recorder: Recorder, wallSeconds: number): JobResult {
  const sorted = recorder.latencies.slice(0, recorder.count).sort();
  let unexpected = 0;
  for (const [status, count] of recorder.statuses) if (status !== job.expectStatus) unexpected += count;
  const sum = sorted.reduce((total, value) => total + value, 0);
  const fullSeconds = Math.floor(wallSeconds);
  return {
    name: job.name,
    requests: recorder.count,
    seconds: wallSeconds,
    requestsPerSecond: recorder.count / wallSeconds,
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p90: percentile(sorted, 0.9),
      p99: percentile(sorted, 0.99),
      max: percentile(sorted, 1),
      mean: sorted.length ? sum / sorted.length : 0,
    },
    errors: result.errors + unexpected,
    timeouts: result.timeouts,
    statuses: Object.fromEntries([...recorder.statuses].map(([status, count]) => [String(status), count])),
    errorMessages: Object.fromEntries(recorder.errors),
    wireBytesPerResponse: recorder.count ? (result.throughput.total || 0) / recorder.count : 0,
    perSecond: Array.from({ length: fullSeconds }, (_, second) => recorder.perSecond[second] ?? 0),
  };
}

/** Warm-up and measured run with wrk, one wrk process per job, all at once. */
async function mainWithWrk(spec: LoadSpec): Promise<JobResult[]> {
  const script = (index: number) => `${spec.resultFile}.${index}.lua`;
  if (spec.warmupSeconds > 0) await Promise.all(spec.jobs.map((job, index) => runWrk({ ...job, seed: job.seed + 1 }, spec.warmupSeconds, script(index))));
  console.log('measuring');
  return Promise.all(spec.jobs.map((job, index) => runWrk(job, job.seconds, script(index))));
}

async function main(): Promise<void> {
  const specFile = process.argv[2];
  if (!specFile) throw new Error('usage: load.ts SPEC.json');
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as LoadSpec;
  const summaries = spec.generator === 'wrk' ? await mainWithWrk(spec) : await mainWithAutocannon(spec);
  writeFileSync(spec.resultFile, JSON.stringify(summaries));
  console.log('done');
  // Linger a moment so the harness can read this process's CPU time before it is gone.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function mainWithAutocannon(spec: LoadSpec): Promise<JobResult[]> {
  if (spec.warmupSeconds > 0) await Promise.all(spec.jobs.map((job) => run({ ...job, seed: job.seed + 1 }, spec.warmupSeconds, null)));
  console.log('measuring');
  const started = performance.now();
  const recorders = spec.jobs.map((): Recorder => ({ latencies: new Float64Array(1 << 16), count: 0, statuses: new Map(), errors: new Map(), perSecond: [], started }));
  const walls: number[] = [];
  const results = await Promise.all(
    spec.jobs.map(async (job, index) => {
      const result = await run(job, job.seconds, recorders[index]!);
      walls[index] = (performance.now() - started) / 1000;
      return result;
    }),
  );
  return spec.jobs.map((job, index) => summarize(job, results[index]!, recorders[index]!, walls[index]!));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
