import type { Db } from '../db/client.js';
import { setSetting } from '../db/settings.js';

/** When the last backup completed (milliseconds since the epoch), shown on the admin home. */
export const LAST_BACKUP_KEY = 'last_backup_at';

// SQLite's backup API starts over whenever another connection writes between two of its steps.
// Copied 100 pages a step (better-sqlite3's default), a 1M-post database (2.5 GB) was overtaken by
// one write a second and never finished (docs/scaling.md). One step reads one snapshot instead: in
// WAL mode the server keeps writing meanwhile, and only its checkpoints wait for the copy.
const WHOLE_DATABASE = 0x7fffffff;

/**
 * Writes a consistent copy of the database to `to` while servers keep using it, then records when
 * it completed (after the copy, so the copy itself does not hold its own time).
 */
export async function backupDatabase(db: Db, to: string, now: () => number = Date.now): Promise<{ pages: number }> {
  const { totalPages } = await db.$client.backup(to, { progress: () => WHOLE_DATABASE });
  setSetting(db, LAST_BACKUP_KEY, String(now()));
  return { pages: totalPages };
}
