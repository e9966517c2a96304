import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, readPragmas, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { availableTokens, refundToken, takeToken } from '../../src/lib/rate-limit-buckets.js';

// The shared token buckets (src/lib/rate-limit-buckets.ts) on a database file, as the server opens it.

const HOUR = 60 * 60_000;
const rule = { limit: 3, windowMs: 60_000 };
const folder = mkdtempSync(join(tmpdir(), 'hearth-buckets-'));
let db: Db;
beforeAll(() => {
  db = openDatabase(join(folder, 'buckets.db'));
  migrateDatabase(db);
});
afterAll(() => {
  closeDatabase(db);
  rmSync(folder, { recursive: true, force: true });
});
const count = () => db.$client.prepare('select count(*) from rate_limit_buckets').pluck().get() as number;

describe('shared token buckets', () => {
  it('takes up to the limit, refuses without changing the bucket, and refills with time', () => {
    const now = 1_000_000;
    expect([1, 2, 3, 4].map(() => takeToken(db, 'a', rule, now, HOUR))).toEqual([true, true, true, false]);
    expect(availableTokens(db, 'a', rule, now)).toBe(0);
    expect(availableTokens(db, 'a', rule, now + 20_000)).toBeCloseTo(1);
    expect(takeToken(db, 'a', rule, now + 20_000, HOUR)).toBe(true);
    expect(takeToken(db, 'a', rule, now + 20_000, HOUR)).toBe(false);
  });

  it('gives a refunded token back, never above the limit, and ignores a key it never saw', () => {
    const now = 2_000_000;
    takeToken(db, 'b', rule, now, HOUR);
    refundToken(db, 'b', rule, now);
    refundToken(db, 'b', rule, now);
    expect(availableTokens(db, 'b', rule, now)).toBe(3);
    refundToken(db, 'never-seen', rule, now);
    expect(db.$client.prepare("select count(*) from rate_limit_buckets where key = 'never-seen'").pluck().get()).toBe(0);
  });

  it("leaves the connection's synchronous setting as it was", () => {
    takeToken(db, 'c', rule, 3_000_000, HOUR);
    expect(readPragmas(db).synchronous).toBe('FULL');
  });

  it('drops full buckets a bounded batch at a time, keeping the ones still counting', () => {
    const start = 10_000_000;
    for (let i = 0; i < 600; i++) takeToken(db, `old:${String(i).padStart(4, '0')}`, rule, start, HOUR);
    const before = count();
    // An hour later every old bucket is full; each 256th take looks at the next 256 keys.
    const later = start + HOUR + 1;
    const busy = { limit: 1_000_000, windowMs: 60_000 };
    for (let i = 0; i < 256; i++) takeToken(db, 'zz-busy', busy, later, HOUR);
    const afterOneBatch = count();
    expect(afterOneBatch).toBeLessThan(before);
    expect(before - afterOneBatch).toBeLessThanOrEqual(256);
    for (let i = 0; i < 256 * 4; i++) takeToken(db, 'zz-busy', busy, later, HOUR);
    expect(db.$client.prepare("select count(*) from rate_limit_buckets where key like 'old:%'").pluck().get()).toBe(0);
    expect(availableTokens(db, 'zz-busy', busy, later)).toBe(1_000_000 - 256 * 5);
  });
});
