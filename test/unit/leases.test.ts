import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
