import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { listingStatements } from '../../src/search/thread-listing.js';
import { createForumContext } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Chargers', slug: 'chargers' });
  makeCategory(ctx.services, { name: 'Held', slug: 'held', moderation: 'all' });
  const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Descaling schedule for the K2', body: 'How often should I descale with citric acid?' });
  await makeReply(ctx.services, ctx.other, { threadId, body: 'Every month, and use filtered water. The **charging** base is fine.' });
  await makeThread(ctx.services, ctx.other, { category: 'chargers', title: 'Charger light blinks orange', body: 'My charger blinks orange after firmware 3.2.1' });
  const newbie = await makeUser(ctx.services, { username: 'newbie' });
  await makeThread(ctx.services, newbie, { category: 'held', title: 'Secret pending descaling tip', body: 'pendingword descale' });
  const deleted = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Deleted descale post', body: 'deletedword' });
  await ctx.http.post(`/p/${deleted.postId}/delete`, {}, { as: ctx.member });
});
afterAll(() => ctx.close());

const search = async (query: string) => {
  const response = await ctx.http.get(`/search?${query}`);
  return { status: response.status, page: await response.text() };
};

describe('GET /search', () => {
  it('finds titles and bodies with stemming, highlighting the escaped snippet', async () => {
    const { status, page } = await search('q=descaling');
    expect(status).toBe(200);
    expect(page).toContain('Descaling schedule for the K2');
    expect(page).toContain('<mark>descal');
    const charge = await search('q=charger');
    expect(charge.page).toContain('Charger light blinks orange');
  });

  it('supports phrases, prefixes, filters and newest-first', async () => {
    expect((await search('q=%22blinks+orange%22')).page).toContain('Charger light blinks orange');
    expect((await search('q=%22orange+blinks%22')).page).toContain('Nothing matched');
    expect((await search('q=firmw*')).page).toContain('Charger light blinks orange');
    expect((await search('q=descale&category=chargers')).page).toContain('Nothing matched');
    expect((await search('q=water&author=bob')).page).toContain('filtered <mark>water</mark>');
    expect((await search('q=water&author=alice')).page).toContain('Nothing matched');
    expect((await search('q=descale&sort=newest')).status).toBe(200);
  });

  it('never shows pending or deleted posts', async () => {
    expect((await search('q=pendingword')).page).toContain('Nothing matched');
    expect((await search('q=deletedword')).page).toContain('Nothing matched');
  });

  it('follows edits of bodies and titles', async () => {
    const { postId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Original searchable title', body: 'oldterm' });
    await ctx.http.post(`/p/${postId}/edit`, { title: 'Renamed zebraword title', body: 'newterm' }, { as: ctx.member });
    expect((await search('q=oldterm')).page).toContain('Nothing matched');
    expect((await search('q=newterm')).page).toContain('Renamed zebraword title');
    expect((await search('q=zebraword')).page).toContain('Renamed zebraword title');
  });

  it('never fails on hostile input', async () => {
    for (const q of ['"', '""', 'AND', 'NEAR(', 'c++', '-x', 'a'.repeat(5000), '', '*', 'title:x', '^x', '<script>alert(1)</script>', 'x OR y NOT z']) {
      const response = await ctx.http.get(`/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q.slice(0, 20)).toBe(200);
      expect(await response.text()).not.toContain('<script>alert(1)</script>');
    }
    expect(ctx.errors).toEqual([]);
  });

  it('reuses results only until something searchable changes: each write shows at once', async () => {
    const { threadId, postId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Reused result thread', body: 'quokkaword first' });
    const found = async () => (await search('q=quokkaword')).page;
    const checks: [string, () => unknown, string, boolean][] = [
      ['reply', () => makeReply(ctx.services, ctx.other, { threadId, body: 'quokkaword in a reply by bob' }), 'and 1 more match in this thread', true],
      ['edit', () => ctx.http.post(`/p/${postId}/edit`, { title: 'Reused result thread', body: 'quokkaword edited' }, { as: ctx.member }), '</mark> edited', true],
      ['rename', () => ctx.http.post(`/t/${threadId}/rename`, { title: 'Renamed reuse thread' }, { as: ctx.manager }), 'Renamed reuse thread', true],
      ['hide', () => ctx.http.post(`/p/${postId}/hide`, { reason: 'Checking' }, { as: ctx.manager }), '</mark> edited', false],
      ['unhide', () => ctx.http.post(`/p/${postId}/unhide`, {}, { as: ctx.manager }), '</mark> edited', true],
      ['outside write', () => ctx.db.$client.prepare("update posts set deleted_at = 1 where id = ?").run(postId), '</mark> edited', false],
    ];
    for (const [name, write, text, present] of checks) {
      await found();
      await write();
      expect((await found()).includes(text), name).toBe(present);
    }
  });

  it('escapes member text in snippets', async () => {
    await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Escaping check thread', body: 'uniqueword <img src=x onerror=alert(1)>' });
    const { page } = await search('q=uniqueword');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('GET /search and approval', () => {
  const approvalItem = (postId: number) =>
    (ctx.db.$client.prepare("select id from review_items where post_id = ? and kind = 'approval' and status = 'open'").get(postId) as { id: number }).id;
  const postIdOf = (response: Response) => {
    const anchor = response.headers.get('location')!.split('#')[1]!;
    return anchor.startsWith('post-pending-') ? Number(anchor.slice('post-pending-'.length)) : undefined;
  };

  it('finds a held reply only once a manager approves it', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.manager, { category: 'held', title: 'Held category announcement', body: 'Tell us about your kettle.' });
    const author = await makeUser(ctx.services, { username: 'heldreplier' });
    const replied = await ctx.http.post(`/t/${threadId}/replies`, { body: 'My wombatword kettle hums.' }, { as: author });
    const postId = postIdOf(replied);
    expect(postId).toBeDefined();
    expect((await search('q=wombatword')).page).toContain('Nothing matched');
    expect(await (await ctx.http.get('/search?q=wombatword', { as: ctx.other })).text()).toContain('Nothing matched');
    expect((await ctx.http.post(`/mod/queue/${approvalItem(postId!)}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    const { page } = await search('q=wombatword');
    expect(page).not.toContain('Nothing matched');
    expect(page).toContain('Held category announcement');
    expect(page).toContain('<mark>wombatword</mark>');
  });

  it('finds a held thread only once a manager approves it', async () => {
    const author = await makeUser(ctx.services, { username: 'heldstarter' });
    const started = await ctx.http.post('/t', { category: 'held', title: 'Okapiword lid question', body: 'Does the lid come off?' }, { as: author });
    expect(started.status).toBe(303);
    const threadId = Number(started.headers.get('location')!.split('/')[2]);
    const postId = (ctx.db.$client.prepare('select id from posts where thread_id = ? and number = 1').get(threadId) as { id: number }).id;
    expect((await search('q=okapiword')).page).toContain('Nothing matched');
    expect((await ctx.http.post(`/mod/queue/${approvalItem(postId)}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    expect((await search('q=okapiword')).page).toContain('Okapiword lid question');
    expect(ctx.errors).toEqual([]);
  });
});

describe('GET /search?solved=', () => {
  beforeAll(async () => {
    makeCategory(ctx.services, { name: 'Questions', slug: 'questions', kind: 'questions' });
    const solved = await makeThread(ctx.services, ctx.member, { category: 'questions', title: 'Gasket leaks gizmoword when solved', body: 'Which gasket?' });
    const answer = await makeReply(ctx.services, ctx.other, { threadId: solved.threadId, body: 'The silicone gizmoword gasket.' });
    expect((await ctx.http.post(`/p/${answer.postId}/accept`, {}, { as: ctx.member })).status).toBe(303);
    await makeThread(ctx.services, ctx.member, { category: 'questions', title: 'Gasket squeaks gizmoword still open', body: 'No answer yet' });
    await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Gizmoword chat in a discussion', body: 'Just talk' });
  });

  it('keeps only solved threads, or only unsolved questions, and marks solved results', async () => {
    const any = await search('q=gizmoword');
    for (const title of ['Gasket leaks gizmoword when solved', 'Gasket squeaks gizmoword still open', 'Gizmoword chat in a discussion']) expect(any.page).toContain(title);
    const solved = await search('q=gizmoword&solved=1');
    expect(solved.page).toMatch(/Gasket leaks gizmoword when solved<\/a> <span class="tag tag-solved">Solved<\/span>/);
    expect(solved.page).not.toContain('still open');
    expect(solved.page).not.toContain('chat in a discussion');
    expect(solved.page).toContain('<option value="1" selected>Solved only</option>');
    const unsolved = await search('q=gizmoword&solved=0&sort=newest');
    expect(unsolved.page).toContain('Gasket squeaks gizmoword still open');
    expect(unsolved.page).not.toContain('when solved');
    expect(unsolved.page).not.toContain('chat in a discussion');
    expect(unsolved.page).toContain('<option value="0" selected>Unsolved questions</option>');
    expect((await search('q=gizmoword&solved=maybe')).page).toContain('chat in a discussion');
  });

  it('stays driven by the full-text match, whatever the filters', () => {
    for (const [name, statement] of Object.entries(listingStatements(ctx.db))) {
      const parameters = { match: '"x"', category: 'questions', author: null, solved: 1, ...(name === 'ranked' ? { cutoff: 0 } : {}) };
      const plan = ctx.db.$client.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all(parameters) as { detail: string }[];
      const steps = plan.map((row) => row.detail);
      expect(steps[0]).toMatch(/^SCAN s VIRTUAL TABLE INDEX/);
      expect(steps.filter((step) => / t\b| c\b| p\b/.test(step)).every((step) => /USING (INTEGER PRIMARY KEY|INDEX)/.test(step))).toBe(true);
      expect(steps.join('\n')).not.toMatch(/SCAN (t|p|c)\b/);
    }
  });
});

describe('GET /search: one result per thread', () => {
  const titles = (page: string) => [...page.matchAll(/<h2><a href="\/p\/\d+" dir="auto">([^<]*)<\/a>/g)].map((match) => match[1]!);

  it('lists a thread with three matching posts once, with its other matches counted', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Lid hinge trouble', body: 'The narwhalword hinge creaks.' });
    await makeReply(ctx.services, ctx.other, { threadId, body: 'Mine too, narwhalword hinge on the left.' });
    await makeReply(ctx.services, ctx.member, { threadId, body: 'Oiling the narwhalword hinge helped.' });
    await makeReply(ctx.services, ctx.other, { threadId, body: 'Thanks, that worked.' });
    for (const sort of ['relevance', 'newest']) {
      const { page } = await search(`q=narwhalword&sort=${sort}`);
      expect(titles(page), sort).toEqual(['Lid hinge trouble']);
      expect(page, sort).toContain('and 2 more matches in this thread');
      expect(page, sort).toContain('<p class="result-count" role="status">1 result</p>');
    }
    // Newest first links to the newest matching post.
    expect((await search('q=narwhalword&sort=newest')).page).toContain('Oiling the <mark>narwhalword</mark>');
  });

  it('counts threads, and neither hidden nor waiting posts count', async () => {
    const first = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Ibexword first thread', body: 'ibexword one' });
    const hiddenReply = await makeReply(ctx.services, ctx.other, { threadId: first.threadId, body: 'ibexword two, rude' });
    await makeReply(ctx.services, ctx.other, { threadId: first.threadId, body: 'ibexword three' });
    await makeThread(ctx.services, ctx.other, { category: 'chargers', title: 'Ibexword second thread', body: 'ibexword here too' });
    const held = await makeThread(ctx.services, ctx.manager, { category: 'held', title: 'Held category question', body: 'no match in the body' });
    const newcomer = await makeUser(ctx.services, { username: 'ibexnewcomer' });
    expect((await ctx.http.post(`/t/${held.threadId}/replies`, { body: 'ibexword waiting reply' }, { as: newcomer })).status).toBe(303);
    expect((await ctx.http.post(`/p/${hiddenReply.postId}/hide`, { reason: 'Rude' }, { as: ctx.manager })).status).toBe(303);
    const { page } = await search('q=ibexword');
    expect(page).toContain('<p class="result-count" role="status">2 results</p>');
    expect(page).toContain('and 1 more match in this thread');
    expect(page).not.toContain('waiting reply');
    expect(page).not.toContain('two, rude');
  });

  it('keeps filters: category and author narrow the threads and their matches', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Tapirword filter thread', body: 'tapirword by alice' });
    await makeReply(ctx.services, ctx.other, { threadId, body: 'tapirword by bob' });
    await makeReply(ctx.services, ctx.member, { threadId, body: 'tapirword by alice again' });
    await makeThread(ctx.services, ctx.other, { category: 'chargers', title: 'Tapirword charger thread', body: 'tapirword by bob in chargers' });
    const byBob = await search('q=tapirword&author=bob&sort=newest');
    expect(titles(byBob.page)).toEqual(['Tapirword charger thread', 'Tapirword filter thread']);
    expect(byBob.page).toContain('<p class="result-count" role="status">2 results</p>');
    expect(byBob.page).not.toContain('more match');
    const inKettles = await search('q=tapirword&category=kettles');
    expect(titles(inKettles.page)).toEqual(['Tapirword filter thread']);
    expect(inKettles.page).toContain('and 2 more matches in this thread');
  });

  it('pages through threads without repeating one', async () => {
    for (let index = 0; index < 45; index++) {
      const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: `Pangolinword thread ${index}`, body: `pangolinword opening ${index}` });
      await makeReply(ctx.services, ctx.other, { threadId, body: `pangolinword reply ${index}` });
    }
    for (const sort of ['relevance', 'newest']) {
      const pages = await Promise.all([1, 2, 3].map((number) => search(`q=pangolinword&sort=${sort}&page=${number}`)));
      const seen = pages.flatMap(({ page }) => titles(page));
      expect(pages.map(({ page }) => titles(page).length), sort).toEqual([20, 20, 5]);
      expect(new Set(seen).size, sort).toBe(45);
      for (const { page } of pages) expect(page, sort).toContain('<p class="result-count" role="status">45 results</p>');
      expect(pages[1]!.page, sort).toContain('rel="next"');
      expect(pages[2]!.page, sort).not.toContain('rel="next"');
    }
  });
});
