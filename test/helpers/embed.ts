import { eq } from 'drizzle-orm';
import { makeCategory, makeUser } from '../../src/db/factories.js';
import { posts, threads } from '../../src/db/schema.js';
import { createTestContext } from './app.js';

export const HELP_CENTER = 'https://help.example.com';

/** A fresh app that allows HELP_CENTER to embed, with one category, members, a manager and an admin. */
export async function createEmbedContext(embedOrigins: string[] = [HELP_CENTER]) {
  const ctx = await createTestContext({ embedOrigins });
  const category = makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing, descaling, the app.' });
  const [member, other, manager, admin] = await Promise.all([
    makeUser(ctx.services, { username: 'alice' }),
    makeUser(ctx.services, { username: 'bob' }),
    makeUser(ctx.services, { username: 'mia', role: 'manager' }),
    makeUser(ctx.services, { username: 'ada', role: 'admin' }),
  ]);
  return { ...ctx, category, member, other, manager, admin };
}

// Moderation states set directly, so these tests do not depend on the moderation services' API.
export function setThreadStatus(ctx: { db: Awaited<ReturnType<typeof createTestContext>>['db'] }, threadId: number, status: 'published' | 'pending' | 'rejected') {
  ctx.db.update(threads).set({ status }).where(eq(threads.id, threadId)).run();
}

export function setPost(ctx: { db: Awaited<ReturnType<typeof createTestContext>>['db'] }, postId: number, values: Partial<typeof posts.$inferInsert>) {
  ctx.db.update(posts).set(values).where(eq(posts.id, postId)).run();
}
