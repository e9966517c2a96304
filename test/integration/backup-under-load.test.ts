import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { postReply, prepareDatabase, startServer } from '../helpers/spawned-server.js';

// `npm run cli -- backup` while the real server takes a stream of replies from several clients:
// the copy is consistent and holds every reply acknowledged before the backup started.

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'hearth-backup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('backup under load', () => {
  it('copies a consistent database with every reply acknowledged before it began', async () => {
    const { databasePath, threadId, cookie } = await prepareDatabase(join(folder, 'live.db'));
    const server = await startServer(databasePath);
    const acknowledged: string[] = [];
    let stop = false;
    const client = async (name: string) => {
      for (let i = 0; !stop; i++) {
        const body = `${name} reply ${i}`;
        const response = await postReply(server.base, cookie, threadId, body);
        if (response.status === 303) acknowledged.push(body);
        else expect(response.status, body).toBe(303);
      }
    };
    const clients = ['a', 'b', 'c', 'd'].map(client);
    try {
      while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
      const beforeBackup = [...acknowledged];
      const backupPath = join(folder, 'copy.db');
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'backup', '--to', backupPath], {
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_PATH: databasePath },
      });
      expect(stdout).toContain(backupPath);
      const during = acknowledged.length;
      // Writes went on while the copy was made.
      while (acknowledged.length < during + 10) await new Promise((resolve) => setTimeout(resolve, 20));
      stop = true;
      await Promise.all(clients);

      const copy = new Database(backupPath, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((copy.prepare('select body from posts where thread_id = ?').all(threadId) as { body: string }[]).map((row) => row.body));
      copy.close();
      expect(beforeBackup.filter((body) => !stored.has(body))).toEqual([]);
    } finally {
      stop = true;
      await Promise.allSettled(clients);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  }, 180_000);
});
