import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { apiKeys, embedOrigins, modLog, threadKeys, threads } from '../../src/db/schema.js';
import { attachThreadKey } from '../../src/embed/thread-keys.js';
import { location } from '../helpers/forum.js';
import { createEmbedContext, HELP_CENTER, setPost, setThreadStatus } from '../helpers/embed.js';

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;
let thread: { threadId: number; slug: string; postId: number };
let secrets: { pendingReply: number; hiddenReply: number; deletedReply: number; rejectedReply: number };
let pendingThreadId: number;

const ORIGIN = encodeURIComponent(HELP_CENTER);
const frame = (path: string, origin = ORIGIN) => `${path}${path.includes('?') ? '&' : '?'}origin=${origin}`;

beforeAll(async () => {
  ctx = await createEmbedContext();
  ctx.db.insert(embedOrigins).values({ origin: 'https://docs.example.org', createdById: ctx.admin.id, createdAt: ctx.clock.now() }).run();
  const created = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Kettle switches off before boiling', body: 'It stops at **90 °C**. See [the manual](/t/1).' });
  thread = created;
  const visible = await makeReply(ctx.services, ctx.other, { threadId: created.threadId, body: 'Descaling fixed it for me.' });
  const texts = ['PENDING-REPLY-TEXT', 'HIDDEN-REPLY-TEXT', 'DELETED-REPLY-TEXT', 'REJECTED-REPLY-TEXT'];
  const ids: number[] = [];
  for (const body of texts) ids.push((await makeReply(ctx.services, ctx.other, { threadId: created.threadId, body })).postId);
  const [pendingReply, hiddenReply, deletedReply, rejectedReply] = ids as [number, number, number, number];
  secrets = { pendingReply, hiddenReply, deletedReply, rejectedReply };
  setPost(ctx, pendingReply, { status: 'pending', number: null });
  setPost(ctx, hiddenReply, { hiddenAt: ctx.clock.now(), hiddenReason: 'HIDDEN-REASON' });
  setPost(ctx, deletedReply, { deletedAt: ctx.clock.now() });
  setPost(ctx, rejectedReply, { status: 'rejected', number: null });
  ctx.db.update(threads).set({ solvedPostId: visible.postId }).where(eq(threads.id, created.threadId)).run();
  const pending = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'PENDING-THREAD-TITLE here', body: 'PENDING-THREAD-BODY' });
  pendingThreadId = pending.threadId;
  setThreadStatus(ctx, pendingThreadId, 'pending');
});
afterAll(() => ctx.close());

function expectNoSecrets(page: string) {
  for (const text of ['PENDING-REPLY-TEXT', 'HIDDEN-REPLY-TEXT', 'HIDDEN-REASON', 'DELETED-REPLY-TEXT', 'REJECTED-REPLY-TEXT', 'PENDING-THREAD']) {
    expect(page).not.toContain(text);
  }
}

describe('headers', () => {
  it('frames may be framed by the allowed origins only, and are not indexed', async () => {
    const response = await ctx.http.get(frame(`/embed/t/${thread.threadId}`), { as: ctx.member });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${HELP_CENTER} https://docs.example.org`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('etag')).toBeTruthy();
    // Even a signed-in member's request gets the anonymous page and no cookie: it is cacheable.
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(page).toContain(`<link rel="canonical" href="${ctx.config.baseUrl}/t/${thread.threadId}/${thread.slug}">`);
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain(`data-host-origin="${HELP_CENTER}"`);
    expect(page).not.toContain('<script>');
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)'/.exec(response.headers.get('content-security-policy')!)?.[1];
    expect(nonce).toBeTruthy();
    expect(page).toContain(`<script src="/static/embed-frame.js" nonce="${nonce}"></script>`);
    expect(page).not.toContain('class="site-header"');
  });

  it.each(['/', '/c/kettles', `/t/${1}/kettle-switches-off-before-boiling`, '/login', '/embed/t/1/fragment', '/api/v1/threads/1', '/no-such-page'])(
    '%s may not be framed at all',
    async (path) => {
      const response = await ctx.http.get(path);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('with no allowed origins, frames cannot be framed anywhere', async () => {
    const closed = await createEmbedContext([]);
    try {
      const created = await makeThread(closed.services, closed.member, { category: 'kettles', title: 'A thread nobody may embed', body: 'Hello.' });
      const response = await closed.http.get(`/embed/t/${created.threadId}`);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      await closed.close();
    }
  });

  it('serves embed.js small, cross-origin and long-cached with an ETag', async () => {
    const response = await ctx.http.get('/embed.js');
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400, stale-while-revalidate=604800');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await ctx.http.get('/embed.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const bytes = Buffer.byteLength(body);
    const gzipped = gzipSync(body, { level: 9 }).byteLength;
    console.info(`embed.js: ${bytes} bytes, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThan(3 * 1024);
    expect(body).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

describe('the host origin', () => {
  it.each([
    ['not on the list', 'https://elsewhere.example.net'],
    ['a look-alike', 'https://help.example.com.evil.net'],
    ['the same host over http', 'http://help.example.com'],
    ['null', 'null'],
  ])('%s is refused with an explanation', async (_name, origin) => {
    const response = await ctx.http.get(frame(`/embed/t/${thread.threadId}`, encodeURIComponent(origin)));
    const page = await response.text();
    expect(response.status).toBe(403);
    expect(page).toContain('is not allowed to embed');
    expect(page).not.toContain('data-host-origin');
    expect(page).not.toContain('Kettle switches off');
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${HELP_CENTER}`);
  });

  it('without ?origin the frame renders but will not talk to any page', async () => {
    const page = await (await ctx.http.get(`/embed/t/${thread.threadId}`)).text();
    expect(page).toContain('Kettle switches off before boiling');
    expect(page).not.toContain('data-host-origin');
    expect(page).not.toContain('data-embedded');
  });

  it('renders the requested theme from the first byte', async () => {
    expect(await (await ctx.http.get(frame(`/embed/t/${thread.threadId}?theme=dark`))).text()).toContain('<html lang="en" dir="ltr" data-theme="dark" data-embedded>');
    expect(await (await ctx.http.get(frame(`/embed/t/${thread.threadId}?theme=%22%3E`))).text()).toContain('data-theme="auto"');
  });
});

describe('what embeds show', () => {
  it('a thread: visible posts, the solved mark and a link to reply in a new tab — never removed or waiting content', async () => {
    const page = await (await ctx.http.get(frame(`/embed/t/${thread.threadId}`))).text();
    expect(page).toContain('Kettle switches off before boiling');
    expect(page).toContain('<strong>90 °C</strong>');
    expect(page).toContain('Descaling fixed it for me.');
    expect(page).toContain('embed-tag-solved');
    expect(page).toContain('<base target="_blank">');
    expect(page).toContain(`<a class="embed-button" href="${ctx.config.baseUrl}/t/${thread.threadId}/${thread.slug}">Reply in the community</a>`);
    expectNoSecrets(page);
  });

  it('a waiting thread is not available', async () => {
    const response = await ctx.http.get(frame(`/embed/t/${pendingThreadId}`));
    const page = await response.text();
    expect(response.status).toBe(404);
    expect(page).toContain('This discussion is not available');
    expect(page).toContain(`data-host-origin="${HELP_CENTER}"`);
    expectNoSecrets(page);
  });

  it('a category: latest published threads with reply counts and solved marks, up to the limit', async () => {
    const page = await (await ctx.http.get(frame('/embed/c/kettles?limit=3'))).text();
    expect(page).toContain('Kettle switches off before boiling');
    expect(page).toMatch(/Solved<\/span>\s*<span class="embed-thread-meta">\d+ repl/);
    expect(page).toContain('Start a discussion');
    expectNoSecrets(page);
    const response = await ctx.http.get(frame('/embed/c/no-such-category'));
    expect(response.status).toBe(404);
  });

  it('a key: the thread registered for it, or a friendly "No discussion yet"', async () => {
    attachThreadKey(ctx.services, ctx.manager, { threadId: thread.threadId, key: 'help-article-42' });
    const known = await (await ctx.http.get(frame('/embed/k/help-article-42'))).text();
    expect(known).toContain('Kettle switches off before boiling');
    expect(known).toContain(`<link rel="canonical" href="${ctx.config.baseUrl}/t/${thread.threadId}/${thread.slug}">`);
    expectNoSecrets(known);
    const unknown = await ctx.http.get(frame('/embed/k/help-article-999'));
    const page = await unknown.text();
    expect(unknown.status).toBe(404);
    expect(page).toContain('No discussion yet');
    expect(page).toContain(`href="${ctx.config.baseUrl}/new">Start a discussion in the community</a>`);
    expect(ctx.db.select().from(threads).where(eq(threads.title, 'help-article-999')).all()).toEqual([]);
  });

  it('the fragment: sanitized, self-contained HTML for the host page', async () => {
    const response = await ctx.http.get(`/embed/t/${thread.threadId}/fragment`);
    const fragment = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(fragment).toMatch(new RegExp(`^<section class="hearth-fragment" data-hearth-thread="${thread.threadId}"`));
    expect(fragment).not.toMatch(/<html|<head|<body|<script|<style|<iframe|\son[a-z]+=/i);
    for (const [, classes] of fragment.matchAll(/class="([^"]*)"/g)) expect(classes).toMatch(/^hearth-fragment/);
    expect(fragment).not.toMatch(/(href|src)="\/(?!\/)/);
    expect(fragment).toContain(`href="${ctx.config.baseUrl}/t/1"`);
    expect(fragment).toContain('itemtype="https://schema.org/DiscussionForumPosting"');
    expect(fragment).toContain('Descaling fixed it for me.');
    expectNoSecrets(fragment);
    const missing = await ctx.http.get(`/embed/t/${pendingThreadId}/fragment`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/^<!-- Hearth: .* -->$/);
  });
});

describe('Admin → Embedding', () => {
  it('sends anonymous visitors to log in and refuses members and managers', async () => {
    expect(location(await ctx.http.get('/admin/embedding'))).toBe('/login?next=%2Fadmin%2Fembedding');
    expect(location(await ctx.http.post('/admin/embedding/origins', { origin: 'https://a.example' }))).toBe('/login?next=%2Fadmin%2Fembedding');
    for (const user of [ctx.member, ctx.manager]) {
      expect((await ctx.http.get('/admin/embedding', { as: user })).status).toBe(403);
      expect((await ctx.http.post('/admin/embedding/origins', { origin: 'https://a.example' }, { as: user })).status).toBe(403);
      expect((await ctx.http.post('/admin/embedding/keys', { name: 'x' }, { as: user })).status).toBe(403);
    }
    expect(ctx.db.select().from(embedOrigins).where(eq(embedOrigins.origin, 'https://a.example')).all()).toEqual([]);
  });

  it('shows the allowed origins and snippets for a thread, a key and a category', async () => {
    const response = await ctx.http.get('/admin/embedding', { as: ctx.admin });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(page).toContain(`<code>${HELP_CENTER}</code>`);
    expect(page).toContain('EMBED_ORIGINS setting');
    expect(page).toContain(`&lt;div data-hearth-thread=&quot;${thread.threadId}&quot;&gt;&lt;/div&gt;`);
    expect(page).toContain('&lt;div data-hearth-key=&quot;help-article-42&quot;&gt;&lt;/div&gt;');
    expect(page).toContain('&lt;div data-hearth-category=&quot;kettles&quot; data-hearth-limit=&quot;5&quot;&gt;');
    expect(page).toContain(`&lt;script async src=&quot;${ctx.config.baseUrl}/embed.js&quot;&gt;&lt;/script&gt;`);
  });

  it('adds an origin (normalized, audited) and removes it again', async () => {
    const added = await ctx.http.post('/admin/embedding/origins', { origin: 'HTTPS://Support.Example.com/' }, { as: ctx.admin });
    expect(location(added)).toBe('/admin/embedding?done=origin-added');
    expect(ctx.db.select().from(embedOrigins).where(eq(embedOrigins.origin, 'https://support.example.com')).get()).toMatchObject({ createdById: ctx.admin.id });
    const embedded = await ctx.http.get(frame(`/embed/t/${thread.threadId}`));
    expect(embedded.headers.get('content-security-policy')).toContain('https://support.example.com');
    const removed = await ctx.http.post('/admin/embedding/origins/delete', { origin: 'https://support.example.com' }, { as: ctx.admin });
    expect(location(removed)).toBe('/admin/embedding?done=origin-removed');
    const actions = ctx.db.select().from(modLog).where(eq(modLog.actorId, ctx.admin.id)).all().map((row) => [row.action, row.details]);
    expect(actions).toContainEqual(['embed_origin_added', JSON.stringify({ origin: 'https://support.example.com' })]);
    expect(actions).toContainEqual(['embed_origin_removed', JSON.stringify({ origin: 'https://support.example.com' })]);
  });

  it.each([
    ['*', 'Wildcards are not allowed'],
    ['null', 'the origin of sandboxed frames'],
    ['https://help.example.com/articles/42', 'has a path'],
    ['https://help.example.com.evil.net', 'looks like https://help.example.com but is a different site (evil.net)'],
    ['http://help.example.com', 'plain http'],
    [HELP_CENTER, 'already allowed'],
  ])('refuses %s with 422 and keeps the text', async (origin, message) => {
    const response = await ctx.http.post('/admin/embedding/origins', { origin }, { as: ctx.admin });
    const page = await response.text();
    expect(response.status).toBe(422);
    expect(page).toContain(message);
    expect(page).toContain(`value="${origin}"`);
  });

  it('will not remove an origin that comes from EMBED_ORIGINS', async () => {
    const response = await ctx.http.post('/admin/embedding/origins/delete', { origin: HELP_CENTER }, { as: ctx.admin });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('comes from the EMBED_ORIGINS setting');
  });

  it('creates an API key shown once and stored hashed, then revokes it', async () => {
    const response = await ctx.http.post('/admin/embedding/keys', { name: 'Help center server' }, { as: ctx.admin });
    const page = await response.text();
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const token = /<code>(hk_[a-z0-9]+\.[a-z0-9]+)<\/code>/.exec(page)?.[1];
    expect(token).toBeDefined();
    const [id, secret] = token!.split('.') as [string, string];
    const row = ctx.db.select().from(apiKeys).where(eq(apiKeys.id, id)).get()!;
    expect(row).toMatchObject({ name: 'Help center server', scope: 'embed', createdById: ctx.admin.id, revokedAt: null });
    expect(row.secretHash.byteLength).toBe(32);
    expect(row.secretHash.toString('utf8')).not.toContain(secret);
    const later = await (await ctx.http.get('/admin/embedding', { as: ctx.admin })).text();
    expect(later).toContain(id);
    expect(later).not.toContain(secret);
    expect(location(await ctx.http.post(`/admin/embedding/keys/${id}/revoke`, {}, { as: ctx.admin }))).toBe('/admin/embedding?done=key-revoked');
    expect(ctx.db.select().from(apiKeys).where(eq(apiKeys.id, id)).get()?.revokedAt).not.toBeNull();
    const actions = ctx.db.select({ action: modLog.action }).from(modLog).where(eq(modLog.actorId, ctx.admin.id)).all().map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['api_key_created', 'api_key_revoked']));
    expect((await ctx.http.post('/admin/embedding/keys', { name: '  ' }, { as: ctx.admin })).status).toBe(422);
    expect((await ctx.http.post('/admin/embedding/keys/hk_nope/revoke', {}, { as: ctx.admin })).status).toBe(404);
  });
});

describe('POST /t/:id/embed-key', () => {
  it('lets managers attach a key (audited) and shows the thread’s keys', async () => {
    const response = await ctx.http.post(`/t/${thread.threadId}/embed-key`, { key: 'kettle-faq-7' }, { as: ctx.manager });
    expect(location(response)).toBe(`/t/${thread.threadId}/embed-key?attached=kettle-faq-7`);
    const page = await (await ctx.http.get(location(response), { as: ctx.manager })).text();
    expect(page).toContain('The key “kettle-faq-7” now shows this thread');
    expect(page).toContain('&lt;div data-hearth-key=&quot;kettle-faq-7&quot;&gt;');
    const audit = ctx.db.select().from(modLog).where(and(eq(modLog.action, 'thread_key_attached'), eq(modLog.actorId, ctx.manager.id))).all();
    expect(audit.map((row) => row.details)).toContain(JSON.stringify({ key: 'kettle-faq-7' }));
    // Again: nothing changes, nothing more is logged.
    await ctx.http.post(`/t/${thread.threadId}/embed-key`, { key: 'kettle-faq-7' }, { as: ctx.manager });
    expect(ctx.db.select().from(modLog).where(eq(modLog.action, 'thread_key_attached')).all().filter((row) => row.details?.includes('kettle-faq-7'))).toHaveLength(1);
  });

  it('explains an invalid or taken key with 422', async () => {
    const invalid = await ctx.http.post(`/t/${thread.threadId}/embed-key`, { key: 'no spaces/allowed' }, { as: ctx.manager });
    expect(invalid.status).toBe(422);
    const invalidPage = await invalid.text();
    expect(invalidPage).toContain('A key is up to 128 letters');
    expect(invalidPage).toContain('value="no spaces/allowed"');
    const other = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Another kettle question', body: 'Hi' });
    const taken = await ctx.http.post(`/t/${other.threadId}/embed-key`, { key: 'kettle-faq-7' }, { as: ctx.admin });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('already belongs to the thread &quot;Kettle switches off before boiling&quot;');
  });

  it('is for staff only', async () => {
    expect(location(await ctx.http.post(`/t/${thread.threadId}/embed-key`, { key: 'x1' }))).toBe(`/login?next=%2Ft%2F${thread.threadId}%2Fembed-key`);
    expect((await ctx.http.post(`/t/${thread.threadId}/embed-key`, { key: 'x1' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.get(`/t/${thread.threadId}/embed-key`, { as: ctx.member })).status).toBe(403);
    expect(ctx.db.select().from(threadKeys).where(eq(threadKeys.key, 'x1')).all()).toEqual([]);
  });
});

describe('GET /oembed', () => {
  it('is announced by the thread page, and the announced address answers', async () => {
    const page = await (await ctx.http.get(`/t/${thread.threadId}/${thread.slug}`)).text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1];
    expect(link).toBe(`${ctx.config.baseUrl}/oembed?url=${encodeURIComponent(`${ctx.config.baseUrl}/t/${thread.threadId}/${thread.slug}`)}`);
    const response = await ctx.http.get(link!.slice(ctx.config.baseUrl.length));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { title: string }).title).toBe('Kettle switches off before boiling');
  });

  it('describes a thread as a rich embed', async () => {
    const url = `${ctx.config.baseUrl}/t/${thread.threadId}/${thread.slug}`;
    const response = await ctx.http.get(`/oembed?url=${encodeURIComponent(url)}&maxwidth=500`);
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ version: '1.0', type: 'rich', title: 'Kettle switches off before boiling', author_name: 'alice', width: 500 });
    expect(body['html']).toBe(
      `<div data-hearth-thread="${thread.threadId}"><a href="${url}" dir="auto">Kettle switches off before boiling</a></div>\n<script async src="${ctx.config.baseUrl}/embed.js"></script>`,
    );
  });

  it.each([
    ['another site', () => `/oembed?url=${encodeURIComponent('https://evil.example/t/1')}`, 404],
    ['a waiting thread', () => `/oembed?url=${encodeURIComponent(`${ctx.config.baseUrl}/t/${pendingThreadId}`)}`, 404],
    ['no url', () => '/oembed', 400],
    ['xml', () => '/oembed?url=x&format=xml', 501],
  ])('refuses %s', async (_name, path, status) => {
    const response = await ctx.http.get(path());
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBeTruthy();
  });
});
