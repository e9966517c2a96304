import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread } from '../../src/demo/factories.js';
import { createForumContext, location } from '../helpers/forum.js';
import { unsafeContent, unsafePage } from '../security/html-safety.js';
import { CONTEXTS, MARKUP_PAYLOADS, URL_PAYLOADS, xssVectors } from '../security/xss-corpus.js';

// The XSS corpus through the real HTTP paths (the markdown worker included), checked the way a
// browser parses the result: post bodies, titles, usernames and search queries.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext({ embedOrigins: ['https://help.example.com'] });
});
afterAll(() => ctx.close());

const payloads = [...MARKUP_PAYLOADS, ...URL_PAYLOADS];

async function expectSafePage(path: string, label: string, options: { as?: { id: number } } = {}) {
  const response = await ctx.http.get(path, options);
  expect(response.status, `${label}: GET ${path}`).toBeLessThan(500);
  expect(unsafePage(await response.text()), `${label}: GET ${path}`).toEqual([]);
}

describe('post bodies', () => {
  it(`renders ${xssVectors().length} hostile posts inert on every page that shows them`, async () => {
    const vectors = xssVectors();
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Corpus thread', body: 'start' });
    const problems: string[] = [];
    for (const vector of vectors) {
      const response = await ctx.http.post(`/t/${threadId}/replies`, { body: vector.markdown }, { as: ctx.member });
      if (response.status !== 303) {
        // Only control characters are refused; the form comes back with the text, escaped.
        expect(response.status, vector.name).toBe(422);
        problems.push(...unsafePage(await response.text()).map((problem) => `${vector.name} (422 page): ${problem}`));
        continue;
      }
      const postId = Number(location(response).match(/#post-(\d+)/)?.[1]);
      const row = ctx.db.$client.prepare('select body_html as html from posts where thread_id = ? and number = ?').get(threadId, postId) as { html: string };
      problems.push(...unsafeContent(row.html).map((problem) => `${vector.name}: ${problem}`));
    }
    expect(problems).toEqual([]);
    expect(ctx.errors).toEqual([]);

    const count = (ctx.db.$client.prepare('select count(*) as n from posts where thread_id = ?').get(threadId) as { n: number }).n;
    for (let page = 1; page <= Math.ceil(count / 20); page++) {
      await expectSafePage(`/t/${threadId}/${slug}?page=${page}`, 'thread page');
      await expectSafePage(`/t/${threadId}/${slug}?page=${page}`, 'thread page, signed in', { as: ctx.other });
    }
    await expectSafePage(`/u/${ctx.member.username}`, 'profile');
    await expectSafePage(`/embed/t/${threadId}?origin=https://help.example.com`, 'embed frame');
    await expectSafePage(`/embed/t/${threadId}/fragment`, 'embed fragment');
    const api = (await (await ctx.http.get(`/api/v1/threads/${threadId}?page=2`)).json()) as { posts: { html: string | null }[] };
    expect(api.posts.flatMap((post) => unsafeContent(post.html ?? ''))).toEqual([]);
  }, 300_000);

  it('keeps what must survive: an https link, a relative link and an https image', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Benign links', body: 'x' });
    const response = await ctx.http.post(`/t/${threadId}/replies`, { body: '[docs](https://example.com/a) [here](/t/1) ![k](https://img.example.com/k.png)' }, { as: ctx.member });
    const number = Number(location(response).match(/#post-(\d+)/)?.[1]);
    const { html } = ctx.db.$client.prepare('select body_html as html from posts where thread_id = ? and number = ?').get(threadId, number) as { html: string };
    expect(html).toContain('href="https://example.com/a"');
    expect(html).toContain('href="/t/1"');
    expect(html).toContain('src="https://img.example.com/k.png"');
  });
});

describe('thread titles', () => {
  it('shows every payload as a title as text, on the thread, category, home and search pages', async () => {
    for (const payload of payloads) {
      const title = `T ${payload}`.slice(0, 150);
      const response = await ctx.http.post('/t', { category: 'kettles', title, body: 'title test' }, { as: ctx.member });
      expect(response.status, title).not.toBe(500);
      if (response.status !== 303) {
        expect(response.status, title).toBe(422);
        expect(unsafePage(await response.text()), title).toEqual([]);
        continue;
      }
      await expectSafePage(location(response), title);
    }
    await expectSafePage('/c/kettles', 'category');
    await expectSafePage('/c/kettles?sort=top', 'category, top');
    await expectSafePage('/', 'home');
    await expectSafePage('/search?q=onerror', 'search for titles');
    await expectSafePage('/search?q=script', 'search for titles');
    expect(ctx.errors).toEqual([]);
  }, 120_000);
});

describe('display names, bios and profile answers', () => {
  it('shows every payload as text on the profile, beside posts, in the embed and in the generated avatar', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Profile corpus thread', body: 'start' });
    for (const payload of payloads) {
      const response = await ctx.http.post('/account/profile', { displayName: payload.slice(0, 50), bio: payload }, { as: ctx.other });
      expect(response.status, payload).not.toBe(500);
      if (response.status !== 303) {
        expect(response.status, payload).toBe(422);
        expect(unsafePage(await response.text()), payload).toEqual([]);
        continue;
      }
      await expectSafePage(`/u/${ctx.other.username}`, `profile: ${payload}`);
      await expectSafePage(`/t/${threadId}/${slug}`, `thread page: ${payload}`);
      await expectSafePage(`/embed/t/${threadId}?origin=https://help.example.com`, `embed: ${payload}`);
      const svg = await (await ctx.http.get(`/u/${ctx.other.username}/avatar.svg`)).text();
      expect(svg.match(/<[a-z]+/g), payload).toEqual(['<svg', '<circle', '<text']);
    }
    expect(ctx.errors).toEqual([]);
  }, 120_000);
});

describe('usernames and login names', () => {
  it('refuses every payload as a username (never a 500) and re-shows it as text', async () => {
    for (const [index, payload] of payloads.entries()) {
      const response = await ctx.http.post('/signup', { username: payload, email: `x${index}@example.com`, password: 'a long enough password' });
      expect(response.status, payload).toBe(422);
      expect(unsafePage(await response.text()), payload).toEqual([]);
      // Each failed login verifies a dummy password hash on purpose (same work as a real one): a sample will do.
      if (index % 5 === 0) {
        const login = await ctx.http.post('/login', { login: payload, password: 'whatever it is' });
        expect(login.status, payload).toBeLessThan(500);
        expect(unsafePage(await login.text()), payload).toEqual([]);
      }
      await expectSafePage(`/u/${encodeURIComponent(payload)}`, 'profile of a payload');
    }
    expect(ctx.errors).toEqual([]);
  }, 120_000);
});

describe('search queries', () => {
  it('echoes every payload and every post context as text', async () => {
    const queries = [...payloads, ...Object.values(CONTEXTS).map((wrap) => wrap(MARKUP_PAYLOADS[3]!))];
    for (const query of queries) {
      await expectSafePage(`/search?q=${encodeURIComponent(query)}`, query);
      await expectSafePage(`/search?q=${encodeURIComponent(query)}&sort=new`, query, { as: ctx.member });
    }
    expect(ctx.errors).toEqual([]);
  }, 120_000);
});
