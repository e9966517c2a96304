import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';

/*
 * What a thread page reads that is the same for every viewer (its posts, the opening post and the
 * accepted answer), kept per (thread, page) while the thread's version is unchanged. Triggers bump
 * that version inside the transaction of every write that changes what the page shows (migrations
 * 0002 and 0008), whichever process makes it, so a kept read is never staler than the version
 * read just before it. Signed-in views then only add what is theirs (votes, flags, permissions).
 * Values derived from the shared reads (the page's structured data, its description) are kept
 * with them, so they are computed once per version too.
 */

export type SharedReads<T> = { value: T; derived<D>(key: string, compute: () => D): D };

type Entry = { version: number; value: unknown; derived: Map<string, unknown> };

// ~20 posts of stored HTML per entry (15–40 KB): 1,000 entries stay within a few tens of MB.
const MAX_ENTRIES = 1000;

const entriesOf = perDatabase(() => new Map<string, Entry>());

export function sharedReads<T>(db: Db, key: string, version: number, read: () => T): SharedReads<T> {
  const entries = entriesOf(db);
  let entry = entries.get(key);
  if (entry && entry.version === version) {
    // Re-inserted so the Map's insertion order stays least-recently-used first.
    entries.delete(key);
    entries.set(key, entry);
  } else {
    entry = { version, value: read(), derived: new Map() };
    entries.set(key, entry);
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  const { derived } = entry;
  return {
    value: entry.value as T,
    derived<D>(name: string, compute: () => D): D {
      if (!derived.has(name)) derived.set(name, compute());
      return derived.get(name) as D;
    },
  };
}
