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

/**
 * `bytes`: what a derived value adds to the budget, when it only refers to values already counted
 * (sizeOf would count what it points at again).
 */
export type SharedReads<T> = { value: T; derived<D>(key: string, compute: () => D, bytes?: (value: D) => number): D };

type Entry = { version: number; value: unknown; derived: Map<string, unknown>; bytes: number };
type Entries = { map: Map<string, Entry>; bytes: number };

// A page's entry is ~60 KB (20 posts' rows, their rendered articles, the page's JSON-LD) plus
// ~6 KB of frames per language (src/routes/thread-bytes.ts): 160 MB holds the reads of ~2,000
// pages with room to spare (measured: 2,000 random 20-post pages at 1M posts counted 120 MB before
// frames), the hot set of the page cache's (src/lib/page-cache.ts) a signed-in audience reads.
// A miss costs a signed-in view several times a hit, and readers going round a set larger than
// the budget would miss every time (the least recently used entry is always the next one read).
const MAX_BYTES = 160 * 1024 * 1024;
const ENTRY_OVERHEAD_BYTES = 2048;

const entriesOf = perDatabase((): Entries => ({ map: new Map(), bytes: 0 }));

/** A rough size: the strings (at a byte a character: the HTML is mostly ASCII) and bytes it holds, plus object overhead. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string' || value instanceof String) return value.length;
  // Before the generic object case, which would walk a Buffer byte by byte.
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + sizeOf(item), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + sizeOf(item) + 16, 0);
  return 8;
}

function remove(entries: Entries, key: string): void {
  const entry = entries.map.get(key);
  if (!entry) return;
  entries.bytes -= entry.bytes;
  entries.map.delete(key);
}

function grow(entries: Entries, entry: Entry, bytes: number): void {
  entry.bytes += bytes;
  entries.bytes += bytes;
  while (entries.bytes > MAX_BYTES && entries.map.size > 1) remove(entries, entries.map.keys().next().value!);
}

export function sharedReads<T>(db: Db, key: string, version: number, read: () => T): SharedReads<T> {
  const entries = entriesOf(db);
  let entry = entries.map.get(key);
  if (entry && entry.version === version) {
    // Re-inserted so the Map's insertion order stays least-recently-used first.
    entries.map.delete(key);
    entries.map.set(key, entry);
  } else {
    remove(entries, key);
    const value = read();
    entry = { version, value, derived: new Map(), bytes: 0 };
    entries.map.set(key, entry);
    grow(entries, entry, ENTRY_OVERHEAD_BYTES + sizeOf(value));
  }
  const kept = entry;
  return {
    value: kept.value as T,
    derived<D>(name: string, compute: () => D, bytes?: (value: D) => number): D {
      const found = kept.derived.get(name);
      if (found !== undefined || kept.derived.has(name)) return found as D;
      const computed = compute();
      kept.derived.set(name, computed);
      // Still ours only if nothing evicted it meanwhile.
      if (entries.map.get(key) === kept) grow(entries, kept, bytes ? bytes(computed) : sizeOf(computed));
      return computed;
    },
  };
}
