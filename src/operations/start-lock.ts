import type { Db } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { withLease } from './leases.js';

// Two processes may start on one new database at the same moment (WORKERS, two containers on one
// volume, a restart that overlaps the old process). Migrating is safe by itself: it runs in one
// exclusive transaction (src/db/migrate.ts), which needs no table to exist first. Seeding is
// async (passwords are hashed and posts rendered in a worker) and takes seconds, longer than any
// SQLite lock should be held, so it runs under the "start" lease: the second process waits, then
// finds the database no longer empty and seeds nothing.

const START_LEASE_MS = 30_000;
const MIGRATE_DEADLINE_MS = 60_000;

/** Migrates, then runs `afterMigrating` (the demo seed) in one process at a time. */
export async function prepareDatabase<T>(db: Db, afterMigrating: () => Promise<T>): Promise<T> {
  await migrateWhenFree(db);
  return withLease(db, { name: 'start', durationMs: START_LEASE_MS }, afterMigrating);
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

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
