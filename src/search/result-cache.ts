import type { Db } from '../db/client.js';
import { homePageVersion } from '../forum/page-versions.js';

// Searches for common words cost milliseconds of FTS5 work (bm25 reads a term's whole doclist for
// its IDF) and popular queries repeat, so results are reused while nothing searchable changed.
// The key is the community-wide content version (the home page's): the migrations/0002 triggers
// bump it in the same transaction as every write to a post, thread, category or author name, so
// a reused result is never older than the last write. Results are the public's (search has no
// viewer), so one entry serves everyone.

const MAX_ENTRIES = 500;

type Entries = { version: string; results: Map<string, unknown> };
const caches = new WeakMap<Db, Entries>();

export function reuseWhileUnchanged<T>(db: Db, key: string, compute: () => T): T {
  const version = homePageVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, results: new Map() };
    caches.set(db, cache);
  }
  const found = cache.results.get(key);
  if (found !== undefined) return found as T;
  const computed = compute();
  if (cache.results.size >= MAX_ENTRIES) cache.results.delete(cache.results.keys().next().value!);
  cache.results.set(key, computed);
  return computed;
}
