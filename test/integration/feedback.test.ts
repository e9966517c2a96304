import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { createTestContext } from '../helpers/app.js';
import { createForumContext } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Kettle questions', slug: 'help', kind: 'questions' });
});
afterAll(() => ctx.close());

async function solvedQuestion(title = 'Why does my kettle click off early?') {
  const thread = await makeThread(ctx.services, ctx.member, { category: 'help', title, body: 'It stops at 90 °C.' });
  const reply = await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Descale it with citric acid.' });
  expect((await ctx.http.post(`/p/${reply.postId}/accept`, {}, { as: ctx.member })).status).toBe(303);
  return { ...thread, path: `/t/${thread.threadId}/${thread.slug}` };
}

type Row = { helpful: number; comment: string | null; userId: number | null; tokenId: string | null; embedKey: string | null };
const answers = (threadId: number) =>
  ctx.db.$client.prepare('select helpful, comment, user_id as userId, token_id as tokenId, embed_key as embedKey from thread_feedback where thread_id = ? order by id').all(threadId) as Row[];
const tokenIn = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1];

describe('POST /t/:id/feedback', () => {
  it('records an anonymous answer, gives the token only in the uncached response, and a replayed token changes that answer', async () => {
    const q = await solvedQuestion();
    const first = await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    expect(first.headers.get('set-cookie')).toBeNull();
    const html = await first.text();
    expect(html).toContain('Thank you for telling us.');
    expect(html).toContain('What was missing? (optional)');
    const token = tokenIn(html)!;
    expect(token).toBeTruthy();
    expect(answers(q.threadId)).toEqual([{ helpful: 0, comment: null, userId: null, tokenId: token.split('.')[0], embedKey: null }]);
    const again = await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no', token, comment: '  The firmware step is <b>missing</b>.  ' });
    expect(again.status).toBe(200);
    const shown = await again.text();
    // Member text is escaped wherever it is shown.
    expect(shown).toContain('The firmware step is &lt;b&gt;missing&lt;/b&gt;.');
    const changed = await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'yes', token });
    expect(changed.status).toBe(200);
    expect(answers(q.threadId)).toEqual([{ helpful: 1, comment: 'The firmware step is <b>missing</b>.', userId: null, tokenId: token.split('.')[0], embedKey: null }]);
    // Without a token it is another reader's answer.
    await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no' });
    expect(answers(q.threadId)).toHaveLength(2);
  });

  it("keeps one answer per member: a second answer changes theirs", async () => {
    const q = await solvedQuestion('Is the lid dishwasher safe?');
    expect((await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'yes' }, { as: ctx.other })).status).toBe(200);
    const second = await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no', comment: 'Only the top rack?' }, { as: ctx.other });
    expect(second.status).toBe(200);
    expect(tokenIn(await second.text())).toBeUndefined();
    expect(answers(q.threadId)).toEqual([{ helpful: 0, comment: 'Only the top rack?', userId: ctx.other.id, tokenId: null, embedKey: null }]);
  });

  it('refuses a forged, altered, other-thread or expired token with a clear message, keeping the comment', async () => {
    const q = await solvedQuestion('Why is the water cloudy?');
    const other = await solvedQuestion('Why is the base warm?');
    const token = tokenIn(await (await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'yes' })).text())!;
    const [id, thread, expiry, mac] = token.split('.');
    for (const bad of [`${id}.${thread}.${Number(expiry) + 3_600_000}.${mac}`, `${id}.${thread}.${expiry}.${'A'.repeat(43)}`, 'nonsense']) {
      const refused = await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no', token: bad, comment: 'Still cloudy.' });
      expect(refused.status).toBe(400);
      const html = await refused.text();
      expect(html).toContain('This answer form is not valid any more.');
      expect(html).toContain('Still cloudy.');
    }
    expect((await ctx.http.post(`/t/${other.threadId}/feedback`, { helpful: 'no', token })).status).toBe(400);
    ctx.clock.advance(60 * 60_000 + 1);
    const expired = await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no', token, comment: 'Still cloudy.' });
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('This answer form has expired (they last an hour).');
    expect(answers(q.threadId)).toEqual([expect.objectContaining({ helpful: 1, comment: null })]);
    expect(answers(other.threadId)).toEqual([]);
  });

  it('limits the comment to 500 characters and needs Yes or No, keeping the text', async () => {
    const q = await solvedQuestion('How do I reset the app?');
    const long = 'é'.repeat(501);
    const refused = await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no', comment: long }, { as: ctx.member });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Please shorten your comment to 500 characters or fewer.');
    expect(html).toContain(long);
    const json = await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'maybe' }, { as: ctx.member, headers: { accept: 'application/json' } });
    expect(json.status).toBe(422);
    expect(((await json.json()) as { error: { message: string } }).error.message).toBe('Choose Yes or No.');
    expect(answers(q.threadId)).toEqual([]);
    expect((await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no', comment: ` ${'é'.repeat(500)} ` }, { as: ctx.member })).status).toBe(200);
    expect(answers(q.threadId)[0]!.comment).toBe('é'.repeat(500));
  });

  it('refuses answers on hidden, unpublished and missing threads', async () => {
    const hidden = await solvedQuestion('A hidden question');
    ctx.db.$client.prepare('update posts set hidden_at = ? where thread_id = ? and number = 1').run(ctx.clock.now(), hidden.threadId);
    const pending = await solvedQuestion('A waiting question');
    ctx.db.$client.prepare("update threads set status = 'pending' where id = ?").run(pending.threadId);
    for (const id of [hidden.threadId, pending.threadId, 999_999]) {
      expect((await ctx.http.post(`/t/${id}/feedback`, { helpful: 'yes' })).status).toBe(404);
      expect((await ctx.http.post(`/t/${id}/feedback`, { helpful: 'yes' }, { as: ctx.other })).status).toBe(404);
    }
    expect(answers(hidden.threadId)).toEqual([]);
    expect(answers(pending.threadId)).toEqual([]);
  });
});

describe('the box on the thread page', () => {
  it('sits once, under a solved question’s accepted answer, with no token; answers leave the cached anonymous page byte for byte', async () => {
    const q = await solvedQuestion('Does descaling void the warranty?');
    const get = async () => {
      const response = await ctx.http.get(q.path);
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')![1]!;
      return { etag: response.headers.get('etag'), cacheControl: response.headers.get('cache-control'), text: (await response.text()).replaceAll(nonce, 'N') };
    };
    const before = await get();
    expect(before.cacheControl).toContain('public');
    expect(before.text.match(/class="feedback-box"/g)).toHaveLength(1);
    expect(before.text).toMatch(/<aside class="accepted-answer"[\s\S]*action="\/t\/\d+\/feedback"[\s\S]*<\/aside>/);
    expect(before.text).toContain('<script src="/static/feedback.js"');
    expect(before.text).not.toContain('name="token"');
    const token = tokenIn(await (await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no' })).text())!;
    await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'no', token, comment: 'Say which descaler.' });
    await ctx.http.post(`/t/${q.threadId}/feedback`, { helpful: 'yes' }, { as: ctx.other });
    expect(await get()).toEqual(before);
    // A discussion thread, or an unsolved question, asks nothing.
    const open = await makeThread(ctx.services, ctx.member, { category: 'help', title: 'Is there a travel kettle?', body: 'Small.' });
    expect(await (await ctx.http.get(`/t/${open.threadId}/${open.slug}`)).text()).not.toContain('feedback-box');
  });
});

describe('the hourly limit on anonymous answers', () => {
  it('allows 20 answers an hour from one address, then says when to try again', async () => {
    const limited = await createTestContext({ rateLimit: true });
    try {
      makeCategory(limited.services, { name: 'Help', slug: 'help', kind: 'questions' });
      const asker = await makeUser(limited.services, { username: 'alice' });
      const thread = await makeThread(limited.services, asker, { category: 'help', title: 'Why does it beep?', body: 'Three beeps.' });
      for (let i = 0; i < 20; i++) expect((await limited.http.post(`/t/${thread.threadId}/feedback`, { helpful: 'yes' })).status).toBe(200);
      const refused = await limited.http.post(`/t/${thread.threadId}/feedback`, { helpful: 'no', comment: 'Nothing about beeps.' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const html = await refused.text();
      expect(html).toContain('Many answers have come from your network in the last hour.');
      expect(html).toContain('Nothing about beeps.');
      // Members are not limited by address: their answer is one per thread anyway.
      expect((await limited.http.post(`/t/${thread.threadId}/feedback`, { helpful: 'no' }, { as: asker })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
