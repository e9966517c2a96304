import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A drizzle transaction on a Db, as its callback receives it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Synchronous = 'FULL' | 'NORMAL' | 'EXTRA';

export type OpenOptions = { synchronous?: Synchronous; busyTimeoutMs?: number };

export type Pragmas = { journal_mode: string; synchronous: string; foreign_keys: number; busy_timeout: number };

const synchronousNames = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** The WAL is truncated to this size whenever a checkpoint resets it. */
export const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The only place that opens SQLite. Every pragma is set on every open: a new connection to an
 * existing WAL file would otherwise run with synchronous=NORMAL and could lose acknowledged writes.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -32000');
  // A checkpoint that resets the WAL leaves the file at most this large (src/db/checkpoint.ts).
  sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
  return drizzle({ client: sqlite, schema }) as Db;
}

export function readPragmas(db: Db): Pragmas {
  const client = db.$client;
  return {
    journal_mode: String(client.pragma('journal_mode', { simple: true })),
    synchronous: synchronousNames[Number(client.pragma('synchronous', { simple: true }))] ?? 'unknown',
    foreign_keys: Number(client.pragma('foreign_keys', { simple: true })),
    busy_timeout: Number(client.pragma('busy_timeout', { simple: true })),
  };
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}
