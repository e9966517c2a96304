import { open } from 'node:fs/promises';
import type Database from 'better-sqlite3';

/*
 * fdatasync of a database's WAL file on libuv's thread pool, for group commit (group-commit.ts): a
 * batch commits with synchronous=NORMAL, so SQLite only appends its frames to the WAL, and its
 * writes are acknowledged once a sync that started after the COMMIT has finished. fdatasync flushes
 * the whole file whichever descriptor asks, so frames SQLite wrote are flushed by ours.
 *
 * One sync runs at a time; batches that commit while it runs wait for the next one, which then
 * covers all of them: under load one fdatasync serves several batches, and the request thread
 * never waits for the disk.
 */

export type WalSync = {
  /** Resolves once everything committed before this call is on disk. */
  afterCommit(): Promise<void>;
};

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/** An I/O error shown like SQLite's own (503, "try again"): the write may be visible, but it was not acknowledged. */
function syncFailure(cause: unknown): Error {
  return Object.assign(new Error(`Could not flush the database journal to disk: ${cause instanceof Error ? cause.message : String(cause)}`), { code: 'SQLITE_IOERR', cause });
}

async function datasync(path: string): Promise<void> {
  let file;
  try {
    file = await open(path, 'r+');
  } catch (error) {
    // SQLite removes the WAL only after checkpointing it into the database and syncing that file.
    if ((error as { code?: string }).code === 'ENOENT') return;
    throw error;
  }
  try {
    await file.datasync();
  } finally {
    await file.close();
  }
}

export function walSync(path: string): WalSync {
  let running = false;
  let waiting: Waiter[] = [];
  const start = () => {
    running = true;
    const batch = waiting;
    waiting = [];
    datasync(path).then(
      () => batch.forEach((waiter) => waiter.resolve()),
      (error: unknown) => batch.forEach((waiter) => waiter.reject(syncFailure(error))),
    ).finally(() => {
      running = false;
      if (waiting.length > 0) start();
    });
  };
  return {
    afterCommit() {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (!running) start();
      });
    },
  };
}

/**
 * The WAL sync for this connection when its commits would otherwise wait for the disk (WAL mode,
 * synchronous FULL or EXTRA, a file on disk), with the pragmas that switch its commits to NORMAL
 * and back; undefined when commits do not wait anyway (NORMAL or OFF configured, a memory database).
 */
export function deferredSyncFor(client: Database.Database) {
  if (client.memory || String(client.pragma('journal_mode', { simple: true })) !== 'wal') return undefined;
  const level = Number(client.pragma('synchronous', { simple: true }));
  if (level < 2) return undefined;
  return {
    sync: walSync(`${client.name}-wal`),
    commitWithoutWaiting: client.prepare('PRAGMA synchronous = NORMAL'),
    restore: client.prepare(`PRAGMA synchronous = ${level}`),
  };
}
