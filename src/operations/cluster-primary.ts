import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../lib/log.js';

// WORKERS=N: this process forks N server processes that share its port (node:cluster hands them
// connections in turn) and the database, and looks after them. It serves nothing itself.

/** A worker that dies sooner than this after its start counts as failing to start. */
const START_GRACE_MS = 10_000;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;
/** This many failed starts in a row, and the primary stops rather than retrying forever. */
export const MOST_FAILED_STARTS = 10;
/** Each worker has its own 10 s to finish its requests; this bounds the whole stop. */
const STOP_DEADLINE_MS = 15_000;

/**
 * How long to wait before replacing a worker, after `failedStarts` deaths at start in a row:
 * at once for a worker that had been running (0), then 1, 2, 4… seconds, at most 30, so a
 * worker that cannot start is not forked in a hot loop.
 */
export function restartDelay(failedStarts: number): number {
  return failedStarts === 0 ? 0 : Math.min(FIRST_RETRY_MS * 2 ** (failedStarts - 1), LONGEST_RETRY_MS);
}

export type ClusterOptions = { workers: number; log: Logger; listening: (workers: number) => void };

/**
 * Forks the workers, replaces one that dies, and on SIGTERM or SIGINT asks every worker to finish
 * its requests and exits when all have: 0 if every one stopped cleanly.
 */
export function runClusterPrimary(options: ClusterOptions): void {
  const { log } = options;
  const startedAt = new Map<Worker, number>();
  const state = { stopping: false, cleanStop: true, failedStarts: 0, listening: 0, pendingFork: undefined as NodeJS.Timeout | undefined };
  const fork = () => startedAt.set(cluster.fork(), Date.now());

  function stop(exitCode: number): void {
    if (state.stopping) return;
    state.stopping = true;
    if (exitCode !== 0) state.cleanStop = false;
    clearTimeout(state.pendingFork);
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    if (startedAt.size === 0) process.exit(state.cleanStop ? 0 : 1);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
  }

  function replace(worker: Worker, lived: number, description: string): void {
    state.failedStarts = lived < START_GRACE_MS ? state.failedStarts + 1 : 0;
    if (state.failedStarts >= MOST_FAILED_STARTS) {
      log.error(`Server processes failed to start ${state.failedStarts} times in a row; stopping.`);
      return stop(1);
    }
    const delay = restartDelay(state.failedStarts);
    log.warn(`Server process ${worker.process.pid} exited (${description}); starting another${delay ? ` in ${delay / 1000} s` : ''}.`);
    state.pendingFork = setTimeout(fork, delay);
  }

  cluster.on('listening', () => {
    state.listening += 1;
    if (state.listening === options.workers) options.listening(options.workers);
  });
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (!state.stopping) return replace(worker, lived, signal ?? `code ${code}`);
    // A worker still starting has no handler yet, and SIGTERM simply ends it: that is clean too.
    if (code !== 0 && signal !== 'SIGTERM') state.cleanStop = false;
    if (startedAt.size === 0) process.exit(state.cleanStop ? 0 : 1);
  });
  process.on('SIGTERM', () => {
    log.info(`SIGTERM: asking ${startedAt.size} server processes to finish their requests.`);
    stop(0);
  });
  process.on('SIGINT', () => stop(0));
  for (let index = 0; index < options.workers; index += 1) fork();
}
