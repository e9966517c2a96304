import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { categories, posts, threads } from '../db/schema.js';

// The reads and the insert every reply makes, prepared once per database: building and preparing
// drizzle queries per reply cost more than running them (~40% of a reply's main-thread time).
// Prepared on the database, they run inside whatever transaction is open on its connection.
export const replyStatements = perDatabase((db: Db) => {
  const value = (name: string) => sql.placeholder(name);
  return {
    thread: db
      .select({ id: threads.id, slug: threads.slug, locked: threads.locked, status: threads.status, categoryId: threads.categoryId, moderation: categories.moderation, archived: sql<boolean>`${categories.archivedAt} is not null`.mapWith(Boolean) })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .where(eq(threads.id, value('threadId')))
      .prepare(),
    lastPostNumber: db.select({ lastPostNumber: threads.lastPostNumber }).from(threads).where(eq(threads.id, value('threadId'))).prepare(),
    insert: db
      .insert(posts)
      .values({
        threadId: value('threadId'),
        authorId: value('authorId'),
        number: value('number'),
        status: value('status'),
        body: value('body'),
        bodyHtml: value('bodyHtml'),
        bodyText: value('bodyText'),
        searchText: value('searchText'),
        renderVersion: value('renderVersion'),
        createdAt: value('createdAt'),
        replyToPostId: value('replyToPostId'),
      })
      .returning({ id: posts.id })
      .prepare(),
  };
});
