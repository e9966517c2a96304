import { expect } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createTestContext } from './app.js';
import { location } from './forum.js';

// Review items made the way members make them: a thread started in a category where everyone
// waits (`POST /t`), and flags filed on the post page (`POST /p/:id/flag`).

export type ModerationContext = Awaited<ReturnType<typeof createModerationContext>>;

/**
 * Like createForumContext (category `kettles`; alice, bob, mia the manager, ada the admin) plus a
 * pre-moderated category (`grinders`, moderation "all") and two more members. Rate limits are off:
 * these tests post and flag far faster than a person would, and limits have their own tests.
 */
export async function createModerationContext() {
  const base = await createTestContext({ rateLimit: false });
  const category = makeCategory(base.services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing, descaling, the app.' });
  const [member, other, manager, admin] = await Promise.all([
    makeUser(base.services, { username: 'alice' }),
    makeUser(base.services, { username: 'bob' }),
    makeUser(base.services, { username: 'mia', role: 'manager' }),
    makeUser(base.services, { username: 'ada', role: 'admin' }),
  ]);
  const ctx = { ...base, category, member, other, manager, admin };
  const strict = makeCategory(ctx.services, { name: 'Coffee Grinders', slug: 'grinders', moderation: 'all' });
  const [carol, dave] = await Promise.all([makeUser(ctx.services, { username: 'carol' }), makeUser(ctx.services, { username: 'dave' })]);
  const row = <T>(query: string, ...params: unknown[]) => ctx.db.$client.prepare(query).get(...params) as T;
  const rows = <T>(query: string, ...params: unknown[]) => ctx.db.$client.prepare(query).all(...params) as T[];

  /** A member's new thread that waits for approval; returns its ids and its open review item. */
  async function pendingThread(author: SignedIn, title: string, body = 'Is a conical burr worth it for espresso?', category = 'grinders') {
    const response = await ctx.http.post('/t', { category, title, body }, { as: author });
    expect(response.status).toBe(303);
    const threadId = Number(location(response).split('/')[2]);
    const postId = row<{ id: number }>('select id from posts where thread_id = ? and number = 1', threadId).id;
    const itemId = row<{ id: number }>("select id from review_items where post_id = ? and kind = 'approval' and status = 'open'", postId).id;
    return { threadId, postId, itemId, path: location(response) };
  }

  /** A published thread in the open category (`kettles`). */
  async function publishedThread(author: SignedIn, title: string, body = 'My kettle clicks off at 90 °C.') {
    const created = await makeThread(ctx.services, author, { category: 'kettles', title, body });
    return { ...created, path: `/t/${created.threadId}/${created.slug}` };
  }

  async function flag(flagger: SignedIn, postId: number, reason = 'spam', note = '') {
    const response = await ctx.http.post(`/p/${postId}/flag`, { reason, note }, { as: flagger });
    expect(response.status).toBe(303);
    return row<{ id: number }>("select id from review_items where post_id = ? and kind = 'flag' and status = 'open'", postId).id;
  }

  return { ...ctx, strict, carol, dave, row, rows, pendingThread, publishedThread, flag };
}
