import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { enqueueEmail } from '../../src/email/outbox.js';
import { startSmtpServer } from '../helpers/mail.js';
import { demoTotals } from '../helpers/demo-totals.js';
import { prepareDatabase, startServers, type SpawnedServer } from '../helpers/spawned-server.js';

// Several real server processes on one database file: a WORKERS=2 cluster and a separate server
// beside it, as two machines' (or containers') worth of `npm start` on one volume would be.

const folder = mkdtempSync(join(tmpdir(), 'hearth-processes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const MESSAGES = 60;

/** Polls with a deadline rather than sleeping a fixed time. */
async function until<T>(check: () => T | undefined | false, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server processes a primary forked (not tsx's esbuild, which may run beside them). */
function workersOf(server: SpawnedServer): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(server.child.pid), '-f', 'src/server\\.ts'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a cluster and a separate server on one database', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let database: Awaited<ReturnType<typeof prepareDatabase>>;
  let db: Db;
  let cluster: SpawnedServer;
  let single: SpawnedServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await prepareDatabase(join(folder, 'shared.db'));
    // One public address, as behind one proxy: the ETag covers BASE_URL, which pages link to.
    const env = { SMTP_URL: smtp.url, BASE_URL: 'https://community.example.com' };
    [cluster, single] = await startServers(database.databasePath, [{ ...env, WORKERS: '2', LOG_LEVEL: 'info' }, env]);
    db = openDatabase(database.databasePath);
  }, 90_000);
  afterAll(async () => {
    for (const server of [cluster, single]) if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    if (db) closeDatabase(db);
    await smtp?.close();
  });

  const pendingMessages = () => Number(db.$client.prepare("SELECT count(*) FROM email_outbox WHERE status <> 'sent'").pluck().get());

  it('delivers every queued message exactly once, whichever process sends it', async () => {
    const now = Date.now();
    db.transaction((tx) => {
      for (let index = 0; index < MESSAGES; index += 1) {
        enqueueEmail(tx, { userId: null, to: `member${index}@example.com`, kind: 'notification', subject: `Notification ${index}`, text: 'A reply in a thread you watch.' }, now);
      }
    });
    await until(() => pendingMessages() === 0);
    expect(smtp.received.map((mail) => mail.subject).toSorted()).toEqual(Array.from({ length: MESSAGES }, (_, index) => `Notification ${index}`).toSorted());
  }, 60_000);

  it('answers one process’s ETag with 304 from another', async () => {
    const path = `/t/${database.threadId}/durability-thread`;
    const first = await fetch(`${single.base}${path}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    // Twice, so that each of the cluster's two processes is likely asked once.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const other = await fetch(`${cluster.base}${path}`, { headers: { 'if-none-match': etag } });
      expect(other.status).toBe(304);
    }
    const back = await fetch(`${cluster.base}${path}`);
    expect((await fetch(`${single.base}${path}`, { headers: { 'if-none-match': back.headers.get('etag')! } })).status).toBe(304);
  });

  it('says once, not once per process, where email goes', async () => {
    await until(() => cluster.output().includes('with 2 server processes'));
    expect(cluster.output().split('Email is sent over SMTP').length - 1).toBe(1);
  });

  it('replaces a worker that dies, and the port keeps answering meanwhile', async () => {
    // Both workers serve once the primary says so; then one is enough to keep the port open.
    await until(() => cluster.output().includes('with 2 server processes'));
    const before = workersOf(cluster);
    expect(before).toHaveLength(2);
    process.kill(before[0]!, 'SIGKILL');
    await until(() => !alive(before[0]!));
    expect((await fetch(`${cluster.base}/healthz`)).status).toBe(200);
    const after = await until(() => {
      const now = workersOf(cluster);
      return now.length === 2 && !now.includes(before[0]!) && now;
    });
    expect(after).toContain(before[1]);
    expect((await fetch(`${cluster.base}/healthz`)).status).toBe(200);
    expect(cluster.output()).toContain(`Server process ${before[0]} exited (SIGKILL); starting another`);
  }, 60_000);

  it('stops every worker on SIGTERM and exits 0, having sent nothing twice', async () => {
    const workers = workersOf(cluster);
    expect(workers).toHaveLength(2);
    cluster.child.kill('SIGTERM');
    single.child.kill('SIGTERM');
    expect(await cluster.exited).toBe(0);
    expect(await single.exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
    expect(smtp.received).toHaveLength(MESSAGES);
  }, 30_000);
});

/** A process that migrates and seeds `databasePath` when released (test/helpers/prepare-on-signal.ts). */
function preparer(databasePath: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/prepare-on-signal.ts', databasePath], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output, ready: () => until(() => output.includes('ready')) };
}

describe('simultaneous first starts on a new database', () => {
  it('migrate and seed in one process at a time, even when released at the same instant', async () => {
    const databasePath = join(folder, 'raced.db');
    const starts = [preparer(databasePath), preparer(databasePath), preparer(databasePath)];
    await Promise.all(starts.map((start) => start.ready()));
    for (const start of starts) start.child.stdin.end('go\n');
    const codes = await Promise.all(starts.map((start) => start.exited));
    expect(codes, starts.map((start) => start.output()).join('\n---\n')).toEqual([0, 0, 0]);
    expect(starts.map((start) => start.output().replace('ready\n', '').trim()).toSorted()).toEqual(['found seeded', 'found seeded', 'seeded']);
    const db = openDatabase(databasePath);
    expect(Number(db.$client.prepare('SELECT count(*) FROM users').pluck().get())).toBe(demoTotals.users);
    closeDatabase(db);
  }, 90_000);

  it('both come up, with the migrations applied once and the demo seeded once', async () => {
    const databasePath = join(folder, 'new.db');
    const servers = await startServers(databasePath, [{ DEMO_SEED: '1' }, { DEMO_SEED: '1' }]);
    try {
      for (const server of servers) expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
      const db = openDatabase(databasePath);
      const countOf = (table: string) => Number(db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
      expect(countOf('__drizzle_migrations')).toBe(readdirSync('migrations').filter((name) => name.endsWith('.sql')).length);
      expect(countOf('users')).toBe(demoTotals.users);
      expect(countOf('threads')).toBe(demoTotals.threads);
      closeDatabase(db);
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.exited));
    }
  }, 90_000);
});
