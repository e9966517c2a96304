import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import { closeDatabase, openDatabase, type Db, type Synchronous } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { RateLimiter, rules } from '../../src/lib/rate-limit.js';
import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';

// What the shared rate limits (ADR 0037) cost: take() alone, the pragma that notices other
// processes' writes, the requests that take a token every time (search, the JSON API) with limits
// on and off, and takes while another process keeps writing (as a stream of replies does). A fresh
// database on disk in WAL mode, with the server's synchronous setting.
//
//   npx tsx test/bench/rate-limit-cost.ts [--synchronous FULL|NORMAL] [--calls 20000]

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const synchronous = option('synchronous', 'FULL') as Synchronous;
const calls = Number(option('calls', '20000'));
const folder = mkdtempSync(join(tmpdir(), 'hearth-limits-'));
const databasePath = join(folder, 'limits.db');

/** Microseconds per call, the median of five rounds. */
function perCall(run: (index: number) => void, count = calls): number {
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let index = 0; index < count; index++) run(round * count + index);
    rounds.push(((performance.now() - started) * 1000) / count);
  }
  return rounds.sort((a, b) => a - b)[2]!;
}

type App = ReturnType<typeof createApp>;

/** Microseconds per request for each app, in alternating rounds (the median of seven each), so drift on a shared machine hits both alike. */
async function perRequest(apps: App[], paths: string[], count: number): Promise<number[]> {
  const rounds: number[][] = apps.map(() => []);
  for (let round = 0; round < 7; round++) {
    for (const [index, app] of apps.entries()) {
      const started = performance.now();
      for (let call = 0; call < count; call++) await (await app.request(`http://localhost:3000${paths[call % paths.length]}`)).arrayBuffer();
      rounds[index]!.push(((performance.now() - started) * 1000) / count);
    }
  }
  return rounds.map((times) => times.sort((a, b) => a - b)[3]!);
}

function measureTakes(db: Db): void {
  let clock = Date.now();
  const limiter = new RateLimiter(db, true, () => (clock += 1000));
  const sameKey = perCall(() => limiter.take('search:203.0.113.7', rules.searchPerIp));
  const manyKeys = perCall((index) => limiter.take(`search:198.51.${index % 10_000}`, rules.searchPerIp));
  const wait = perCall(() => limiter.wait('login-failures:user:1', rules.loginFailuresPerAccount));
  const dataVersion = db.$client.prepare('PRAGMA data_version').pluck();
  const pragma = perCall(() => dataVersion.get());
  const buckets = db.$client.prepare('select count(*) from rate_limit_buckets').pluck().get();
  console.log(`take(), one key: ${sameKey.toFixed(1)} µs; 10,000 keys in turn: ${manyKeys.toFixed(1)} µs (table holds ${buckets} buckets)`);
  console.log(`wait() (a read): ${wait.toFixed(1)} µs; PRAGMA data_version: ${pragma.toFixed(2)} µs`);
}

/** The same UPSERT committed with the connection's own synchronous level: what it would cost without switching to NORMAL. */
function measureWaitingCommit(db: Db): void {
  const upsert = db.$client.prepare('insert into rate_limit_buckets (key, tokens, updated_at) values (?, 1, ?) on conflict (key) do update set tokens = 1, updated_at = excluded.updated_at');
  console.log(`the same write committed with synchronous=${synchronous}: ${perCall((index) => upsert.run('plain', index), 500).toFixed(1)} µs`);
}

// Another process writing: IMMEDIATE transactions of 20 rows. `group` commits like group commit
// (synchronous=NORMAL, the fsync off the lock, a turn of the event loop between batches); `greedy`
// commits with synchronous=FULL (holding the write lock through the fsync) and never pauses.
const WRITER = `
const Database = require('better-sqlite3');
const [path, style] = process.argv.slice(1);
const db = new Database(path);
db.pragma('journal_mode = WAL'); db.pragma(style === 'group' ? 'synchronous = NORMAL' : 'synchronous = FULL'); db.pragma('busy_timeout = 5000');
db.exec('create table if not exists bench_writes (id integer primary key, body text)');
const insert = db.prepare('insert into bench_writes (body) values (?)');
const batch = db.transaction(() => { for (let i = 0; i < 20; i++) insert.run('x'.repeat(500)); });
process.send('ready');
if (style === 'group') { const next = () => { batch.immediate(); setImmediate(next); }; next(); }
else for (;;) batch.immediate();
`;

async function measureContended(db: Db, style: 'group' | 'greedy'): Promise<void> {
  const writer = spawn(process.execPath, ['-e', WRITER, databasePath, style], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve) => writer.once('message', resolve));
  let clock = Date.now();
  const limiter = new RateLimiter(db, true, () => (clock += 1000));
  const times: number[] = [];
  for (let index = 0; index < 2000; index++) {
    const started = performance.now();
    limiter.take(`search:192.0.2.${index % 200}`, rules.searchPerIp);
    times.push((performance.now() - started) * 1000);
    // Like requests arriving over time rather than in one burst.
    await new Promise((resolve) => setImmediate(resolve));
  }
  writer.kill('SIGKILL');
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!.toFixed(0);
  await new Promise((resolve) => writer.once('exit', resolve));
  console.log(`take() while another process writes (${style}): p50 ${at(0.5)} µs, p99 ${at(0.99)} µs, max ${at(1)} µs`);
}

async function measureRequests(): Promise<void> {
  const markdown = createMarkdownRenderer();
  const setup = openDatabase(databasePath, { synchronous });
  const ctx = { db: setup, markdown, now: Date.now };
  makeCategory(ctx, { name: 'Kettles', slug: 'kettles' });
  const author = await makeUser(ctx, { username: 'author' });
  const { threadId } = await makeThread(ctx, author, { category: 'kettles', title: 'Descaling a kettle with citric acid', body: 'Citric acid works well.' });
  for (let index = 0; index < 20; index++) await makeReply(ctx, author, { threadId, body: `Reply ${index} about descaling and limescale.` });
  const paths = { search: ['/search?q=descaling', '/search?q=limescale', '/search?q=citric'], api: [`/api/v1/threads/${threadId}`] };
  const apps = [false, true].map((rateLimit) => {
    let clock = Date.now();
    const config: Config = testConfig({ databasePath, rateLimit, sqliteSynchronous: synchronous });
    return createApp({ db: setup, config, markdown, clock: () => (clock += 1000), log: () => undefined });
  });
  for (const [label, list] of Object.entries(paths)) {
    await perRequest(apps, list, 300);
    const [off, on] = await perRequest(apps, list, 2000);
    console.log(`${label} (${list.length} URLs, in-process): limits off ${off!.toFixed(1)} µs, on ${on!.toFixed(1)} µs a request`);
  }
  await markdown.close();
  closeDatabase(setup);
}

const db = openDatabase(databasePath, { synchronous });
migrateDatabase(db);
console.log(`WAL, synchronous=${synchronous}, ${calls} calls a round, median of 5 rounds`);
measureTakes(db);
measureWaitingCommit(db);
await measureContended(db, 'group');
await measureContended(db, 'greedy');
closeDatabase(db);
await measureRequests();
rmSync(folder, { recursive: true, force: true });
