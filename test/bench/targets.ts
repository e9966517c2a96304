import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { POSTS_PER_PAGE } from '../../src/forum/threads.js';
import { RARE_WORDS, replySources } from './corpus.js';
import { createRandom, type Random } from './random.js';
import { BENCH_ACCOUNT } from './seed.js';

/** What each case requests, read from the (working copy of the) dataset. */
export type Targets = {
  threadPaths: string[];
  deepPaths: string[];
  categoryPaths: string[];
  replyPaths: string[];
  replyBodies: string[];
  searchCommonPaths: string[];
  searchRarePaths: string[];
  cookie: string;
  /** A session of a community-wide manager, for the team's pages. */
  staffCookie: string;
  longestThread: { id: number; posts: number; pages: number };
};

const SAMPLE = 2000;
const COMMON_WORDS = ['battery', 'firmware', 'charger', 'belt', 'brakes', 'range'];

function sample<T>(random: Random, items: T[], count: number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random.int(index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy.slice(0, count);
}

/** Reads the targets and starts a session for the bench account (as a login would). */
export function loadTargets(databasePath: string, seed: number): Targets {
  const random = createRandom(seed);
  const db = openDatabase(databasePath, { synchronous: 'NORMAL' });
  try {
    const sqlite = db.$client;
    type Thread = { id: number; slug: string; posts: number };
    const long = sqlite
      .prepare("SELECT id, slug, last_post_number AS posts FROM threads WHERE status = 'published' AND last_post_number >= ? ORDER BY id")
      .all(POSTS_PER_PAGE) as Thread[];
    if (long.length === 0) throw new Error(`The dataset has no thread with ${POSTS_PER_PAGE} or more posts; seed a bigger one.`);
    const deepest = sqlite
      .prepare("SELECT id, slug, last_post_number AS posts FROM threads WHERE status = 'published' ORDER BY last_post_number DESC LIMIT 5")
      .all() as Thread[];
    const open = sqlite.prepare("SELECT id FROM threads WHERE status = 'published' AND locked = 0 ORDER BY id").pluck().all() as number[];
    const categories = sqlite.prepare('SELECT slug FROM categories ORDER BY position, id').pluck().all() as string[];
    const bench = sqlite.prepare('SELECT id FROM users WHERE username_key = ?').pluck().get(BENCH_ACCOUNT.username) as number | undefined;
    if (bench === undefined) throw new Error(`The dataset has no "${BENCH_ACCOUNT.username}" account; build it with npm run bench:seed.`);
    const { token } = createSession(db, bench, Date.now());
    const manager = sqlite.prepare("SELECT id FROM users WHERE role = 'manager' ORDER BY id LIMIT 1").pluck().get() as number | undefined;
    if (manager === undefined) throw new Error('The dataset has no manager; build it with npm run bench:seed.');
    const staffSession = createSession(db, manager, Date.now());

    // Deep pages: full pages from the second half of the longest threads (not the short last one).
    const deepPaths = deepest.flatMap((thread) => {
      const pages = Math.ceil(thread.posts / POSTS_PER_PAGE);
      if (pages < 2) return [];
      const last = thread.posts % POSTS_PER_PAGE === 0 ? pages : pages - 1;
      const first = Math.min(last, Math.max(2, Math.ceil(pages / 2)));
      return Array.from({ length: last - first + 1 }, (_, index) => `/t/${thread.id}/${thread.slug}?page=${first + index}`);
    });
    const top = deepest[0]!;
    return {
      threadPaths: sample(random, long, SAMPLE).map((thread) => `/t/${thread.id}/${thread.slug}`),
      deepPaths: deepPaths.length > 0 ? deepPaths : [`/t/${top.id}/${top.slug}`],
      categoryPaths: categories.map((slug) => `/c/${slug}`),
      replyPaths: sample(random, open, SAMPLE).map((id) => `/t/${id}/replies`),
      replyBodies: replySources(random, 100),
      searchCommonPaths: COMMON_WORDS.map((word) => `/search?q=${word}`),
      searchRarePaths: RARE_WORDS.map((word) => `/search?q=${word}`),
      cookie: `${SESSION_COOKIE}=${token}`,
      staffCookie: `${SESSION_COOKIE}=${staffSession.token}`,
      longestThread: { id: top.id, posts: top.posts, pages: Math.ceil(top.posts / POSTS_PER_PAGE) },
    };
  } finally {
    closeDatabase(db);
  }
}
