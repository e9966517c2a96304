import type Database from 'better-sqlite3';
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

/** The better-sqlite3 connection under a drizzle database or transaction (both keep it on their session). */
export function connectionOf(handle: Db | object): Database.Database {
  return (handle as { session: { client: Database.Database } }).session.client;
}

/**
 * Like perDatabase, for code that holds a transaction rather than the database: raw statements
 * prepared once per connection, which run inside whatever transaction is open on it.
 */
export function perConnection<T>(prepare: (client: Database.Database) => T): (handle: Db | object) => T {
  const prepared = new WeakMap<Database.Database, T>();
  return (handle) => {
    const client = connectionOf(handle);
    let found = prepared.get(client);
    if (!found) prepared.set(client, (found = prepare(client)));
    return found;
  };
}
