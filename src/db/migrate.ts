import { readMigrationFiles } from 'drizzle-orm/migrator';
import { projectPath } from '../lib/paths.js';
import type { Db } from './client.js';

// drizzle's own migrator reads which migrations are applied before it opens its transaction, so
// two processes starting on one new file both apply migration 0000 and the second fails
// ("table already exists"). This runs the same steps, with drizzle's bookkeeping table, inside one
// exclusive transaction: the second process waits for the first (busy_timeout), then finds
// everything applied. It needs no table of its own, so it also covers the very first start.

const TABLE = '__drizzle_migrations';

export function migrateDatabase(db: Db): void {
  const migrations = readMigrationFiles({ migrationsFolder: projectPath('migrations') });
  const client = db.$client;
  const apply = client.transaction(() => {
    client.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
    const last = client.prepare(`SELECT created_at FROM "${TABLE}" ORDER BY created_at DESC LIMIT 1`).pluck().get() as number | string | undefined;
    const record = client.prepare(`INSERT INTO "${TABLE}" ("hash", "created_at") VALUES (?, ?)`);
    for (const migration of migrations) {
      if (last !== undefined && Number(last) >= migration.folderMillis) continue;
      for (const statement of migration.sql) client.exec(statement);
      record.run(migration.hash, migration.folderMillis);
    }
  });
  apply.exclusive();
}
