import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBusy } from '../../src/db/busy.js';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { acquireLease, leasedJob, releaseAllLeases, releaseLease, withLease } from '../../src/operations/leases.js';

// Two connections to one file stand for two server processes.
let folder: string;
let first: Db;
let second: Db;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'hearth-leases-'));
  first = openDatabase(join(folder, 'test.db'));
  migrateDatabase(first);
  second = openDatabase(join(folder, 'test.db'));
  migrateDatabase(second);
});
afterAll(() => {
  closeDatabase(first);
  closeDatabase(second);
  rmSync(folder, { recursive: true, force: true });
});

const now = Date.UTC(2026, 0, 15, 12);

describe('leases', () => {
  it('are held by one process at a time, renewed by their holder, and taken over once expired', () => {
    const lease = { name: 'digests', durationMs: 60_000 };
    expect(acquireLease(first, { ...lease, holder: 'a', now })).toBe(true);
    expect(acquireLease(second, { ...lease, holder: 'b', now: now + 1_000 })).toBe(false);
    expect(acquireLease(first, { ...lease, holder: 'a', now: now + 50_000 })).toBe(true);
    // Renewed at +50 s, so still a's at +100 s; a crashed a loses it at +110 s.
    expect(acquireLease(second, { ...lease, holder: 'b', now: now + 100_000 })).toBe(false);
    expect(acquireLease(second, { ...lease, holder: 'b', now: now + 110_000 })).toBe(true);
    expect(acquireLease(first, { ...lease, holder: 'a', now: now + 111_000 })).toBe(false);
  });

  it('are free for another at once when their holder gives them back, and only their holder can', () => {
    const lease = { name: 'checkpoint', durationMs: 60_000 };
    expect(acquireLease(first, { ...lease, holder: 'a', now })).toBe(true);
    releaseLease(second, 'checkpoint', 'b');
    expect(acquireLease(second, { ...lease, holder: 'b', now })).toBe(false);
    releaseAllLeases(first, 'a');
    expect(acquireLease(second, { ...lease, holder: 'b', now })).toBe(true);
  });

  it('run a periodic job only in the holder', () => {
    const runs: string[] = [];
    const jobIn = (db: Db, holder: string) => leasedJob(db, { name: 'rebake', durationMs: 60_000, holder }, () => runs.push(holder));
    const inFirst = jobIn(first, 'first');
    const inSecond = jobIn(second, 'second');
    inFirst();
    inSecond();
    inFirst();
    expect(runs).toEqual(['first', 'first']);
  });

  it('make a second caller wait until the first has finished', async () => {
    const order: string[] = [];
    let finish = () => {};
    const held = withLease(first, { name: 'start', durationMs: 30_000, holder: 'a', pollMs: 5 }, async () => {
      order.push('a starts');
      await new Promise<void>((resolve) => (finish = resolve));
      order.push('a ends');
    });
    const waiting = withLease(second, { name: 'start', durationMs: 30_000, holder: 'b', pollMs: 5 }, async () => void order.push('b runs'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual(['a starts']);
    finish();
    await Promise.all([held, waiting]);
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('keep waiting while the holder keeps the database locked for longer than busy_timeout', async () => {
    // A process that gives up after 20 ms of a lock, while another writes for longer (a first
    // start's seeding on a slow disk): it waits for the lease, it does not fail.
    const impatient = openDatabase(join(folder, 'test.db'), { busyTimeoutMs: 20 });
    try {
      first.$client.exec('BEGIN IMMEDIATE');
      const ran = withLease(impatient, { name: 'seed', durationMs: 30_000, holder: 'c', pollMs: 5 }, async () => 'seeded');
      await new Promise((resolve) => setTimeout(resolve, 120));
      first.$client.exec('COMMIT');
      await expect(ran).resolves.toBe('seeded');
    } finally {
      if (first.$client.inTransaction) first.$client.exec('ROLLBACK');
      closeDatabase(impatient);
    }
  });
});

describe('a periodic job on a database locked past busy_timeout', () => {
  it('skips that run rather than throwing', () => {
    const impatient = openDatabase(join(folder, 'test.db'), { busyTimeoutMs: 20 });
    const runs: string[] = [];
    try {
      first.$client.exec('BEGIN IMMEDIATE');
      const job = leasedJob(impatient, { name: 'wal-checkpoint', durationMs: 60_000, holder: 'c' }, () => runs.push('ran'));
      expect(job()).toBeUndefined();
      first.$client.exec('COMMIT');
      expect(job()).toBe(1);
      expect(runs).toEqual(['ran']);
    } finally {
      if (first.$client.inTransaction) first.$client.exec('ROLLBACK');
      closeDatabase(impatient);
    }
  });
});

describe('isBusy', () => {
  it('takes every variant of a lock that outlasted busy_timeout, and nothing else', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']) {
      expect(isBusy(Object.assign(new Error('locked'), { code })), code).toBe(true);
    }
    for (const error of [Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }), new Error('no code'), null, 'SQLITE_BUSY']) {
      expect(isBusy(error)).toBe(false);
    }
  });
});
