import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setManagerScope } from '../../src/auth/roles.js';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { threadKeys } from '../../src/db/schema.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createEmbedContext, HELP_CENTER } from '../helpers/embed.js';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 25, 12);

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;
let sam: SignedIn;
const ids: Record<string, { threadId: number; slug: string }> = {};

const lines = (...rows: string[]) => `\uFEFF${rows.map((row) => `${row}\r\n`).join('')}`;

async function csv(query: string, as: SignedIn) {
  const response = await ctx.http.get(`/mod/insights?${query}`, { as });
  expect(response.status).toBe(200);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await response.arrayBuffer()));
}

/** An answer as a reader gives it: from the article's frame (with its key) or the thread page. */
async function answer(name: string, helpful: 'yes' | 'no', options: { key?: string; comment?: string } = {}) {
  const { threadId } = ids[name]!;
  const path = options.key ? `/embed/t/${threadId}/feedback?origin=${encodeURIComponent(HELP_CENTER)}` : `/t/${threadId}/feedback`;
  const response = await ctx.http.post(path, { helpful, ...(options.key ? { key: options.key } : {}), ...(options.comment ? { comment: options.comment } : {}) });
  expect(response.status).toBe(200);
  ctx.clock.advance(MINUTE);
}

beforeAll(async () => {
  ctx = await createEmbedContext([HELP_CENTER]);
  ctx.clock.set(NOW - 60 * MINUTE);
  makeCategory(ctx.services, { name: 'Billing', slug: 'billing' });
  sam = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  const billing = ctx.db.$client.prepare("select id from categories where slug = 'billing'").get() as { id: number };
  setManagerScope(ctx.services, ctx.admin, { username: 'sam', categoryIds: [billing.id] });
  ids['descaling'] = await makeThread(ctx.services, ctx.manager, { category: 'kettles', title: 'Descaling your kettle', body: 'Citric acid.' });
  ids['pairing'] = await makeThread(ctx.services, ctx.manager, { category: 'kettles', title: 'Pairing, the app', body: 'Hold the button.' });
  ids['refunds'] = await makeThread(ctx.services, ctx.manager, { category: 'billing', title: 'Refunds', body: 'Within 30 days.' });
  for (const [key, name] of [['kb-descaling', 'descaling'], ['kb-pairing', 'pairing'], ['kb-refunds', 'refunds']] as const) {
    ctx.db.insert(threadKeys).values({ key, threadId: ids[name]!.threadId, url: `${HELP_CENTER}/${key}`, createdAt: ctx.clock.now() }).run();
  }
  await answer('pairing', 'yes', { key: 'kb-pairing' });
  await answer('pairing', 'no', { key: 'kb-pairing', comment: 'Which button?' });
  await answer('descaling', 'no', { key: 'kb-descaling', comment: '=HYPERLINK("http://evil.example")' });
  await answer('descaling', 'no', { key: 'kb-descaling' });
  await answer('descaling', 'yes', { key: 'kb-descaling' });
  await answer('descaling', 'yes');
  await answer('pairing', 'no', { comment: 'The <b>app</b> "crashes", then?' });
  await answer('refunds', 'no', { key: 'kb-refunds', comment: 'How long does it take?' });
  ctx.clock.set(NOW);
});
afterAll(() => ctx.close());

describe('"Did this help?" in the insights', () => {
  it('ranks the help articles that fail customers first, then the rest, with the comments newest first', async () => {
    const html = await (await ctx.http.get('/mod/insights', { as: ctx.admin })).text();
    const section = html.slice(html.indexOf('id="feedback-heading"'), html.indexOf('</section>', html.indexOf('id="feedback-heading"')));
    const rows = [...section.matchAll(/<tr>\s*<th scope="row"><a[^>]*>([^<]*)<\/a><\/th>\s*<td>(?:<code dir="auto">([^<]*)<\/code>|<span class="muted">[^<]*<\/span>)<\/td>\s*<td class="number">(\d+)<\/td>\s*<td class="number">(\d+)<\/td>\s*<td class="number">([^<]*)<\/td>/g)].map((match) => match.slice(1));
    expect(rows).toEqual([
      ['Descaling your kettle', 'kb-descaling', '3', '2', '33%'],
      ['Refunds', 'kb-refunds', '1', '1', '0%'],
      ['Pairing, the app', 'kb-pairing', '2', '1', '50%'],
      ['Pairing, the app', undefined, '1', '1', '0%'],
      ['Descaling your kettle', undefined, '1', '0', '100%'],
    ]);
    // Member text is escaped; newest first.
    const comments = section.slice(section.indexOf('feedback-comments-heading'));
    expect(comments.indexOf('How long does it take?')).toBeLessThan(comments.indexOf('The &lt;b&gt;app&lt;/b&gt; &quot;crashes&quot;, then?'));
    expect(comments.indexOf('crashes')).toBeLessThan(comments.indexOf('=HYPERLINK'));
    expect(comments.indexOf('=HYPERLINK')).toBeLessThan(comments.indexOf('Which button?'));
    expect(section).toContain('href="/mod/insights?format=csv&amp;table=feedback"');
  });

  it('exports the table and the comments as CSV, byte for byte, formula-guarded', async () => {
    const base = ctx.config.baseUrl;
    const [d, p, r] = [ids['descaling']!, ids['pairing']!, ids['refunds']!];
    expect(await csv('format=csv&table=feedback', ctx.admin)).toBe(
      lines(
        'thread_id,title,category,embed_key,url,answers,yes,no',
        `${d.threadId},Descaling your kettle,Smart Kettles,kb-descaling,${base}/t/${d.threadId}/${d.slug},3,1,2`,
        `${r.threadId},Refunds,Billing,kb-refunds,${base}/t/${r.threadId}/${r.slug},1,0,1`,
        `${p.threadId},"Pairing, the app",Smart Kettles,kb-pairing,${base}/t/${p.threadId}/${p.slug},2,1,1`,
        `${p.threadId},"Pairing, the app",Smart Kettles,,${base}/t/${p.threadId}/${p.slug},1,0,1`,
        `${d.threadId},Descaling your kettle,Smart Kettles,,${base}/t/${d.threadId}/${d.slug},1,1,0`,
      ),
    );
    const minute = (n: number) => `${new Date(NOW - 60 * MINUTE + n * MINUTE).toISOString().slice(0, 19)}Z`;
    expect(await csv('format=csv&table=feedback_comments', ctx.admin)).toBe(
      lines(
        'answered_at,thread_id,title,embed_key,helpful,comment',
        `${minute(7)},${r.threadId},Refunds,kb-refunds,no,How long does it take?`,
        `${minute(6)},${p.threadId},"Pairing, the app",,no,"The <b>app</b> ""crashes"", then?"`,
        `${minute(2)},${d.threadId},Descaling your kettle,kb-descaling,no,"'=HYPERLINK(""http://evil.example"")"`,
        `${minute(1)},${p.threadId},"Pairing, the app",kb-pairing,no,Which button?`,
      ),
    );
  });

  it('keeps to the categories in scope and the period', async () => {
    const r = ids['refunds']!;
    expect(await csv('format=csv&table=feedback', sam)).toBe(
      lines('thread_id,title,category,embed_key,url,answers,yes,no', `${r.threadId},Refunds,Billing,kb-refunds,${ctx.config.baseUrl}/t/${r.threadId}/${r.slug},1,0,1`),
    );
    expect(await csv('format=csv&table=feedback&category=billing', ctx.admin)).toContain('Refunds');
    expect(await csv('format=csv&table=feedback&category=billing', ctx.admin)).not.toContain('Descaling');
    ctx.clock.set(NOW + 8 * 24 * 60 * MINUTE);
    expect(await csv('format=csv&table=feedback&period=7d', ctx.admin)).toBe(lines('thread_id,title,category,embed_key,url,answers,yes,no'));
    ctx.clock.set(NOW);
    // Members are not staff: the dashboard and its tables are not theirs.
    expect((await ctx.http.get('/mod/insights?format=csv&table=feedback', { as: ctx.member })).status).toBe(403);
  });
});
