import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isBusy } from '../db/busy.js';
import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';

// A lease names a job and the one process that may run it until the lease expires. Several server
// processes share one database (WORKERS, or several `npm start` on one volume): each tries to take
// a job's lease before running it, and only the holder does. A holder that stops politely gives
// its leases back; one that crashes loses them when they expire, and another process takes over.

/** This process among all that share the database: host, pid, and a random part (pids are reused). */
export const processHolder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

const statements = perDatabase((db) => {
  const client = db.$client;
  return {
    // One statement, so two processes cannot both succeed: a row is taken when it is missing,
    // expired, or already ours (renewal); otherwise the update's WHERE leaves it and changes is 0.
    acquire: client.prepare<{ name: string; holder: string; now: number; expiresAt: number }>(
      `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
    ),
    release: client.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND holder = ?'),
    releaseAll: client.prepare<[string]>('DELETE FROM leases WHERE holder = ?'),
  };
});

export type LeaseOptions = { name: string; durationMs: number; holder?: string; now?: number };

/** Takes or renews the lease for `durationMs`; false while another process holds it. */
export function acquireLease(db: Db, options: LeaseOptions): boolean {
  const now = options.now ?? Date.now();
  const holder = options.holder ?? processHolder;
  return statements(db).acquire.run({ name: options.name, holder, now, expiresAt: now + options.durationMs }).changes === 1;
}

/** Gives the lease back at once (if it is ours), so another process need not wait for its expiry. */
export function releaseLease(db: Db, name: string, holder = processHolder): void {
  statements(db).release.run(name, holder);
}

/** Gives back every lease this process holds: the last step of a polite stop. */
export function releaseAllLeases(db: Db, holder = processHolder): void {
  statements(db).releaseAll.run(holder);
}

/**
 * Waits until the lease is ours (polling; the holder may be a process that is seeding the demo
 * for a minute), runs `work` while renewing it, then releases it. Throws after `deadlineMs`.
 */
export async function withLease<T>(db: Db, options: LeaseOptions & { pollMs?: number; deadlineMs?: number }, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + (options.deadlineMs ?? 10 * 60_000);
  while (!acquireUnlessBusy(db, options)) {
    if (Date.now() > deadline) throw new Error(`another process held the "${options.name}" lease for too long`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  // A renewal that finds the database busy is tried again at the next one: the lease lasts three.
  const renew = setInterval(() => acquireUnlessBusy(db, options), options.durationMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    releaseLease(db, options.name, options.holder);
  }
}

/**
 * acquireLease, where a database that stayed locked past busy_timeout counts as "not yet". The
 * holder may be writing for longer than that (a first start's seeding, on a slow disk) while
 * the others wait for it.
 */
export function acquireUnlessBusy(db: Db, options: LeaseOptions): boolean {
  try {
    return acquireLease(db, options);
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  }
}

/**
 * A periodic job that runs in one process at a time: each call renews the lease and runs the job
 * if this process holds it, else does nothing. The lease outlives a few periods, so the holder
 * keeps it from one call to the next and the job does not wander between processes.
 */
export function leasedJob<A extends unknown[], T>(db: Db, options: { name: string; durationMs: number; holder?: string }, job: (...args: A) => T): (...args: A) => T | undefined {
  // A database busy past busy_timeout skips this run, as another holder would: some jobs run
  // from bare timers, where a throw would stop the process.
  return (...args) => (acquireUnlessBusy(db, options) ? job(...args) : undefined);
}
