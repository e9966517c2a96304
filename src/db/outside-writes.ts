import type { Db } from './client.js';
import { perDatabase } from './prepared.js';

// Settings kept in memory (the community's language, the site's name) must follow changes made by
// other server processes on the same database. SQLite's `PRAGMA data_version` changes whenever
// another connection has committed since this connection last asked, and never for this
// connection's own commits; it reads shared memory, no page of the database (~1–3 µs here).

const statement = perDatabase((db) => db.$client.prepare('PRAGMA data_version').pluck());

/** Changes whenever another connection (another process) has committed to the database. */
export function outsideWrites(db: Db): number {
  return statement(db).get() as number;
}
