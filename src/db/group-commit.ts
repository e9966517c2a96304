import type { Db, Tx } from './client.js';
import { perDatabase } from './prepared.js';
import { deferredSyncFor } from './wal-sync.js';

/*
 * Group commit for the hot writes (new threads and replies). With synchronous=FULL every COMMIT
 * waits for the disk (~2 ms on this project's benchmark machine), which alone capped replies at a
 * few hundred a second, one transaction each. Writes submitted during one turn of the event loop
 * now run together in one IMMEDIATE transaction, each inside its own savepoint, and are answered
 * only after that transaction has committed: every acknowledged write is as durable as before, a
 * write that throws is rolled back alone (its savepoint) and gets its own error, and a failed
 * COMMIT (a full disk) fails every write of the batch, none of which was acknowledged.
 *
 * The wait for the disk is taken off the request thread too (wal-sync.ts): with synchronous=FULL
 * the COMMIT's fsync held the event loop ~2 ms per batch, a third of its time under a stream of
 * replies, while no page could be served. A batch commits with synchronous=NORMAL and its writes
 * are acknowledged after an fdatasync of the WAL on the thread pool, so an acknowledged write is as
 * durable as before. Other readers may see a batch's posts for those few milliseconds before they
 * are on disk; a power cut then can lose what they saw, never what was acknowledged.
 */


type Job = { write: (tx: Tx) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const queues = perDatabase((db) => {
  const client = db.$client;
  const savepoint = { open: client.prepare('SAVEPOINT group_write'), release: client.prepare('RELEASE group_write'), undo: client.prepare('ROLLBACK TO group_write') };
  return { db, savepoint, deferred: deferredSyncFor(client), jobs: [] as Job[], scheduled: false };
});

type Queue = ReturnType<typeof queues>;

/** One write in its savepoint. An error that ended the whole transaction (SQLite does that for a full disk) ends the batch. */
function runInSavepoint(queue: Queue, tx: Tx, job: Job): Outcome {
  const { savepoint } = queue;
  savepoint.open.run();
  try {
    const value = job.write(tx);
    savepoint.release.run();
    return { ok: true, value };
  } catch (error) {
    if (!queue.db.$client.inTransaction) throw error;
    savepoint.undo.run();
    savepoint.release.run();
    return { ok: false, error };
  }
}

function flush(queue: Queue): void {
  queue.scheduled = false;
  const jobs = queue.jobs;
  queue.jobs = [];
  const { deferred } = queue;
  let outcomes: Outcome[];
  deferred?.commitWithoutWaiting.run();
  try {
    outcomes = queue.db.transaction((tx) => jobs.map((job) => runInSavepoint(queue, tx, job)), { behavior: 'immediate' });
  } catch (error) {
    outcomes = jobs.map(() => ({ ok: false, error }));
  } finally {
    deferred?.restore.run();
  }
  const committed = outcomes.some((outcome) => outcome.ok);
  if (!deferred || !committed) return settle(jobs, outcomes);
  deferred.sync.afterCommit().then(
    () => settle(jobs, outcomes),
    (error: unknown) => settle(jobs, outcomes.map((outcome) => (outcome.ok ? { ok: false, error } : outcome))),
  );
}

function settle(jobs: Job[], outcomes: Outcome[]): void {
  jobs.forEach((job, index) => {
    const outcome = outcomes[index]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}

/** Runs `write` in a transaction shared with the other writes of this event-loop turn; resolves once committed. */
export function commitTogether<T>(db: Db, write: (tx: Tx) => T): Promise<T> {
  const queue = queues(db);
  return new Promise<T>((resolve, reject) => {
    queue.jobs.push({ write, resolve: resolve as (value: unknown) => void, reject });
    if (!queue.scheduled) {
      queue.scheduled = true;
      setImmediate(() => flush(queue));
    }
  });
}
