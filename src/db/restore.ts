import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { projectPath } from '../lib/paths.js';
import { isBusy } from './busy.js';

/** Why a restore did not happen, in one line for the operator. */
export class RestoreRefused extends Error {}

// A Hearth database has drizzle's migration log and the core tables.
const REQUIRED_TABLES = ['__drizzle_migrations', 'users', 'categories', 'threads', 'posts'];

function newestKnownMigration(): number {
  const journal = JSON.parse(readFileSync(projectPath('migrations/meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

function checkSource(source: Database.Database, from: string): void {
  const problems = (source.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  if (problems.length !== 1 || problems[0] !== 'ok') throw new RestoreRefused(`${from} fails PRAGMA integrity_check (${problems[0]}); nothing was restored.`);
  const tables = new Set((source.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((row) => row.name));
  const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) throw new RestoreRefused(`${from} is not a Hearth database (no ${missing.join(', ')} table); nothing was restored.`);
  const { newest } = source.prepare('select max(created_at) as newest from __drizzle_migrations').get() as { newest: number | null };
  if (newest !== null && newest > newestKnownMigration()) {
    throw new RestoreRefused(`${from} was made by a newer version of Hearth than this one; upgrade first. Nothing was restored.`);
  }
}

/** Opens the backup read-only and checks it; anything SQLite cannot read is refused too. */
function openSource(from: string): Database.Database {
  if (!existsSync(from)) throw new RestoreRefused(`${from} does not exist.`);
  let source: Database.Database | undefined;
  try {
    source = new Database(from, { readonly: true, fileMustExist: true });
    checkSource(source, from);
    return source;
  } catch (error) {
    source?.close();
    if (error instanceof RestoreRefused) throw error;
    // SQLite's message may quote the damaged schema, newlines and all: the refusal stays one line.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);
    throw new RestoreRefused(`${from} is not a readable SQLite database (${reason}); nothing was restored.`);
  }
}

/**
 * Fails while another process has the target open: a running server keeps a shared lock on its
 * WAL database for as long as it runs, so an exclusive lock cannot be had. Taking the lock also
 * folds a WAL left by a crash into the file, and closing removes it.
 */
function assertNotInUse(to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  const target = new Database(to, { timeout: 0 });
  try {
    target.pragma('locking_mode = EXCLUSIVE');
    target.exec('BEGIN EXCLUSIVE');
    target.exec('COMMIT');
  } catch (error) {
    if (isBusy(error)) {
      throw new RestoreRefused(`${to} is in use (is the server running?). Stop the server, then restore.`);
    }
    throw new RestoreRefused(`${to} cannot be replaced: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    target.close();
  }
}

/**
 * Replaces the database at `to` with the backup at `from`, through SQLite's backup API: pages are
 * written into the target as one transaction that goes through its WAL, so no stale -wal or -shm
 * file can be replayed over the restored copy (a plain file copy would risk exactly that).
 */
export async function restoreDatabase(from: string, to: string): Promise<void> {
  if (existsSync(to) && existsSync(from) && realpathSync(from) === realpathSync(to)) throw new RestoreRefused(`${from} is the database itself; nothing to restore.`);
  const source = openSource(from);
  try {
    assertNotInUse(to);
    await source.backup(to);
  } finally {
    source.close();
  }
  const restored = new Database(to, { fileMustExist: true });
  try {
    const check = restored.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new RestoreRefused(`The restored database fails PRAGMA integrity_check (${String(check)}).`);
  } finally {
    restored.close();
  }
}
