import { close, fdatasync, openSync } from 'node:fs';
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
 *
 * The descriptor stays open for the connection's life (SQLite keeps the WAL's inode while any
 * connection is open: checkpoints truncate it, never replace it) and is closed when the
 * connection object is collected. SQLite holds no POSIX locks on the WAL, so our descriptor cannot
 * release any of its locks.
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

const descriptors = new FinalizationRegistry<number>((fd) => close(fd, () => {}));

/** `owner`: the connection whose WAL it is; the descriptor is closed once it is collected. */
function walSync(owner: object, path: string): WalSync {
  const fd = openSync(path, 'r+');
  descriptors.register(owner, fd);
  let running = false;
  let waiting: Waiter[] = [];
  const start = () => {
    running = true;
    const batch = waiting;
    waiting = [];
    fdatasync(fd, (error) => {
      running = false;
      if (error) batch.forEach((waiter) => waiter.reject(syncFailure(error)));
      else batch.forEach((waiter) => waiter.resolve());
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
  let sync: WalSync;
  try {
    sync = walSync(client, `${client.name}-wal`);
  } catch {
    // No WAL file to hold (it is made when the database is first read): commits keep waiting themselves.
    return undefined;
  }
  return {
    sync,
    commitWithoutWaiting: client.prepare('PRAGMA synchronous = NORMAL'),
    restore: client.prepare(`PRAGMA synchronous = ${level}`),
  };
}
