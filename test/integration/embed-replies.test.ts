import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_SESSION_COOKIE } from '../../src/auth/embed-session.js';
import { makeCategory, makeThread } from '../../src/demo/factories.js';
import { posts, threads, users } from '../../src/db/schema.js';
import { createEmbedContext, HELP_CENTER } from '../helpers/embed.js';
import { embedToken } from '../helpers/embed-session.js';
import { location } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;
let threadId: number;
let heldThreadId: number;
let aliceToken: string;
const OTHER_ALLOWED = 'https://docs.example.org';
const ORIGIN = encodeURIComponent(HELP_CENTER);

beforeAll(async () => {
  ctx = await createEmbedContext([HELP_CENTER, OTHER_ALLOWED]);
  ({ threadId } = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Kettle switches off early', body: 'It stops at 90 °C.' }));
  makeCategory(ctx.services, { name: 'Held', slug: 'held', moderation: 'all' });
  ({ threadId: heldThreadId } = await makeThread(ctx.services, ctx.manager, { category: 'held', title: 'Every reply is reviewed here', body: 'Ask away.' }));
  aliceToken = await embedToken(ctx, ctx.member);
});
afterAll(() => ctx.close());

type Answer = { status?: string; notice?: string; html?: string; error?: { message: string; signIn?: boolean } };

function reply(id: number, form: Record<string, string>, options: { token?: string | null; origin?: string; headers?: Record<string, string> } = {}) {
  const token = options.token === undefined ? aliceToken : options.token;
  return ctx.http.post(`/embed/t/${id}/replies?origin=${encodeURIComponent(options.origin ?? HELP_CENTER)}`, form, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
  });
}

const bodies = (id: number) => ctx.db.select({ body: posts.body, status: posts.status }).from(posts).where(eq(posts.threadId, id)).all();

describe('replying inside the frame', () => {
  it('posts through the same rules and gives the frame the thread with the new reply', async () => {
    const response = await reply(threadId, { body: 'Descaling with citric acid fixed mine.', submission: 'frame-submission-0001' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const answer = (await response.json()) as Answer;
    expect(answer).toMatchObject({ status: 'published', notice: 'Your reply is posted.' });
    expect(answer.html).toContain('Descaling with citric acid fixed mine.');
    expect(answer.html).toContain('class="embed-compose"');
    // And it is in the community, by alice.
    const page = await (await ctx.http.get(location(await ctx.http.get(`/t/${threadId}`)))).text();
    expect(page).toContain('Descaling with citric acid fixed mine.');
    const author = ctx.db.select({ username: users.username }).from(posts).innerJoin(users, eq(users.id, posts.authorId)).where(and(eq(posts.threadId, threadId), eq(posts.number, 2))).get();
    expect(author?.username).toBe('alice');
  });

  it('posts a form sent twice once', async () => {
    const before = bodies(threadId).length;
    for (let attempt = 0; attempt < 2; attempt++) expect((await reply(threadId, { body: 'Sent twice by a double click.', submission: 'frame-submission-0002' })).status).toBe(200);
    expect(bodies(threadId).length).toBe(before + 1);
  });

  it('works with the partitioned cookie alone', async () => {
    const response = await ctx.http.post(`/embed/t/${threadId}/replies?origin=${ORIGIN}`, { body: 'Sent with the frame cookie.' }, { cookie: `${EMBED_SESSION_COOKIE}=${aliceToken}` });
    expect(response.status).toBe(200);
  });

  it('holds a reply where the category reviews replies, and says so', async () => {
    const answer = (await (await reply(heldThreadId, { body: 'Does the KT-200 have a descaling mode?' })).json()) as Answer;
    expect(answer.status).toBe('pending');
    expect(answer.notice).toContain('once a moderator has looked at it');
    expect(answer.html).not.toContain('Does the KT-200 have a descaling mode?');
    expect(bodies(heldThreadId)).toContainEqual({ body: 'Does the KT-200 have a descaling mode?', status: 'pending' });
  });

  it('refuses an empty reply with 422 and the reason, so the frame keeps the text box as it was', async () => {
    const response = await reply(threadId, { body: '   ' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Answer).error?.message).toBeTruthy();
  });

  it('refuses a locked thread and a silenced member', async () => {
    ctx.db.update(threads).set({ locked: true }).where(eq(threads.id, heldThreadId)).run();
    const locked = await reply(heldThreadId, { body: 'Too late for this one.' });
    expect(locked.status).toBe(403);
    ctx.db.update(threads).set({ locked: false }).where(eq(threads.id, heldThreadId)).run();
    ctx.db.update(users).set({ silencedUntil: ctx.clock.now() + 86_400_000 }).where(eq(users.id, ctx.member.id)).run();
    try {
      const silenced = await reply(threadId, { body: 'Silenced members cannot post.' });
      expect(silenced.status).toBe(403);
      expect(bodies(threadId).map((post) => post.body)).not.toContain('Silenced members cannot post.');
    } finally {
      ctx.db.update(users).set({ silencedUntil: null }).where(eq(users.id, ctx.member.id)).run();
    }
  });

  it('asks to sign in without a session, and for another origin’s session', async () => {
    for (const response of [await reply(threadId, { body: 'Nobody signed in.' }, { token: null }), await reply(threadId, { body: 'Wrong frame.' }, { origin: OTHER_ALLOWED })]) {
      expect(response.status).toBe(401);
      expect(((await response.json()) as Answer).error).toMatchObject({ signIn: true });
    }
    expect(bodies(threadId).map((post) => post.body)).not.toContain('Wrong frame.');
  });

  it('refuses a reply that does not come from the frame (CSRF), whatever its content type', async () => {
    for (const headers of [{ origin: HELP_CENTER }, { origin: 'https://evil.example.net' }]) {
      const response = await ctx.app.request(`${ctx.config.baseUrl}/embed/t/${threadId}/replies?origin=${ORIGIN}`, {
        method: 'POST',
        body: 'body=Forged+from+the+host+page',
        headers: { ...headers, 'content-type': 'text/plain', cookie: `${EMBED_SESSION_COOKIE}=${aliceToken}` },
      });
      expect(response.status).toBe(403);
    }
    const noOrigin = await ctx.app.request(`${ctx.config.baseUrl}/embed/t/${threadId}/replies?origin=${ORIGIN}`, {
      method: 'POST',
      body: 'body=Forged+without+origin',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${aliceToken}` },
    });
    expect(noOrigin.status).toBe(403);
    expect(bodies(threadId).map((post) => post.body).filter((body) => body.startsWith('Forged'))).toEqual([]);
  });

  it('shows the frame the sign-in offer and reply box for the script to use, but no token', async () => {
    const page = await (await ctx.http.get(`/embed/t/${threadId}?origin=${ORIGIN}`)).text();
    expect(page).toContain('data-action="sign-in"');
    expect(page).toContain('Sign in to reply');
    expect(page).not.toMatch(/data-code|Bearer/);
  });
});
