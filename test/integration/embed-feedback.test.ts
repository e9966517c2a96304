import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread } from '../../src/demo/factories.js';
import { threadKeys } from '../../src/db/schema.js';
import { createEmbedContext, HELP_CENTER } from '../helpers/embed.js';
import { embedToken } from '../helpers/embed-session.js';

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;
let threadId: number;
let otherThreadId: number;
beforeAll(async () => {
  ctx = await createEmbedContext([HELP_CENTER]);
  ({ threadId } = await makeThread(ctx.services, ctx.manager, { category: 'kettles', title: 'Descaling your kettle', body: 'Use citric acid.' }));
  ({ threadId: otherThreadId } = await makeThread(ctx.services, ctx.manager, { category: 'kettles', title: 'Pairing the app', body: 'Hold the button.' }));
  ctx.db.insert(threadKeys).values({ key: 'kb-descaling', threadId, url: `${HELP_CENTER}/descaling`, createdAt: ctx.clock.now() }).run();
});
afterAll(() => ctx.close());

type Answer = { html?: string; error?: { message: string } };
const answers = (id: number) => ctx.db.$client.prepare('select helpful, comment, user_id as userId, embed_key as embedKey from thread_feedback where thread_id = ? order by id').all(id);

function send(id: number, form: Record<string, string>, options: { token?: string; origin?: string } = {}) {
  return ctx.http.post(`/embed/t/${id}/feedback?origin=${encodeURIComponent(HELP_CENTER)}`, form, {
    headers: { accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.origin ? { origin: options.origin } : {}) },
  });
}

describe('"Did you find your answer?" in the frame', () => {
  it('is in every thread frame, the same for everyone, carrying the article key only in a keyed frame', async () => {
    const keyed = await (await ctx.http.get(`/embed/k/kb-descaling?origin=${encodeURIComponent(HELP_CENTER)}`)).text();
    expect(keyed).toContain('Did you find your answer?');
    expect(keyed).toContain(`action="/embed/t/${threadId}/feedback"`);
    expect(keyed).toContain('name="key" value="kb-descaling"');
    expect(keyed).not.toContain('name="token"');
    const plain = await (await ctx.http.get(`/embed/t/${otherThreadId}?origin=${encodeURIComponent(HELP_CENTER)}`)).text();
    expect(plain).toContain(`action="/embed/t/${otherThreadId}/feedback"`);
    expect(plain).not.toContain('name="key"');
  });

  it('records an anonymous answer with the article key, and the token in the answer changes it', async () => {
    const first = await send(threadId, { helpful: 'no', key: 'kb-descaling' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const { html } = (await first.json()) as Answer;
    expect(html).toContain('What was missing? (optional)');
    expect(html).toContain('name="key" value="kb-descaling"');
    const token = /name="token" value="([^"]+)"/.exec(html!)![1]!;
    expect((await send(threadId, { helpful: 'no', key: 'kb-descaling', token, comment: 'Which acid, how much?' })).status).toBe(200);
    expect(answers(threadId)).toEqual([{ helpful: 0, comment: 'Which acid, how much?', userId: null, embedKey: 'kb-descaling' }]);
  });

  it("ties a signed-in frame's answer to the member, and ignores a key that names another thread", async () => {
    const token = await embedToken(ctx, ctx.member);
    expect((await send(otherThreadId, { helpful: 'yes', key: 'kb-descaling' }, { token })).status).toBe(200);
    expect((await send(otherThreadId, { helpful: 'no' }, { token })).status).toBe(200);
    expect(answers(otherThreadId)).toEqual([{ helpful: 0, comment: null, userId: ctx.member.id, embedKey: null }]);
  });

  it('keeps the article key in the thread a reply in the frame brings back', async () => {
    const token = await embedToken(ctx, ctx.other);
    const reply = (key: string) =>
      ctx.http.post(`/embed/t/${threadId}/replies?origin=${encodeURIComponent(HELP_CENTER)}`, { body: `Mine needed two rounds of acid (${key}).`, submission: `feedback-key-${key}`, key }, { headers: { authorization: `Bearer ${token}` } });
    const keyed = (await (await reply('kb-descaling')).json()) as Answer;
    expect(keyed.html).toContain('name="key" value="kb-descaling"');
    // A key of nothing, or of another thread, is dropped.
    ctx.db.insert(threadKeys).values({ key: 'kb-pairing', threadId: otherThreadId, url: `${HELP_CENTER}/pairing`, createdAt: ctx.clock.now() }).run();
    ctx.clock.advance(60_000);
    const other = (await (await reply('kb-pairing')).json()) as Answer;
    expect(other.html).toContain(`action="/embed/t/${threadId}/feedback"`);
    expect(other.html).not.toContain('name="key"');
  });

  it('refuses what does not come from the frame, and missing threads, as JSON', async () => {
    const before = answers(threadId);
    const crossSite = await send(threadId, { helpful: 'yes' }, { origin: HELP_CENTER });
    // The embedding page's own requests are refused (the app's cross-site check, then the route's).
    expect(crossSite.status).toBe(403);
    const missing = await send(999_999, { helpful: 'yes' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Answer).error?.message).toBeTruthy();
    expect(answers(threadId)).toEqual(before);
  });
});
