import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeThread } from '../../src/demo/factories.js';
import { createForumContext } from '../helpers/forum.js';

// What the search analyzer (ADR 0029) promises beyond recall: marked snippets in every script,
// prefixes and phrases in Chinese, hostile input still harmless, posts written before the analyzer
// still found, text changed behind the analyzer's back no longer found by its old words, and
// similar threads in every script.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
const ids: Record<string, { threadId: number; postId: number }> = {};
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'E-bikes', slug: 'ebikes', moderation: 'open' });
  const threads = {
    chinese: { title: '电动自行车充电器坏了', body: '我的电动自行车充电器坏了，电池续航怎么样？' },
    arabic: { title: 'البطارية لا تشحن', body: 'هل البَطَّارِيَّة الأصلية تدوم طويلاً؟' },
    turkish: { title: "Kargo Kadıköy'e ulaşmadı", body: "Kadıköy'de şarj istasyonu var mı?" },
  };
  for (const [name, thread] of Object.entries(threads)) ids[name] = await makeThread(ctx.services, ctx.member, { category: 'ebikes', ...thread });
});
afterAll(() => ctx.close());

const search = async (q: string) => {
  const response = await ctx.http.get(`/search?q=${encodeURIComponent(q)}`);
  expect(response.status, q).toBe(200);
  return response.text();
};
const snippets = (page: string) => [...page.matchAll(/<p class="snippet"[^>]*>([\s\S]*?)<\/p>/g)].map((match) => match[1]!);

describe('search through the analyzer', () => {
  it('marks the matched words in every script', async () => {
    expect(snippets(await search('电动自行车'))).toEqual(['我的<mark>电动自行车</mark>充电器坏了，电池续航怎么样？']);
    expect(snippets(await search('充电'))[0]).toContain('<mark>充电</mark>器');
    expect(snippets(await search('بطارية'))[0]).toContain('<mark>البَطَّارِيَّة</mark>');
    expect(snippets(await search('KADIKÖY'))[0]).toContain('<mark>Kadıköy</mark>&#39;de');
  });

  it('keeps prefixes and phrases: 充电* and a phrase of the words a query word is cut into', async () => {
    expect(await search('充电*')).toContain('电动自行车充电器坏了');
    expect(await search('"电池续航"')).toContain('电动自行车充电器坏了');
    // Both words are in the post, but not one after the other.
    expect(await search('"续航 电池"')).toContain('Nothing matched');
  });

  it('never fails on hostile input in any script', async () => {
    for (const q of ['"充电器', '充电器 OR 电池', 'NEAR(充电', '*充电', 'ال*', 'ـــ', '"ـ"', 'ı*', '充'.repeat(5000), 'title:充电']) {
      const response = await ctx.http.get(`/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q.slice(0, 20)).toBe(200);
    }
    expect(ctx.errors).toEqual([]);
  });

  it('still finds a post written before the analyzer, as the search did then, until rebake reaches it', async () => {
    const { postId } = await makeThread(ctx.services, ctx.member, { category: 'ebikes', title: 'Eski bir konu', body: 'Sipariş ıstasyonda bekliyor' });
    // As a post rendered by an older renderer: no analysis, its text as written in the index.
    ctx.db.$client.prepare('UPDATE posts SET search_text = NULL, render_version = 4 WHERE id = ?').run(postId);
    expect(await search('ıstasyonda')).toContain('Eski bir konu');
  });

  it('stops finding the old words of a post whose text is changed without its analysis', async () => {
    const { threadId, postId } = await makeThread(ctx.services, ctx.member, { category: 'ebikes', title: '我的私人信息被公开了', body: '这是我的家庭住址' });
    expect(await search('住址')).toContain('我的私人信息被公开了');
    ctx.db.$client.prepare("UPDATE posts SET body = 'removed' WHERE id = ?").run(postId);
    expect(await search('住址')).toContain('Nothing matched');
    expect(await search('removed')).toContain('我的私人信息被公开了');
    ctx.db.$client.prepare("UPDATE threads SET title = 'Renamed outside' WHERE id = ?").run(threadId);
    expect(await search('私人')).toContain('Nothing matched');
    expect(await search('renamed')).toContain('Renamed outside');
  });

  it('suggests similar threads in every script', async () => {
    const similar = async (title: string) =>
      ((await (await ctx.http.get(`/similar?title=${encodeURIComponent(title)}`)).json()) as { threads: { id: number }[] }).threads.map((thread) => thread.id);
    expect(await similar('充电器不能充电怎么办')).toEqual([ids['chinese']!.threadId]);
    expect(await similar('مشكلة في البطاريات')).toEqual([ids['arabic']!.threadId]);
    expect(await similar('KADIKÖY kargo gecikmesi')).toEqual([ids['turkish']!.threadId]);
    // Question words say nothing about the topic, in any language.
    expect(await similar('怎么样 为什么')).toEqual([]);
    expect(await similar('هل في من')).toEqual([]);
  });
});
