import type { Db } from '../db/client.js';
import { isBusy } from '../db/busy.js';
import { migrateDatabase } from '../db/migrate.js';
import { withLease } from './leases.js';

// Two processes may start on one new database at the same moment (WORKERS, two containers on one
// volume, a restart that overlaps the old process). Migrating is safe by itself: it runs in one
// exclusive transaction (src/db/migrate.ts), which needs no table to exist first. Seeding is
// async (passwords are hashed and posts rendered in a worker) and takes seconds, longer than any
// SQLite lock should be held, so it runs under the "start" lease: the second process waits, then
// finds the database no longer empty and seeds nothing.

/** Renewed every 5 s while seeding; a process killed meanwhile holds the others up this long. */
const START_LEASE_MS = 15_000;
const MIGRATE_DEADLINE_MS = 60_000;

/** Migrates, then runs `seed` (if any) in one process at a time. */
export async function prepareDatabase<T>(db: Db, seed: (() => Promise<T>) | null): Promise<T | null> {
  await migrateWhenFree(db);
  return seed ? withLease(db, { name: 'start', durationMs: START_LEASE_MS }, seed) : null;
}

/** Another process's migration or write may outlast busy_timeout: try again until a deadline. */
async function migrateWhenFree(db: Db): Promise<void> {
  const deadline = Date.now() + MIGRATE_DEADLINE_MS;
  for (;;) {
    try {
      migrateDatabase(db);
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
