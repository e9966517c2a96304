import type { Db } from './client.js';

/**
 * Statements for hot paths are prepared once per database connection rather than per call:
 * preparing (and drizzle's query building) cost more than running them. Keyed weakly so a closed
 * test database takes its statements with it.
 */
export function perDatabase<T>(prepare: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (db) => {
    let found = prepared.get(db);
    if (!found) prepared.set(db, (found = prepare(db)));
    return found;
  };
}
