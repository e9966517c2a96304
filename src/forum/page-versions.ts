import type { Statement } from 'better-sqlite3';
import { changeMark, sameMark, type ChangeMark } from '../db/changes.js';
import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';

// Whether a cached rendering is still current: one indexed lookup per page, asked on every
// anonymous page view. Raw prepared statements (drizzle's query building would cost more than the
// lookup), and answers kept until the database changes (src/db/changes.ts): under a stream of
// views and no writes, a hit asks SQLite nothing at all.

type Statements = { thread: Statement; category: Statement; home: Statement };

const statements = perDatabase((db): Statements => {
  return {
    thread: db.$client.prepare(
      "select slug, version from threads where id = ? and status = 'published'",
    ),
    category: db.$client.prepare('select version from categories where slug = ?'),
    home: db.$client.prepare("select count(*) || '.' || total(version) as version from categories"),
  };
});

export type ThreadPageVersion = { readonly slug: string; readonly version: string };

type Known = {
  mark: ChangeMark;
  threads: Map<number, ThreadPageVersion | undefined>;
  categories: Map<string, string | undefined>;
  home: string | undefined;
};

// Bounds the memory of a large community's answers (a page cache holds at most 20,000 pages).
const MAX_KNOWN = 50_000;

const known = perDatabase((): Known => ({ mark: { dataVersion: -1, totalChanges: -1 }, threads: new Map(), categories: new Map(), home: undefined }));

/** The answers still true now, or undefined when they cannot be kept (inside a transaction). */
function current(db: Db): Known | undefined {
  const mark = changeMark(db);
  if (!mark) return undefined;
  const answers = known(db);
  if (!sameMark(mark, answers.mark) || answers.threads.size + answers.categories.size > MAX_KNOWN) {
    // The mark is read before the lookups it will cover: a change between them moves it again.
    answers.mark = mark;
    answers.threads.clear();
    answers.categories.clear();
    answers.home = undefined;
  }
  return answers;
}

function lookUpThread(db: Db, threadId: number): ThreadPageVersion | undefined {
  const row = statements(db).thread.get(threadId) as { slug: string; version: number } | undefined;
  return row ? { slug: row.slug, version: String(row.version) } : undefined;
}

function lookUpCategory(db: Db, slug: string): string | undefined {
  const row = statements(db).category.get(slug) as { version: number } | undefined;
  return row ? String(row.version) : undefined;
}

/** The answer kept for `key`, else looked up (and kept, when answers may be kept now). */
function remembered<K, V>(answers: Map<K, V> | undefined, key: K, lookUp: () => V): V {
  if (answers?.has(key)) return answers.get(key) as V;
  const value = lookUp();
  answers?.set(key, value);
  return value;
}

// A thread's version covers its posts, its own columns, its authors' shown names and roles, and
// its category's name, slug and kind (migrations 0002 and 0008); moving it bumps it too.
export function threadPageVersion(db: Db, threadId: number): ThreadPageVersion | undefined {
  return remembered(current(db)?.threads, threadId, () => lookUpThread(db, threadId));
}

export function categoryPageVersion(db: Db, slug: string): string | undefined {
  return remembered(current(db)?.categories, slug, () => lookUpCategory(db, slug));
}

export function homePageVersion(db: Db): string {
  const answers = current(db);
  if (answers?.home !== undefined) return answers.home;
  const version = (statements(db).home.get() as { version: string }).version;
  if (answers) answers.home = version;
  return version;
}

const placeStatement = perDatabase((db) =>
  db.$client.prepare('select threads.slug as slug, categories.slug as category from threads join categories on categories.id = threads.category_id where threads.id = ?'),
);

/** Where a thread's pages live: its slug and its category's, whatever the thread's status. */
export function threadPlace(db: Db, threadId: number): { slug: string; category: string } | undefined {
  return placeStatement(db).get(threadId) as { slug: string; category: string } | undefined;
}
