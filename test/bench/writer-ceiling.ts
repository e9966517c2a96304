import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { createReply } from '../../src/forum/posts.js';
import type { ServiceContext, SignedIn } from '../../src/lib/context.js';
import { trustSanitized } from '../../src/lib/safe-html.js';
import { RENDER_VERSION, type MarkdownRenderer } from '../../src/markdown/renderer.js';
import { replySources } from './corpus.js';
import { createRandom } from './random.js';
import { BENCH_ACCOUNT } from './seed.js';

// The write path of a reply without HTTP and without the markdown worker: `createReply` called
// in-process, many at a time, on a copy of a dataset, with a renderer that answers at once. What
// is left is the request thread's share of a reply (rules, SQL, triggers, the search index,
// notifications, group commit) and the one SQLite writer's own rate, with every batch flushed to
// disk as the server does it (synchronous=FULL, the WAL synced off the thread).
//
//   npx tsx test/bench/writer-ceiling.ts [--db .bench/hearth-10000.db] [--seconds 10] [--concurrency 32]

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const source = resolve(option('db', '.bench/hearth-10000.db'));
const seconds = Number(option('seconds', '10'));
const concurrency = Number(option('concurrency', '32'));

// Stands in for the worker: the markdown as its own "HTML", so nothing is rendered on this thread.
const instantRenderer: MarkdownRenderer = {
  render: async (markdown) => ({ html: trustSanitized(markdown), text: markdown, searchText: null, renderVersion: RENDER_VERSION }),
  close: async () => {},
};

type Sample = { replies: number; wallMs: number; busyMs: number; cpuMs: number };

async function replyFor(ctx: ServiceContext, viewer: SignedIn, threads: number[], bodies: string[], until: number): Promise<number> {
  const random = createRandom(threads.length + Math.floor(Math.random() * 1e6));
  let count = 0;
  while (performance.now() < until) {
    await createReply(ctx, viewer, { threadId: random.pick(threads), body: `${random.pick(bodies)}\n\n(writer run ${count})` });
    count++;
  }
  return count;
}

async function measure(ctx: ServiceContext, viewer: SignedIn, threads: number[], bodies: string[], forSeconds: number): Promise<Sample> {
  const loop = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + forSeconds * 1000;
  const counts = await Promise.all(Array.from({ length: concurrency }, () => replyFor(ctx, viewer, threads, bodies, until)));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const utilization = performance.eventLoopUtilization(loop).utilization;
  return { replies: counts.reduce((sum, count) => sum + count, 0), wallMs, busyMs: utilization * wallMs, cpuMs: (used.user + used.system) / 1000 };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'hearth-writer-'));
  try {
    const copy = join(folder, 'live.db');
    copyFileSync(source, copy);
    const db = openDatabase(copy);
    const sqlite = db.$client;
    const viewer = sqlite.prepare('SELECT id, username, role, created_at AS createdAt FROM users WHERE username_key = ?').get(BENCH_ACCOUNT.username) as SignedIn;
    const threads = sqlite.prepare("SELECT id FROM threads WHERE status = 'published' AND locked = 0 ORDER BY id").pluck().all() as number[];
    const bodies = replySources(createRandom(1), 100);
    const ctx: ServiceContext = { db, markdown: instantRenderer, now: Date.now };
    await measure(ctx, viewer, threads, bodies, 1);
    const sample = await measure(ctx, viewer, threads, bodies, seconds);
    const perReply = (ms: number) => `${((ms * 1000) / sample.replies).toFixed(0)} µs`;
    console.log(`${source}: ${concurrency} at a time, ${seconds} s`);
    console.log(`replies committed: ${sample.replies} (${((sample.replies * 1000) / sample.wallMs).toFixed(0)}/s)`);
    console.log(`request thread busy ${((100 * sample.busyMs) / sample.wallMs).toFixed(0)}% of the time: ${perReply(sample.busyMs)} a reply`);
    console.log(`process CPU (all threads, the WAL syncs included): ${perReply(sample.cpuMs)} a reply`);
    closeDatabase(db);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
