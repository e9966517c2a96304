import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';

/*
 * The token buckets of the abuse limits, in the `rate_limit_buckets` table so that every server
 * process on the database counts against the same allowance (ADR 0037). A bucket holds `tokens`
 * as of `updated_at`; it refills continuously at `limit` tokens per `windowMs`, up to `limit`.
 *
 * Taking a token is one UPSERT whose refill is computed in SQL: SQLite runs each statement as its
 * own write transaction under the database's single write lock, so two processes taking the last
 * token at once cannot both succeed. A refused take changes nothing (its WHERE fails, RETURNING
 * gives no row).
 *
 * These writes commit with synchronous=NORMAL: in WAL mode they survive a crash of the process,
 * and only a power cut can lose the last few, which at worst gives someone a few actions back.
 * With the app's FULL each would wait for an fsync (~2 ms here) on the request thread.
 */

export type BucketRule = { limit: number; windowMs: number };

// Tokens available now: what was left plus the refill since, at most the limit. A clock that went
// back (another process's) refills nothing.
const AVAILABLE = 'min(@limit, tokens + max(@now - updated_at, 0) * 1.0 / @windowMs * @limit)';

// Every PRUNE_EVERY takes, the next PRUNE_EVERY keys (in key order, wrapping) are looked at and
// the full ones dropped: bounded work on the request path that keeps pace with new keys, since each
// take adds at most one.
const PRUNE_EVERY = 256;

type Store = {
  take: Statement;
  read: Statement;
  refund: Statement;
  pruneBatch: Statement;
  pruneEnd: Statement;
  commitWithoutWaiting: Statement | undefined;
  restore: Statement | undefined;
  takes: number;
  pruneAfter: string;
};

// Prepared statements and the pruning cursor, per database connection.
const stores = perDatabase((db): Store => {
  const client = db.$client;
  const level = Number(client.pragma('synchronous', { simple: true }));
  const waits = !client.memory && level >= 2;
  return {
    take: client.prepare(
      `insert into rate_limit_buckets (key, tokens, updated_at) values (@key, @limit - 1, @now)
       on conflict (key) do update set tokens = ${AVAILABLE} - 1, updated_at = max(updated_at, @now)
       where ${AVAILABLE} >= 1
       returning tokens`,
    ),
    read: client.prepare(`select ${AVAILABLE} as tokens from rate_limit_buckets where key = @key`),
    refund: client.prepare(`update rate_limit_buckets set tokens = min(@limit, ${AVAILABLE} + 1), updated_at = max(updated_at, @now) where key = @key`),
    pruneBatch: client.prepare(
      'delete from rate_limit_buckets where key in (select key from rate_limit_buckets where key > @after order by key limit @count) and updated_at < @before',
    ),
    pruneEnd: client.prepare('select max(key) from (select key from rate_limit_buckets where key > @after order by key limit @count)').pluck(),
    // SQLite applies this pragma when it is prepared as well as when it runs: `restore` is
    // prepared last, so preparing both leaves the connection as configured.
    commitWithoutWaiting: waits ? client.prepare('PRAGMA synchronous = NORMAL') : undefined,
    restore: waits ? client.prepare(`PRAGMA synchronous = ${level}`) : undefined,
    takes: 0,
    pruneAfter: '',
  };
});

/** Runs one write with synchronous=NORMAL, unless it is part of a larger transaction (whose commit decides). */
function withoutWaiting<T>(db: Db, store: Store, write: () => T): T {
  if (!store.commitWithoutWaiting || db.$client.inTransaction) return write();
  store.commitWithoutWaiting.run();
  try {
    return write();
  } finally {
    store.restore!.run();
  }
}

/** Tokens available now (the limit for a key never seen or long full). */
export function availableTokens(db: Db, key: string, rule: BucketRule, now: number): number {
  const row = stores(db).read.get({ key, limit: rule.limit, windowMs: rule.windowMs, now }) as { tokens: number } | undefined;
  return row ? row.tokens : rule.limit;
}

/** Takes one token if there is one; returns whether it did. `longestWindowMs`: after that long every bucket is full. */
export function takeToken(db: Db, key: string, rule: BucketRule, now: number, longestWindowMs: number): boolean {
  const store = stores(db);
  const taken = withoutWaiting(db, store, () => store.take.get({ key, limit: rule.limit, windowMs: rule.windowMs, now }) !== undefined);
  if (++store.takes % PRUNE_EVERY === 0) withoutWaiting(db, store, () => pruneSome(store, now - longestWindowMs));
  return taken;
}

/** Gives one token back (never above the limit); a key without a bucket is full already. */
export function refundToken(db: Db, key: string, rule: BucketRule, now: number): void {
  const store = stores(db);
  withoutWaiting(db, store, () => store.refund.run({ key, limit: rule.limit, windowMs: rule.windowMs, now }));
}

/** A bucket untouched since `before` is full whatever its rule, which is what no bucket means. */
function pruneSome(store: Store, before: number): void {
  const batch = { after: store.pruneAfter, count: PRUNE_EVERY };
  const end = store.pruneEnd.get(batch) as string | null;
  store.pruneBatch.run({ ...batch, before });
  store.pruneAfter = end ?? '';
}
