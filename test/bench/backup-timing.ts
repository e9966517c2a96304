import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { restoreDatabase } from '../../src/db/restore.js';

// What a backup and a restore of a dataset cost, done as `npm run cli -- backup` and `restore` do
// them, on a copy (the dataset itself is only read). Also: the same backup while another
// connection writes, since SQLite restarts a stepwise backup whenever another connection changes
// the source between two steps; a one-step backup and VACUUM INTO read one snapshot instead.
//
//   npx tsx test/bench/backup-timing.ts [--db .bench/hearth-10000.db] [--writes-per-second 10] [--limit-seconds 60]

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const source = resolve(option('db', '.bench/hearth-10000.db'));
const writesPerSecond = Number(option('writes-per-second', '10'));
const limitSeconds = Number(option('limit-seconds', '60'));
const folder = mkdtempSync(join(option('tmp', tmpdir()), 'hearth-backup-timing-'));
const live = join(folder, 'live.db');

const megabytes = (path: string) => `${(statSync(path).size / 1e6).toFixed(1)} MB`;
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(2)} s`;

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${seconds(started)}`);
  return result;
}

type Outcome = { finished: boolean; restarts: number };

// The writer runs on its own thread, so its writes can land in the middle of a one-step backup too.
const writerCode = `
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.exec('CREATE TABLE IF NOT EXISTS bench_writes (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
const insert = db.prepare('INSERT INTO bench_writes (at) VALUES (?)');
setInterval(() => insert.run(Date.now()), 1000 / workerData.writesPerSecond);
`;

/** A backup as better-sqlite3 runs it (100 pages a step) or in one step, while another connection writes. */
async function backupWhileWriting(to: string, oneStep: boolean): Promise<Outcome> {
  const writer = new Worker(writerCode, { eval: true, workerData: { path: live, writesPerSecond } });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const reader = new Database(live, { readonly: true });
  let restarts = 0;
  let previous = Number.POSITIVE_INFINITY;
  const deadline = performance.now() + limitSeconds * 1000;
  try {
    await reader.backup(to, {
      progress: ({ remainingPages }) => {
        // A restart starts the copy over: more pages remain than after the step before.
        if (remainingPages > previous) restarts++;
        previous = remainingPages;
        if (performance.now() > deadline) throw new Error('limit');
        return oneStep ? 0x7fffffff : 100;
      },
    });
    return { finished: true, restarts };
  } catch (error) {
    if (error instanceof Error && error.message === 'limit') return { finished: false, restarts };
    throw error;
  } finally {
    reader.close();
    await writer.terminate();
  }
}

async function main(): Promise<void> {
  console.log(`Dataset ${source} (${megabytes(source)}), working copy in ${folder}`);
  await timed('file copy of the dataset (cp, server stopped)', () => copyFileSync(source, live));
  const db = openDatabase(live);
  const pages = Number(db.$client.pragma('page_count', { simple: true }));
  console.log(`pages: ${pages} of ${Number(db.$client.pragma('page_size', { simple: true }))} bytes`);
  const backup = join(folder, 'backup.db');
  await timed('backup API, 100 pages a step (as `cli backup`), no writes', () => db.$client.backup(backup));
  console.log(`  backup size ${megabytes(backup)}`);
  await timed('integrity_check of the backup', () => new Database(backup, { readonly: true }).pragma('integrity_check', { simple: true }));
  const vacuumed = join(folder, 'vacuum-into.db');
  await timed('VACUUM INTO, no writes', () => db.$client.prepare('VACUUM INTO ?').run(vacuumed));
  console.log(`  VACUUM INTO size ${megabytes(vacuumed)}`);
  closeDatabase(db);
  const restored = join(folder, 'restored.db');
  await timed('restore (as `cli restore`: check, copy, check)', () => restoreDatabase(backup, restored));
  rmSync(backup, { force: true });
  for (const oneStep of [false, true]) {
    const label = oneStep ? 'one step' : '100 pages a step';
    const started = performance.now();
    const outcome = await backupWhileWriting(join(folder, `under-writes-${oneStep}.db`), oneStep);
    const state = outcome.finished ? `finished in ${seconds(started)}` : `NOT finished after ${limitSeconds} s`;
    console.log(`backup API, ${label}, ${writesPerSecond} writes/s from another connection: ${state}, ${outcome.restarts} restarts`);
  }
}

main()
  .finally(() => rmSync(folder, { recursive: true, force: true }))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
