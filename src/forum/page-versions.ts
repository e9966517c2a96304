import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';

// One indexed lookup per anonymous page view tells whether a cached rendering is still current.
// Raw prepared statements: this runs on every cached hit, where drizzle's query building would
// cost more than the lookup itself.

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

// A thread's version covers its posts, its own columns, its authors' shown names and roles, and
// its category's name, slug and kind (migrations 0002 and 0008); moving it bumps it too.
export function threadPageVersion(db: Db, threadId: number): { slug: string; version: string } | undefined {
  const row = statements(db).thread.get(threadId) as { slug: string; version: number } | undefined;
  return row ? { slug: row.slug, version: String(row.version) } : undefined;
}

export function categoryPageVersion(db: Db, slug: string): string | undefined {
  const row = statements(db).category.get(slug) as { version: number } | undefined;
  return row ? String(row.version) : undefined;
}

export function homePageVersion(db: Db): string {
  return (statements(db).home.get() as { version: string }).version;
}

const placeStatement = perDatabase((db) =>
  db.$client.prepare('select threads.slug as slug, categories.slug as category from threads join categories on categories.id = threads.category_id where threads.id = ?'),
);

/** Where a thread's pages live: its slug and its category's, whatever the thread's status. */
export function threadPlace(db: Db, threadId: number): { slug: string; category: string } | undefined {
  return placeStatement(db).get(threadId) as { slug: string; category: string } | undefined;
}
