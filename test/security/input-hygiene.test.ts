import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread, makeUser } from '../../src/db/factories.js';
import { createApiKey } from '../../src/embed/api-keys.js';
import { createTestContext } from '../helpers/app.js';
import { createForumContext } from '../helpers/forum.js';

// What arrives malformed, oversized, look-alike or hostile gets a clear 4xx, and never a 500.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
  await makeUser(ctx.services, { username: 'admin' });
});
afterAll(() => ctx.close());

function api(path: string, init: RequestInit = {}) {
  return ctx.app.request(`${ctx.config.baseUrl}${path}`, init);
}

describe('request bodies', () => {
  it('refuses bodies over 1 MB with 413, for forms and for JSON', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    const form = await ctx.http.post('/t', { category: 'kettles', title: 'Too big a thread', body: big }, { as: ctx.member });
    expect(form.status).toBe(413);
    expect(await form.text()).toContain('larger than 1 MB');
    const { token } = createApiKey(ctx.services, ctx.admin, { name: 'Help center' });
    const json = await api('/api/v1/embed/threads', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'k', title: big, url: 'https://help.example.com/', category: 'kettles' }) });
    expect(json.status).toBe(413);
    expect(ctx.errors).toEqual([]);
  });

  it('answers malformed JSON to the API with a 400 JSON message', async () => {
    const { token } = createApiKey(ctx.services, ctx.admin, { name: 'Reporting' });
    for (const body of ['{"key": ', '\u0000', '{"key": "a", "title": }', '"just a string"']) {
      const response = await api('/api/v1/embed/threads', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
    }
  });
});

describe('look-alike usernames', () => {
  it.each(['ＡＤＭＩＮ', 'ａｄｍｉｎ', 'ad\u200bmin', 'ADMIN', 'Admin', '\u0430dmin', 'adm\u0456n', 'admin\u0301'])('refuses %j next to an existing "admin"', async (username) => {
    const response = await ctx.http.post('/signup', { username, email: `${encodeURIComponent(username)}@example.com`, password: 'a long enough password' });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/already taken|can only use letters/);
  });
});

describe('hostile markdown', () => {
  it('refuses or renders each bomb, and serves other requests while one renders', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Markdown bombs', body: 'x' });
    const bombs = ['>'.repeat(100_000), '['.repeat(100_000), '>'.repeat(49_999), '['.repeat(49_999), '- '.repeat(10_000).split(' ').join('\n  '), `|${'a|'.repeat(60)}\n|${'-|'.repeat(60)}\n${`|${'b|'.repeat(60)}\n`.repeat(500)}`.slice(0, 49_999), '*a'.repeat(24_999)];
    for (const bomb of bombs) {
      let rendered = false;
      const posting = Promise.resolve(ctx.http.post(`/t/${threadId}/replies`, { body: bomb }, { as: ctx.member })).then((response) => {
        rendered = true;
        return response;
      });
      // Another visitor's page is answered whether or not the bomb is still rendering.
      const page = await ctx.http.get(`/t/${threadId}/${slug}`);
      expect(page.status).toBe(200);
      const response = await posting;
      expect(rendered).toBe(true);
      expect([303, 422]).toContain(response.status);
    }
    expect((await ctx.http.get('/healthz')).status).toBe(200);
    expect(ctx.errors).toEqual([]);
  }, 120_000);
});

describe('the JSON API rate limit', () => {
  it('answers 429 JSON with Retry-After once an address has made 120 calls in a minute', async () => {
    const limited = await createTestContext({ rateLimit: true });
    const call = () => limited.app.request(`${limited.config.baseUrl}/api/v1/threads/1`);
    for (let i = 0; i < 120; i++) expect((await call()).status).toBe(404);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('Too many API requests');
    limited.clock.advance(60_000);
    expect((await call()).status).toBe(404);
    await limited.close();
  });
});
