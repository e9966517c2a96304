import type { Db } from '../db/client.js';

// Client addresses are kept no longer than IP_RETENTION_DAYS (30 by default): the address of each
// sign-in is removed (the sign-in itself stays in the member's history), and rate-limit buckets not
// touched since are dropped — a bucket that old is full again, which is what no bucket means, so
// dropping it changes no limit (src/lib/rate-limit-buckets.ts). Run daily under a lease.

const DAY = 24 * 60 * 60_000;

export function purgeOldAddresses(db: Db, input: { retentionDays: number; now: number }): { signIns: number; buckets: number } {
  const before = input.now - input.retentionDays * DAY;
  return db.$client.transaction(() => ({
    signIns: db.$client.prepare('update sign_in_events set address = null where address is not null and created_at < ?').run(before).changes,
    buckets: db.$client.prepare('delete from rate_limit_buckets where updated_at < ?').run(before).changes,
  }))();
}
