import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../lib/log.js';

// WORKERS=N: this process forks N server processes that share its port (node:cluster hands them
// connections in turn) and the database, and looks after them. It serves nothing itself.

/** A worker that dies sooner than this after its start counts as failing to start. */
const START_GRACE_MS = 10_000;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;
/** This many failed starts in a row, and the primary stops rather than retrying forever. */
const MOST_FAILED_STARTS = 10;
/** Each worker has its own 10 s to finish its requests; this bounds the whole stop. */
const STOP_DEADLINE_MS = 15_000;

export type ClusterOptions = { workers: number; log: Logger; listening: (workers: number) => void };

/**
 * Forks the workers, replaces one that dies (waiting longer after each failed start, so a worker
 * that cannot start does not fork in a hot loop), and on SIGTERM or SIGINT asks every worker to
 * finish its requests and exits when all have: 0 if every one stopped cleanly.
 */
export function runClusterPrimary(options: ClusterOptions): void {
  const { log } = options;
  const startedAt = new Map<Worker, number>();
  let stopping = false;
  let failedStarts = 0;
  let cleanStop = true;
  let listening = 0;
  let pendingFork: NodeJS.Timeout | undefined;

  const fork = () => startedAt.set(cluster.fork(), Date.now());
  cluster.on('listening', () => {
    listening += 1;
    if (listening === options.workers) options.listening(options.workers);
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      // A worker still starting has no handler yet, and SIGTERM simply ends it: that is clean too.
      if (code !== 0 && signal !== 'SIGTERM') cleanStop = false;
      if (startedAt.size === 0) process.exit(cleanStop ? 0 : 1);
      return;
    }
    failedStarts = lived < START_GRACE_MS ? failedStarts + 1 : 0;
    if (failedStarts >= MOST_FAILED_STARTS) {
      log.error(`Server processes failed to start ${failedStarts} times in a row; stopping.`);
      stop(1);
      return;
    }
    const delay = failedStarts === 0 ? 0 : Math.min(FIRST_RETRY_MS * 2 ** (failedStarts - 1), LONGEST_RETRY_MS);
    log.warn(`Server process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another${delay ? ` in ${delay / 1000} s` : ''}.`);
    pendingFork = setTimeout(fork, delay);
  });

  function stop(exitCode: number): void {
    if (stopping) return;
    stopping = true;
    if (exitCode !== 0) cleanStop = false;
    clearTimeout(pendingFork);
    const force = setTimeout(() => process.exit(1), STOP_DEADLINE_MS);
    force.unref();
    if (startedAt.size === 0) process.exit(cleanStop ? 0 : 1);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
  }

  process.on('SIGTERM', () => {
    log.info(`SIGTERM: asking ${startedAt.size} server processes to finish their requests.`);
    stop(0);
  });
  process.on('SIGINT', () => stop(0));
  for (let index = 0; index < options.workers; index += 1) fork();
}
