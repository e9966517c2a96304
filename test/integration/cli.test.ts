import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, closeDatabase } from '../../src/db/client.js';

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

    expect((await cli('user:role', '--username', 'MIA', '--role', 'admin')).stdout).toContain('from manager to admin');
    expect(query('select role from users where username = ?', 'mia')).toEqual({ role: 'admin' });

    const backup = join(folder, 'backup.db');
    expect((await cli('backup', '--to', backup)).code).toBe(0);
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
});
