import type { Db } from '../db/client.js';

// SQLite's backup API starts over whenever another connection writes between two of its steps.
// Copied 100 pages a step (better-sqlite3's default), a 1M-post database (2.5 GB) was overtaken by
// one write a second and never finished (docs/scaling.md). One step reads one snapshot instead: in
// WAL mode the server keeps writing meanwhile, and only its checkpoints wait for the copy.
const WHOLE_DATABASE = 0x7fffffff;

/** Writes a consistent copy of the database to `to` while servers keep using it. */
export async function backupDatabase(db: Db, to: string): Promise<{ pages: number }> {
  const { totalPages } = await db.$client.backup(to, { progress: () => WHOLE_DATABASE });
  return { pages: totalPages };
}
