import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, rmSync, statSync, closeSync, writeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, closeDatabase } from '../../src/db/client.js';
import { startServer } from '../helpers/spawned-server.js';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'hearth-cli-'));
const databasePath = join(folder, 'cli.db');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      // A clean environment: the test runner sets variables (BASE_URL among them) of its own.
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_PATH: databasePath },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function query<T>(sql: string, ...params: unknown[]): T {
  const db = openDatabase(databasePath);
  try {
    return db.$client.prepare(sql).get(...params) as T;
  } finally {
    closeDatabase(db);
  }
}

describe('npm run cli', () => {
  it('migrates, creates users and categories, changes roles and backs up', async () => {
    expect((await cli('db:migrate')).stdout).toContain('up to date');

    const created = await cli('user:create', '--username', 'mia', '--email', 'mia@example.com', '--password', 'a long passphrase', '--role', 'manager');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created manager "mia"');
    // Made by an operator, so the address counts as verified.
    expect(query<{ verified: number | null }>('select email_verified_at as verified from users where username = ?', 'mia').verified).not.toBeNull();

    const category = await cli('category:create', '--name', 'Smart Kettles', '--kind', 'questions', '--moderation', 'all', '--description', 'Brewing and descaling');
    expect(category.stdout).toContain('/c/smart-kettles');
    expect(query('select kind, moderation, description from categories where slug = ?', 'smart-kettles')).toEqual({
      kind: 'questions',
      moderation: 'all',
      description: 'Brewing and descaling',
    });

    const ideas = await cli('category:create', '--name', 'Kettle ideas', '--kind', 'ideas');
    expect(ideas.stdout).toContain('/c/kettle-ideas (ideas,');
    expect(query('select kind from categories where slug = ?', 'kettle-ideas')).toEqual({ kind: 'ideas' });

    expect((await cli('user:role', '--username', 'MIA', '--role', 'admin')).stdout).toContain('from manager to admin');
    expect(query('select role from users where username = ?', 'mia')).toEqual({ role: 'admin' });

    const backup = join(folder, 'backup.db');
    const backedUp = await cli('backup', '--to', backup);
    expect(backedUp.code).toBe(0);
    // Uploaded images go beside the backup (none yet in this community).
    expect(backedUp.stdout).toContain(`Backed up the database to ${backup} and 0 new uploaded image files to ${backup}.uploads.`);
    expect(statSync(backup).size).toBeGreaterThan(0);
    const copy = openDatabase(backup);
    expect(copy.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.$client.prepare('select count(*) as n from users').get()).toEqual({ n: 1 });
    closeDatabase(copy);
  }, 90_000);

  it('exits non-zero with one line on bad input', async () => {
    const cases = [
      ['user:create', '--username', 'x', '--email', 'nope', '--password', 'short'],
      ['user:role', '--username', 'nobody', '--role', 'admin'],
      ['user:role', '--username', 'mia', '--role', 'emperor'],
      ['category:create', '--name', 'Smart Kettles'],
      ['category:create', '--name', 'Grinders', '--kind', 'poll'],
      ['frobnicate'],
    ];
    for (const args of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim(), args.join(' ')).not.toBe('');
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(result.stderr, args.join(' ')).not.toContain('Invalid configuration');
    }
  }, 90_000);

  it('restores a backup over a stale WAL: later writes are gone and the database is sound', async () => {
    const restorePoint = join(folder, 'restore-point.db');
    expect((await cli('backup', '--to', restorePoint)).code).toBe(0);
    const usersAtBackup = query<{ n: number }>('select count(*) as n from users').n;
    expect((await cli('user:create', '--username', 'later', '--email', 'later@example.com', '--password', 'a long passphrase')).code).toBe(0);
    // A process killed mid-work leaves its last writes in the -wal file beside the database.
    await run(process.execPath, ['-e', `const db = new (require('better-sqlite3'))(${JSON.stringify(databasePath)}); db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0'); db.prepare("update users set username = 'renamed' where username = 'mia'").run(); process.kill(process.pid, 'SIGKILL');`]).catch(() => undefined);
    expect(statSync(`${databasePath}-wal`).size).toBeGreaterThan(0);

    const restored = await cli('restore', '--from', restorePoint);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored ${databasePath} from ${restorePoint}`);
    expect(restored.stdout).toContain('and 0 uploaded image files into');
    expect(query('select count(*) as n from users')).toEqual({ n: usersAtBackup });
    expect(query('select count(*) as n from users where username in (?, ?)', 'later', 'renamed')).toEqual({ n: 0 });
    expect(query('pragma integrity_check')).toEqual({ integrity_check: 'ok' });
    // And the server's usual commands work on it.
    expect((await cli('db:migrate')).code).toBe(0);
  }, 90_000);

  it('refuses to restore a corrupt or foreign file, or over a database a running server has open', async () => {
    const good = join(folder, 'good-backup.db');
    expect((await cli('backup', '--to', good)).code).toBe(0);
    const corrupt = join(folder, 'corrupt.db');
    copyFileSync(good, corrupt);
    const size = statSync(corrupt).size;
    const handle = openSync(corrupt, 'r+');
    // Garbage over every page but the first (the header stays valid, so SQLite opens the file).
    for (let offset = 4096; offset < size; offset += 4096) writeSync(handle, Buffer.alloc(512, 0xa5), 0, 512, offset + 100);
    closeSync(handle);
    const foreign = join(folder, 'foreign.db');
    const other = new Database(foreign);
    other.exec('create table notes (body text)');
    other.close();
    const newer = join(folder, 'newer.db');
    copyFileSync(good, newer);
    const future = new Database(newer);
    future.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-a-later-version', Date.UTC(2999, 0, 1));
    future.close();
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'this is not a database at all, just some words that fill more than a header would '.repeat(20));
    const before = query<{ n: number }>('select count(*) as n from users').n;

    const cases: [string[], RegExp][] = [
      [['restore', '--from', corrupt], /integrity_check|not a readable SQLite database/],
      [['restore', '--from', foreign], /is not a Hearth database/],
      [['restore', '--from', newer], /made by a newer version of Hearth/],
      [['restore', '--from', text], /is not a readable SQLite database/],
      [['restore', '--from', join(folder, 'missing.db')], /does not exist/],
      [['restore'], /--from is required/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }

    const server = await startServer(databasePath);
    try {
      const refused = await cli('restore', '--from', good);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr.trim()).toBe(`${databasePath} is in use (is the server running?). Stop the server, then restore.`);
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(query('select count(*) as n from users')).toEqual({ n: before });
    expect(existsSync(databasePath)).toBe(true);
  }, 120_000);
});
