import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/session.js';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { makeCategory, makeThread, makeUser } from '../../src/db/factories.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';

// The real server in its own process, as an operator runs it: killed mid-write, and stopped politely.

const folder = mkdtempSync(join(tmpdir(), 'hearth-durability-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function prepare(name: string) {
  const databasePath = join(folder, `${name}.db`);
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  const markdown = createMarkdownRenderer();
  const ctx = { db, markdown, now: Date.now };
  makeCategory(ctx, { name: 'Kettles', slug: 'kettles' });
  const user = await makeUser(ctx, { username: 'writer' });
  const thread = await makeThread(ctx, user, { category: 'kettles', title: 'Durability thread', body: 'start' });
  const { token } = createSession(db, user.id, Date.now());
  await markdown.close();
  closeDatabase(db);
  return { databasePath, threadId: thread.threadId, cookie: `hearth_session=${token}` };
}

async function start(databasePath: string): Promise<{ child: ChildProcess; base: string; exited: Promise<number | null> }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_PATH: databasePath, PORT: String(port), HOST: '127.0.0.1', BASE_URL: base, DEMO_SEED: '0', RATE_LIMIT: 'off', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base, exited };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start within 30 s');
}

function reply(base: string, cookie: string, threadId: number, body: string) {
  return fetch(`${base}/t/${threadId}/replies`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ body }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie },
  });
}

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
