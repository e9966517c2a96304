import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { projectPath } from '../lib/paths.js';
import type { Db } from './client.js';

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: projectPath('migrations') });
}
