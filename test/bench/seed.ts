import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUser } from '../../src/auth/accounts.js';
import { hashPassword } from '../../src/auth/password.js';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { projectPath } from '../../src/lib/paths.js';
import { threadSlug } from '../../src/lib/slug.js';
import { RENDER_VERSION } from '../../src/markdown/renderer.js';
import { analyzeForIndex } from '../../src/search/analyzer.js';
import { insertAnswersAndVotes } from './answers-votes.js';
import { parseArgs, runMain } from './args.js';
import { dropIndexes, suspendSearchIndexing } from './bulk-load.js';
import { checkDataset } from './check.js';
import { renderPool, type PooledBody } from './pool.js';
import { BENCH_CATEGORIES, planDataset, type Plan } from './plan.js';
import { createRandom } from './random.js';
import { RARE_WORDS, suffixFor, usernameFor, withSuffix } from './corpus.js';

/*
 * `npm run bench:seed -- --posts N [--db FILE] [--seed S] [--indexes keep|rebuild]`
 *
 * Builds a benchmark dataset through the app's own schema and migrations: bulk inserts with
 * prepared statements in large transactions, every denormalized counter consistent with what the
 * services keep, then an independent recount in SQL to prove it. The file is written under a
 * temporary name and renamed at the end, so an interrupted build never leaves a half dataset.
 */

export const BENCH_ACCOUNT = { username: 'bench', email: 'bench@example.com', password: 'bench-password-not-a-secret' };
/** Bump when the dataset's shape changes, so old datasets are rebuilt. */
// 2: titles and posts carry the search analyzer's text (threads.search_title, posts.search_text),
// as the app writes them, so the server has no titles to re-analyze when it starts.
const SEED_FORMAT = 3;
const BATCH = 25_000;
// Members who only need to exist share one real hash of a random password (nobody logs in as them).
const STAFF = [
  { username: 'maya-fernwheel', role: 'manager' },
  { username: 'joel-fernwheel', role: 'manager' },
  { username: 'sana-fernwheel', role: 'manager' },
  { username: 'admin-fernwheel', role: 'admin' },
] as const;

export type IndexMode = 'keep' | 'rebuild';
export type SeedOptions = { posts: number; db: string; seed?: number; indexes?: IndexMode; log?: (line: string) => void };
export type DatasetInfo = {
  format: number;
  fingerprint: string;
  posts: number;
  threads: number;
  users: number;
  categories: number;
  seed: number;
  indexes: IndexMode;
  bodies: number;
  builtAt: string;
  seconds: Record<string, number>;
  bytes: number;
};

/** Identifies the schema a dataset was built for: the migrations and this builder's format. */
export function schemaFingerprint(appRoot = projectPath('.')): string {
  const hash = createHash('sha256').update(`format ${SEED_FORMAT}\n`);
  const folder = join(appRoot, 'migrations');
  const files = [...readdirSync(folder).filter((name) => name.endsWith('.sql')).sort(), 'meta/_journal.json'];
  for (const file of files) hash.update(file).update(readFileSync(join(folder, file)));
  return hash.digest('hex').slice(0, 16);
}

export function datasetInfoPath(db: string): string {
  return `${db}.json`;
}

export function readDatasetInfo(db: string): DatasetInfo | undefined {
  try {
    return JSON.parse(readFileSync(datasetInfoPath(db), 'utf8')) as DatasetInfo;
  } catch {
    return undefined;
  }
}

export async function buildDataset(options: SeedOptions): Promise<DatasetInfo> {
  const log = options.log ?? ((line: string) => console.error(line));
  const seed = options.seed ?? 1;
  const indexes = options.indexes ?? 'rebuild';
  const target = resolve(options.db);
  const temporary = `${target}.building-${process.pid}`;
  mkdirSync(dirname(target), { recursive: true });
  removeDatabaseFiles(temporary);
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[name] = Math.round(performance.now() - started) / 1000;
    log(`  ${name}: ${seconds[name]} s`);
    return result;
  };

  log(`Building a ${options.posts.toLocaleString('en')}-post dataset in ${target}`);
  const pool = await timed('render body pool', () => renderPool(createRandom(seed), options.posts));
  const plan = await timed('plan', () => planDataset({ posts: options.posts, seed, now: Date.now(), bodies: pool }));
  const db = openDatabase(temporary, { synchronous: 'NORMAL' });
  try {
    migrateDatabase(db);
    const sqlite = db.$client;
    // A throwaway file until the rename: no journal, no fsync, a big page cache.
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -1000000');
    sqlite.pragma('foreign_keys = OFF');
    await timed('users', () => insertUsers(db, plan));
    const dropped = indexes === 'rebuild' ? dropIndexes(db) : [];
    const rebuildSearch = suspendSearchIndexing(db);
    await timed('categories, threads', () => insertThreads(db, plan));
    await timed('posts', () => insertPosts(db, plan, pool, seed, log));
    await timed('indexes', () => dropped.forEach((statement) => sqlite.exec(statement)));
    await timed('answers, votes', () => insertAnswersAndVotes(db, plan.userCount));
    await timed('search index', rebuildSearch);
    await timed('check', () => checkDataset(db));
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('journal_mode = WAL');
  } finally {
    closeDatabase(db);
  }
  removeDatabaseFiles(target);
  renameSync(temporary, target);
  const info: DatasetInfo = {
    format: SEED_FORMAT,
    fingerprint: schemaFingerprint(),
    posts: plan.posts.count,
    threads: plan.threads.count,
    users: plan.userCount,
    categories: BENCH_CATEGORIES.length,
    seed,
    indexes,
    bodies: pool.length,
    builtAt: new Date().toISOString(),
    seconds,
    bytes: statSync(target).size,
  };
  writeFileSync(datasetInfoPath(target), `${JSON.stringify(info, null, 2)}\n`);
  const total = Object.values(seconds).reduce((sum, value) => sum + value, 0);
  log(`Done in ${total.toFixed(1)} s: ${info.threads.toLocaleString('en')} threads, ${info.users.toLocaleString('en')} users, ${(info.bytes / 1e6).toFixed(0)} MB.`);
  return info;
}

export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

async function insertUsers(db: Db, plan: Plan): Promise<void> {
  const sqlite = db.$client;
  const joined = plan.historyStart - 30 * 86_400_000;
  // The one account that signs in: made by the app's own createUser (a real argon2id hash).
  const bench = await createUser({ db, markdown: unusedRenderer, now: () => joined }, { ...BENCH_ACCOUNT, role: 'member' });
  if (bench.id !== 1) throw new Error('The bench account must be user 1 in a fresh dataset.');
  const sharedHash = await hashPassword(randomBytes(24).toString('base64url'));
  const insert = sqlite.prepare(
    'INSERT INTO users (id, username, username_key, email, email_key, password_hash, role, post_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const random = createRandom(plan.userCount);
  sqlite.transaction(() => {
    sqlite.prepare('UPDATE users SET post_count = ? WHERE id = 1').run(plan.userPostCount[1]);
    STAFF.forEach((staff, index) => {
      const id = 2 + index;
      insert.run(id, staff.username, staff.username, `${staff.username}@example.com`, `${staff.username}@example.com`, sharedHash, staff.role, plan.userPostCount[id], joined);
    });
    for (let id = 2 + STAFF.length; id <= plan.userCount; id += 1) {
      const username = usernameFor(id);
      const createdAt = Math.round(joined - random.next() * 365 * 86_400_000);
      insert.run(id, username, username, `${username}@example.com`, `${username}@example.com`, sharedHash, 'member', plan.userPostCount[id], createdAt);
    }
  })();
}

function insertThreads(db: Db, plan: Plan): void {
  const sqlite = db.$client;
  const category = sqlite.prepare(
    `INSERT INTO categories (id, slug, name, description, kind, moderation, position, thread_count, post_count, last_thread_id, last_post_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
  );
  const thread = sqlite.prepare(
    `INSERT INTO threads (id, category_id, author_id, title, search_title, slug, status, locked, pinned, last_post_number, reply_count, last_post_id, last_post_at, last_post_author_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const { threads } = plan;
  sqlite.transaction(() => {
    BENCH_CATEGORIES.forEach((row, index) => {
      const counts = plan.categories[index]!;
      category.run(index + 1, row.slug, row.name, row.description, row.kind, index, counts.threadCount, counts.postCount, counts.lastThreadId || null, counts.lastPostAt || null, plan.historyStart);
    });
    for (let index = 0; index < threads.count; index += 1) {
      const title = threads.title[index]!;
      thread.run(
        index + 1,
        threads.categoryId[index],
        threads.authorId[index],
        title,
        analyzeForIndex(title),
        threadSlug(title),
        threads.locked[index],
        threads.pinned[index],
        threads.lastPostNumber[index],
        threads.replyCount[index],
        threads.lastPostId[index],
        threads.lastPostAt[index],
        threads.lastPostAuthorId[index],
        threads.createdAt[index],
      );
    }
  })();
}

const analyzedBodies = new Map<string, string | null>();

function searchTextOf(body: string): string | null {
  let analyzed = analyzedBodies.get(body);
  if (analyzed === undefined) {
    const text = analyzeForIndex(body);
    analyzedBodies.set(body, (analyzed = text === body ? null : text));
  }
  return analyzed;
}

function insertPosts(db: Db, plan: Plan, pool: PooledBody[], seed: number, log: (line: string) => void): void {
  const sqlite = db.$client;
  const post = sqlite.prepare(
    `INSERT INTO posts (id, thread_id, number, status, author_id, body, body_html, body_text, search_text, render_version, created_at, edited_at, deleted_at)
     VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?, ${RENDER_VERSION}, ?, ?, ?)`,
  );
  const revision = sqlite.prepare('INSERT INTO post_revisions (post_id, body, title, editor_id, created_at) VALUES (?, ?, NULL, ?, ?)');
  const { posts } = plan;
  // Each rare word ends up in about 20 posts whatever the size: a search term with few matches.
  const rareChance = Math.min(0.05, (20 * RARE_WORDS.length) / (0.35 * Math.max(1, posts.count)));
  const started = performance.now();
  for (let from = 0; from < posts.count; from += BATCH) {
    const to = Math.min(posts.count, from + BATCH);
    sqlite.transaction(() => {
      for (let index = from; index < to; index += 1) {
        const base = pool[posts.body[index]!]!;
        const suffixSeed = posts.suffix[index]!;
        const suffix = suffixSeed >= 0 && base.suffixable ? suffixFor(createRandom(suffixSeed ^ seed), rareChance) : null;
        const text = suffix === null ? base : withSuffix(base.body, base.html, base.text, suffix);
        // As the worker stores it: null when the analyzer leaves the markdown as it is. Suffixes are
        // plain English, which the analyzer leaves alone, so each pooled body is analyzed once.
        const analyzed = searchTextOf(base.body);
        const searchText = analyzed === null ? null : suffix === null ? analyzed : `${analyzed}\n\n${suffix}`;
        const editedAt = posts.editedAt[index] || null;
        post.run(index + 1, posts.threadId[index], posts.number[index], posts.authorId[index], text.body, text.html, text.text, searchText, posts.createdAt[index], editedAt, posts.deletedAt[index] || null);
        if (editedAt !== null) revision.run(index + 1, pool[posts.revisionBody[index]!]!.body, posts.authorId[index], editedAt);
      }
    })();
    if (to === posts.count || Math.floor(to / 200_000) !== Math.floor(from / 200_000)) {
      const rate = Math.round(to / ((performance.now() - started) / 1000));
      log(`    ${to.toLocaleString('en')} posts (${rate.toLocaleString('en')}/s)`);
    }
  }
}

const unusedRenderer = {
  render: () => Promise.reject(new Error('The seed renders bodies through its own pool.')),
  close: () => Promise.resolve(),
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { values: ['posts', 'db', 'seed', 'indexes'], flags: [] });
  const posts = Math.round(args.number('posts', 10_000));
  if (posts < 1) throw new Error('--posts must be at least 1.');
  const indexes = args.get('indexes') ?? 'rebuild';
  if (indexes !== 'keep' && indexes !== 'rebuild') throw new Error('--indexes is keep or rebuild.');
  const db = args.get('db') ?? defaultDatasetPath(posts);
  await buildDataset({ posts, db, seed: args.number('seed', 1), indexes });
}

export function defaultDatasetPath(posts: number): string {
  return join('.bench', `hearth-${posts}.db`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runMain(main);
