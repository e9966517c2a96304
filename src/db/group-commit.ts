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
 *
 * While a batch's flush runs, new writes wait and commit together once it is done. Committing them
 * at once could not acknowledge them any sooner (the flush under way started before their COMMIT,
 * so they need the next one either way), but a reply arriving every millisecond made batches of
 * one or two: each wrote its own copy of the pages every reply touches (the category row, the
 * search index's newest segment, the top of each index) to the WAL, and each added a segment to
 * the search index to be merged later. Larger batches write those once and flush less.
 */


type Job = { write: (tx: Tx) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const queues = perDatabase((db) => {
  const client = db.$client;
  const savepoint = { open: client.prepare('SAVEPOINT group_write'), release: client.prepare('RELEASE group_write'), undo: client.prepare('ROLLBACK TO group_write') };
  return { db, savepoint, deferred: deferredSyncFor(client), jobs: [] as Job[], scheduled: false, flushing: false };
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

/** Commits what is waiting on the next turn of the event loop, unless a batch's flush is still running. */
function schedule(queue: Queue): void {
  if (queue.scheduled || queue.flushing || queue.jobs.length === 0) return;
  queue.scheduled = true;
  setImmediate(() => commit(queue));
}

function commit(queue: Queue): void {
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
  if (!deferred || !committed) {
    settle(jobs, outcomes);
    return schedule(queue);
  }
  queue.flushing = true;
  const flushed = (final: Outcome[]) => {
    queue.flushing = false;
    settle(jobs, final);
    schedule(queue);
  };
  deferred.sync.afterCommit().then(
    () => flushed(outcomes),
    (error: unknown) => flushed(outcomes.map((outcome) => (outcome.ok ? { ok: false, error } : outcome))),
  );
}

function settle(jobs: Job[], outcomes: Outcome[]): void {
  jobs.forEach((job, index) => {
    const outcome = outcomes[index]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}

/** Runs `write` in a transaction shared with the other writes waiting to commit; resolves once committed and flushed. */
export function commitTogether<T>(db: Db, write: (tx: Tx) => T): Promise<T> {
  const queue = queues(db);
  return new Promise<T>((resolve, reject) => {
    queue.jobs.push({ write, resolve: resolve as (value: unknown) => void, reject });
    schedule(queue);
  });
}
