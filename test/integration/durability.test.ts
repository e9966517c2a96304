import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { postReply as reply, prepareDatabase, startServer as start } from '../helpers/spawned-server.js';

// The real server in its own process, as an operator runs it: killed mid-write, and stopped politely.

const folder = mkdtempSync(join(tmpdir(), 'hearth-durability-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const prepare = (name: string) => prepareDatabase(join(folder, `${name}.db`));

describe('durability', () => {
  it('keeps every acknowledged reply when the process is killed mid-stream', async () => {
    const { databasePath, threadId, cookie } = await prepare('killed');
    const server = await start(databasePath);
    const acknowledged: string[] = [];
    let stop = false;
    const client = async (name: string) => {
      for (let i = 0; i < 500 && !stop; i++) {
        const body = `${name} reply ${i}`;
        try {
          const response = await reply(server.base, cookie, threadId, body);
          if (response.status === 303) acknowledged.push(body);
        } catch {
          return; // The server is gone.
        }
      }
    };
    const clients = ['a', 'b', 'c', 'd'].map(client);
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    await server.exited;

    const db = openDatabase(databasePath);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.$client.prepare('select body from posts where thread_id = ?').all(threadId) as { body: string }[]).map((row) => row.body));
    const lost = acknowledged.filter((body) => !stored.has(body));
    expect(lost).toEqual([]);
    closeDatabase(db);
    const again = await start(databasePath);
    expect((await fetch(`${again.base}/t/${threadId}/durability-thread`)).status).toBe(200);
    again.child.kill('SIGKILL');
    await again.exited;
  }, 120_000);

  it('finishes in-flight requests on SIGTERM, checkpoints the WAL and exits 0', async () => {
    const { databasePath, threadId, cookie } = await prepare('stopped');
    const server = await start(databasePath);
    const inFlight = reply(server.base, cookie, threadId, 'sent just before the stop');
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(303);
    expect(await server.exited).toBe(0);
    const wal = `${databasePath}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = openDatabase(databasePath);
    expect(db.$client.prepare('select count(*) as n from posts where body = ?').get('sent just before the stop')).toEqual({ n: 1 });
    closeDatabase(db);
  }, 120_000);
});
