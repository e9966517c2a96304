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
      "select t.slug as slug, t.version || '.' || c.version as version from threads t join categories c on c.id = t.category_id where t.id = ? and t.status = 'published'",
    ),
    category: db.$client.prepare('select version from categories where slug = ?'),
    home: db.$client.prepare("select count(*) || '.' || total(version) as version from categories"),
  };
});

export function threadPageVersion(db: Db, threadId: number): { slug: string; version: string } | undefined {
  return statements(db).thread.get(threadId) as { slug: string; version: string } | undefined;
}

export function categoryPageVersion(db: Db, slug: string): string | undefined {
  const row = statements(db).category.get(slug) as { version: number } | undefined;
  return row ? String(row.version) : undefined;
}

export function homePageVersion(db: Db): string {
  return (statements(db).home.get() as { version: string }).version;
}
