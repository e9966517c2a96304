import { eq } from 'drizzle-orm';
import { posts, threads } from '../../src/db/schema.js';
import type { createTestContext } from './app.js';
import { createForumContext } from './forum.js';

export const HELP_CENTER = 'https://help.example.com';

/** A fresh app that allows HELP_CENTER to embed, with one category, members, a manager and an admin. */
export function createEmbedContext(embedOrigins: string[] = [HELP_CENTER]) {
  return createForumContext({ embedOrigins });
}

// Moderation states set directly, so these tests do not depend on the moderation services' API.
export function setThreadStatus(ctx: { db: Awaited<ReturnType<typeof createTestContext>>['db'] }, threadId: number, status: 'published' | 'pending' | 'rejected') {
  ctx.db.update(threads).set({ status }).where(eq(threads.id, threadId)).run();
}

export function setPost(ctx: { db: Awaited<ReturnType<typeof createTestContext>>['db'] }, postId: number, values: Partial<typeof posts.$inferInsert>) {
  ctx.db.update(posts).set(values).where(eq(posts.id, postId)).run();
}
