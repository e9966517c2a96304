import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread } from '../../src/demo/factories.js';
import { rebakePosts } from '../../src/operations/rebake.js';
import { createForumContext, location } from '../helpers/forum.js';

// Thread addresses keep the letters of every script (ADR 0030): stored percent-encoded, sent so in
// links and Location headers, and recognised however a client encodes them.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(() => ctx.close());

const chineseTitle = '电动自行车充电器坏了';
const encoded = encodeURIComponent(chineseTitle);

describe('thread slugs in every script', () => {
  it('redirects a new Chinese thread to its percent-encoded address, which answers 200', async () => {
    const created = await ctx.http.post('/t', { category: 'kettles', title: chineseTitle, body: '电池续航怎么样？' }, { as: ctx.member });
    const path = location(created);
    expect(path).toMatch(new RegExp(`^/t/\\d+/${encoded}$`));
    for (const as of [undefined, ctx.member]) {
      // Twice: the second anonymous view comes from the page cache, checked before the router.
      for (let view = 0; view < 2; view++) {
        const response = await ctx.http.get(path, as ? { as } : {});
        expect(response.status, `view ${view} ${as ? 'signed in' : 'anonymous'}`).toBe(200);
      }
    }
  });

  it('answers the same address decoded or in lower-case hex, and redirects a wrong slug', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'البطارية لا تشحن', body: 'منذ التحديث' });
    expect(decodeURIComponent(slug)).toBe('البطارية-لا-تشحن');
    expect((await ctx.http.get(`/t/${threadId}/${decodeURIComponent(slug)}`)).status).toBe(200);
    expect((await ctx.http.get(`/t/${threadId}/${slug.toLowerCase()}`)).status).toBe(200);
    for (const wrong of ['thread', encodeURIComponent('البطارية'), '%E0%A4']) {
      const response = await ctx.http.get(`/t/${threadId}/${wrong}`);
      expect(response.status, wrong).toBe(301);
      expect(location(response)).toBe(`/t/${threadId}/${slug}`);
    }
  });

  it('keeps Turkish letters apart from ASCII only where it writes ASCII: ı becomes i', async () => {
    const { slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: "İstanbul'da şarj ıstasyonu", body: 'Nerede?' });
    expect(slug).toBe('istanbulda-sarj-istasyonu');
  });

  it('gives a thread from before readable slugs a readable address; its old /t/:id/thread redirects there', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: '快递送来的车架有划痕', body: '包装破了' });
    ctx.db.$client.prepare("UPDATE threads SET slug = 'thread', search_title = NULL WHERE id = ?").run(threadId);
    expect((await ctx.http.get(`/t/${threadId}/thread`)).status).toBe(200);
    await rebakePosts(ctx.db, ctx.services.markdown);
    const response = await ctx.http.get(`/t/${threadId}/thread`);
    expect(response.status).toBe(301);
    expect(location(response)).toBe(`/t/${threadId}/${encodeURIComponent('快递送来的车架有划痕')}`);
  });

  it('links to the encoded address from pages, feeds, the sitemap and the API', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: '手机应用无法连接蓝牙', body: '搜索不到' });
    const path = `/t/${threadId}/${slug}`;
    expect(slug).toBe(encodeURIComponent('手机应用无法连接蓝牙'));
    expect(await (await ctx.http.get('/c/kettles')).text()).toContain(`href="${path}"`);
    expect(await (await ctx.http.get('/latest.atom')).text()).toContain(`${ctx.config.baseUrl}${path}`);
    expect(await (await ctx.http.get('/sitemap-threads-1.xml')).text()).toContain(`${ctx.config.baseUrl}${path}`);
    const api = (await (await ctx.http.get(`/api/v1/threads/${threadId}`)).json()) as { thread: { url: string } };
    expect(api.thread.url).toBe(`${ctx.config.baseUrl}${path}`);
  });
});
