import type { Db } from './client.js';
import { perDatabase } from './prepared.js';

/*
 * Outside a transaction every statement is a read transaction of its own: SQLite takes and drops
 * the database's shared lock and a WAL read mark for each, system calls that cost more than most
 * of a page's point lookups (measured: the session, unread count, watch level and thread page
 * reads of a signed-in view took ~190 µs one by one, ~85 µs in one transaction). A page's reads
 * run together in one deferred transaction instead, which also gives them one snapshot.
 */

const statements = perDatabase((db: Db) => ({
  begin: db.$client.prepare('BEGIN DEFERRED'),
  commit: db.$client.prepare('COMMIT'),
  rollback: db.$client.prepare('ROLLBACK'),
}));

/**
 * Runs `read` (synchronous: nothing else may use the connection meanwhile) in one read
 * transaction, or in the transaction already open. What it throws is thrown after the rollback.
 */
export function readTogether<T>(db: Db, read: () => T): T {
  if (db.$client.inTransaction) return read();
  const { begin, commit, rollback } = statements(db);
  begin.run();
  let result: T;
  try {
    result = read();
  } catch (error) {
    if (db.$client.inTransaction) rollback.run();
    throw error;
  }
  if (db.$client.inTransaction) commit.run();
  return result;
}
