import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread, makeUser } from '../../src/demo/factories.js';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { loadConfig } from '../../src/config.js';
import { createApiKey } from '../../src/embed/api-keys.js';
import { createTestContext } from '../helpers/app.js';
import { createForumContext } from '../helpers/forum.js';
import { serveWithCachedPages } from '../helpers/server.js';

// What arrives malformed, oversized, look-alike or hostile gets a clear 4xx, and never a 500.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
  await makeUser(ctx.services, { username: 'admin' });
});
afterAll(() => ctx.close());

async function cookieFor(userId: number): Promise<string> {
  return `${SESSION_COOKIE}=${createSession(ctx.db, userId, ctx.clock.now()).token}`;
}

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
    expect(((await json.json()) as { error: { message: string } }).error.message).toContain('larger than 1 MB');
    expect(ctx.errors).toEqual([]);
  });

  it('judges a body by its declared length, and still counts one sent in chunks', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    const declared = await ctx.app.request(`${ctx.config.baseUrl}/t`, {
      method: 'POST',
      headers: { cookie: await cookieFor(ctx.member.id), origin: ctx.config.baseUrl, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length + 40) },
      body: `category=kettles&title=Declared&body=${big}`,
    });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain('larger than 1 MB');

    // Over a real socket, where @hono/node-server reads a declared body straight from the Node
    // request: a normal form arrives whole, an oversized one is refused, a chunked one is counted.
    const served = await serveWithCachedPages(ctx);
    try {
      const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Bodies over a socket', body: 'Opening' });
      const headers = { cookie: await cookieFor(ctx.other.id), origin: served.base, 'content-type': 'application/x-www-form-urlencoded' };
      const text = `A reply read from the socket: ${'é'.repeat(2000)} & more`;
      const reply = await fetch(`${served.base}/t/${thread.threadId}/replies`, { method: 'POST', headers, body: new URLSearchParams({ body: text }), redirect: 'manual' });
      expect(reply.status).toBe(303);
      const stored = ctx.db.$client.prepare('select body from posts where thread_id = ? and number = 2').pluck().get(thread.threadId);
      expect(stored).toBe(text);

      const oversized = await fetch(`${served.base}/t/${thread.threadId}/replies`, { method: 'POST', headers, body: new URLSearchParams({ body: big }), redirect: 'manual' });
      expect(oversized.status).toBe(413);
      expect(await oversized.text()).toContain('larger than 1 MB');

      const chunks = [new TextEncoder().encode('body='), new TextEncoder().encode(big)];
      const stream = new ReadableStream<Uint8Array>({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()) });
      const chunked = await fetch(`${served.base}/t/${thread.threadId}/replies`, { method: 'POST', headers, body: stream, duplex: 'half', redirect: 'manual' } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(ctx.db.$client.prepare('select count(*) from posts where thread_id = ?').pluck().get(thread.threadId)).toBe(2);
    } finally {
      await served.close();
    }
    expect(ctx.errors).toEqual([]);
  });

  it('decodes an urlencoded form as browsers encode it: plus signs, escapes, stray percents, the last of repeated fields', async () => {
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Encoded replies', body: 'Opening' });
    const reply = await ctx.app.request(`${ctx.config.baseUrl}/t/${thread.threadId}/replies`, {
      method: 'POST',
      headers: { cookie: await cookieFor(ctx.other.id), origin: ctx.config.baseUrl, 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: 'body=ignored&body=A+reply%3A+caf%C3%A9+%26+%F0%9F%94%A5+50%25+off%2C+100%+sure%ZZ%0D%0Anext+line',
    });
    expect(reply.status).toBe(303);
    const stored = ctx.db.$client.prepare('select body from posts where thread_id = ? and number = 2').pluck().get(thread.threadId);
    expect(stored).toBe('A reply: café & 🔥 50% off, 100% sure%ZZ\nnext line');
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
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Markdown bombs', body: 'x' });
    const quiet = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'An ordinary thread', body: 'nothing special' });
    const bombs = ['>'.repeat(100_000), '['.repeat(100_000), '>'.repeat(49_999), '['.repeat(49_999), '- '.repeat(10_000).split(' ').join('\n  '), `|${'a|'.repeat(60)}\n|${'-|'.repeat(60)}\n${`|${'b|'.repeat(60)}\n`.repeat(500)}`.slice(0, 49_999), '*a'.repeat(24_999)];
    const markdown = ctx.services.markdown;
    const render = markdown.render.bind(markdown);
    let rendered = 0;
    try {
      for (const bomb of bombs) {
        // Told when the app hands this bomb to the renderer, and when the renderer is done with it.
        let renderStarted!: () => void;
        const started = new Promise<'rendering'>((resolve) => (renderStarted = () => resolve('rendering')));
        let renderDone = false;
        markdown.render = (text) => {
          const result = render(text);
          void result.then(() => (renderDone = true), () => (renderDone = true));
          renderStarted();
          return result;
        };
        const order: string[] = [];
        const posting = Promise.resolve(ctx.http.post(`/t/${threadId}/replies`, { body: bomb }, { as: ctx.member })).then((response) => (order.push('hostile post'), response));
        if ((await Promise.race([started, posting.then(() => 'answered')])) === 'rendering') {
          rendered += 1;
          // Another visitor's page, asked for while the bomb renders, is answered before the bomb's post.
          const page = await Promise.resolve(ctx.http.get(`/t/${quiet.threadId}/${quiet.slug}`)).then((response) => (order.push('page'), response));
          expect(page.status).toBe(200);
          expect(renderDone, 'the page waited for the renderer').toBe(false);
          await posting;
          expect(order).toEqual(['page', 'hostile post']);
        }
        const response = await posting;
        expect([303, 422]).toContain(response.status);
        if (bomb.length > 50_000) expect(response.status).toBe(422);
      }
    } finally {
      markdown.render = render;
    }
    expect(rendered).toBe(5);
    expect((await ctx.http.get('/healthz')).status).toBe(200);
    expect(ctx.errors).toEqual([]);
  }, 120_000);
});

describe('text is stored as it is meant', () => {
  it('stores titles and bodies in NFC: a decomposed é comes back composed', async () => {
    const title = 'Cafe\u0301 kettle for cre\u0300me bru\u0302le\u0301e';
    const body = 'The re\u0301sume\u0301 of my descaling attempts';
    const response = await ctx.http.post('/t', { category: 'kettles', title, body }, { as: ctx.member });
    expect(response.status).toBe(303);
    const threadId = Number(response.headers.get('location')!.split('/')[2]);
    const stored = ctx.db.$client.prepare('select t.title, p.body from threads t join posts p on p.thread_id = t.id and p.number = 1 where t.id = ?').get(threadId) as { title: string; body: string };
    expect(stored).toEqual({ title: 'Caf\u00e9 kettle for cr\u00e8me br\u00fbl\u00e9e', body: 'The r\u00e9sum\u00e9 of my descaling attempts' });
    const page = await (await ctx.http.get(response.headers.get('location')!)).text();
    expect(page).toContain('Caf\u00e9 kettle for cr\u00e8me br\u00fbl\u00e9e');
    expect(page).not.toContain('e\u0301');
  });

  it('refuses a title with a lone surrogate (422), keeping the text in the form', async () => {
    // Browsers send a lone surrogate as U+FFFD; a hand-made body sends its bytes (WTF-8), which the
    // form parser also reads as U+FFFD. Both are refused, and the rest of what was typed comes back.
    const raw = 'category=kettles&title=Descaling%20%ED%A0%80%20question&body=keep%20this%20body%20text';
    const bytes = await ctx.app.request(`${ctx.config.baseUrl}/t`, {
      method: 'POST',
      body: raw,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ctx.config.baseUrl, cookie: await cookieFor(ctx.member.id) },
    });
    const browser = await ctx.http.post('/t', { category: 'kettles', title: 'Descaling \ud800 question', body: 'keep this body text' }, { as: ctx.member });
    for (const response of [bytes, browser]) {
      expect(response.status).toBe(422);
      const page = await response.text();
      expect(page).toContain('could not be read');
      expect(page).toContain('keep this body text');
      expect(page).toMatch(/value="Descaling \ufffd+ question"/);
    }
    // The JSON API can carry a real lone surrogate (a JSON escape): refused too.
    const { token } = createApiKey(ctx.services, ctx.admin, { name: 'Surrogates' });
    const json = await api('/api/v1/embed/threads', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"key":"lone-surrogate","title":"Descaling \\ud800 question","url":"https://help.example.com/a","category":"kettles"}' });
    expect(json.status).toBe(422);
    expect(((await json.json()) as { error: { fields: Record<string, string> } }).error.fields['title']).toContain('invisible control characters');
    expect(ctx.db.$client.prepare("select count(*) as n from threads where title like 'Descaling%'").get()).toEqual({ n: 0 });
  });
});

describe('privacy and transport headers', () => {
  it('sends Referrer-Policy on every HTML page, signed in or not, errors included', async () => {
    for (const response of [await ctx.http.get('/'), await ctx.http.get('/c/kettles'), await ctx.http.get('/account', { as: ctx.member }), await ctx.http.get('/no-such-page')]) {
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('sends HSTS when BASE_URL is https, and not over plain http', async () => {
    const { baseUrl, secureCookies } = loadConfig({ BASE_URL: 'https://forum.example.com' });
    const secure = await createTestContext({ baseUrl, secureCookies });
    for (const path of ['/', '/login', '/no-such-page']) {
      expect((await secure.http.get(path)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    }
    await secure.close();
    expect((await ctx.http.get('/')).headers.get('strict-transport-security')).toBeNull();
  });
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
