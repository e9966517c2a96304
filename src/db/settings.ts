import type { Db, Tx } from './client.js';
import { perConnection } from './prepared.js';
import { settings } from './schema.js';

// Read on the request path whenever another process has written (src/i18n/community.ts, the
// site's name): one prepared statement rather than a drizzle query built per call.
const readStatement = perConnection((client) => client.prepare('select value from settings where key = ?').pluck());

export function getSetting(db: Db, key: string): string | undefined {
  return (readStatement(db).get(key) as string | undefined) ?? undefined;
}

// Settings this process wrote: `PRAGMA data_version` moves only for other connections' commits,
// so those who keep settings in memory (src/routes/site-settings.ts) also watch this count.
let ownWrites = 0;

/** How many settings this process has written since it started. */
export function settingsWrittenHere(): number {
  return ownWrites;
}

export function setSetting(db: Db | Tx, key: string, value: string): void {
  ownWrites += 1;
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
