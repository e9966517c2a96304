import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext } from '../helpers/forum.js';

// Post articles are rendered once per thread version for each set of viewer controls
// (src/routes/post-articles.ts). These views come one after another on the same version, so an
// article kept for one viewer would show up in the next one's page if its key missed anything.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
// Two members with nothing to do with the threads below: the same controls, except for their own flags and votes.
let carol: SignedIn;
let dave: SignedIn;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Kettle questions', slug: 'help', kind: 'questions' });
  carol = await makeUser(ctx.services, { username: 'carol' });
  dave = await makeUser(ctx.services, { username: 'dave' });
});
afterAll(() => ctx.close());

/** alice asks in the questions category; bob answers, then mia (a manager). */
async function question(title: string) {
  const thread = await makeThread(ctx.services, ctx.member, { category: 'help', title, body: 'It stops at 90 °C.' });
  const bobs = await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Descale it with citric acid.' });
  const mias = await makeReply(ctx.services, ctx.manager, { threadId: thread.threadId, body: 'Update the firmware to 2.1.' });
  return { ...thread, path: `/t/${thread.threadId}/${thread.slug}`, bobs, mias };
}

const page = async (path: string, as?: SignedIn) => (await ctx.http.get(path, as ? { as } : {})).text();

/** One post's <article> in a page. */
function article(html: string, number: number): string {
  const found = html.match(new RegExp(`<article [^>]*id="post-${number}">[\\s\\S]*?</article>`));
  if (!found) throw new Error(`no post-${number} on the page`);
  return found[0];
}

describe('a thread page seen by one viewer after another', () => {
  it('gives each member their own Edit, Delete and History, and nobody else’s', async () => {
    const q = await question('Why does my kettle click off early?');
    await ctx.http.post(`/p/${q.bobs.postId}/edit`, { body: 'Descale it with citric acid, twice.' }, { as: ctx.other });
    const bobs = article(await page(q.path, ctx.other), 2);
    expect(bobs).toContain(`href="/p/${q.bobs.postId}/edit"`);
    expect(bobs).toContain(`action="/p/${q.bobs.postId}/delete"`);
    expect(bobs).toContain(`href="/p/${q.bobs.postId}/revisions"`);
    expect(bobs).not.toContain('>Flag</a>');
    for (const viewer of [carol, ctx.member, undefined]) {
      const theirs = article(await page(q.path, viewer), 2);
      expect(theirs, viewer?.username ?? 'anonymous').not.toContain('/edit"');
      expect(theirs, viewer?.username ?? 'anonymous').not.toContain('/delete"');
      expect(theirs, viewer?.username ?? 'anonymous').not.toContain('/revisions"');
      expect(theirs).toContain('Descale it with citric acid, twice.');
    }
    expect(article(await page(q.path, carol), 2)).toContain(`href="/p/${q.bobs.postId}/flag"`);
    expect(article(await page(q.path), 2)).not.toContain('/flag"');
    // And back: bob's own controls are still his after the others' views.
    expect(article(await page(q.path, ctx.other), 2)).toContain(`href="/p/${q.bobs.postId}/edit"`);
  });

  it('shows "You flagged this post" to the member who flagged it only, at once although a flag does not change the thread', async () => {
    const q = await question('Is the lid supposed to wobble?');
    expect(article(await page(q.path, carol), 2)).toContain(`href="/p/${q.bobs.postId}/flag"`);
    const version = () => ctx.db.$client.prepare('select version from threads where id = ?').pluck().get(q.threadId);
    const before = version();
    expect((await ctx.http.post(`/p/${q.bobs.postId}/flag`, { reason: 'spam' }, { as: carol })).status).toBe(303);
    expect(version()).toBe(before);
    const carols = article(await page(q.path, carol), 2);
    expect(carols).toContain('You flagged this post');
    expect(carols).not.toContain(`href="/p/${q.bobs.postId}/flag"`);
    const daves = article(await page(q.path, dave), 2);
    expect(daves).not.toContain('You flagged this post');
    expect(daves).toContain(`href="/p/${q.bobs.postId}/flag"`);
  });

  it('presses Helpful for the voter alone and shows everyone the new count', async () => {
    const q = await question('How long should a descale take?');
    await page(q.path, carol);
    expect((await ctx.http.post(`/p/${q.bobs.postId}/helpful`, {}, { as: carol })).status).toBe(303);
    const carols = article(await page(q.path, carol), 2);
    expect(carols).toContain('aria-pressed="true"');
    expect(carols).toContain('Helpful <span class="helpful-count">1</span>');
    const daves = article(await page(q.path, dave), 2);
    expect(daves).toContain('aria-pressed="false"');
    expect(daves).toContain('Helpful <span class="helpful-count">1</span>');
    // The author cannot vote for their own post: the count only, no button.
    const bobs = article(await page(q.path, ctx.other), 2);
    expect(bobs).not.toContain('aria-pressed');
    expect(bobs).toContain('1 found this helpful');
    expect(article(await page(q.path), 2)).toContain('1 found this helpful');
    // Withdrawn: unpressed for carol too.
    await ctx.http.post(`/p/${q.bobs.postId}/helpful`, {}, { as: carol });
    expect(article(await page(q.path, carol), 2)).toContain('aria-pressed="false"');
  });

  it('offers Accept to the asker and the category’s managers only, and Unaccept once accepted', async () => {
    const q = await question('Which descaler is safe?');
    expect(article(await page(q.path, ctx.member), 2)).toContain(`action="/p/${q.bobs.postId}/accept"`);
    expect(article(await page(q.path, ctx.manager), 2)).toContain(`action="/p/${q.bobs.postId}/accept"`);
    for (const viewer of [ctx.other, carol, undefined]) {
      expect(await page(q.path, viewer), viewer?.username ?? 'anonymous').not.toContain('/accept"');
    }
    await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member });
    expect(article(await page(q.path, ctx.member), 2)).toContain(`action="/p/${q.bobs.postId}/unaccept"`);
    const carols = article(await page(q.path, carol), 2);
    expect(carols).not.toContain('accept"');
    expect(carols).toContain('Accepted answer');
  });

  it('keeps moderator tools and hidden posts’ text to staff and the author', async () => {
    const q = await question('Can I boil milk in it?');
    const staff = await page(q.path, ctx.admin);
    expect(article(staff, 2)).toContain(`action="/p/${q.bobs.postId}/hide"`);
    expect(article(await page(q.path, carol), 2)).not.toContain('/hide"');
    expect((await ctx.http.post(`/p/${q.bobs.postId}/hide`, { reason: 'Unsafe advice' }, { as: ctx.admin })).status).toBe(303);
    const admins = article(await page(q.path, ctx.admin), 2);
    expect(admins).toContain(`action="/p/${q.bobs.postId}/unhide"`);
    expect(admins).toContain('Descale it with citric acid.');
    const bobs = article(await page(q.path, ctx.other), 2);
    expect(bobs).toContain('Descale it with citric acid.');
    expect(bobs).toContain('Unsafe advice');
    expect(bobs).not.toContain('/unhide"');
    for (const viewer of [carol, undefined]) {
      const theirs = article(await page(q.path, viewer), 2);
      expect(theirs).toContain('This post was hidden by a community manager.');
      expect(theirs).not.toContain('Descale it');
      expect(theirs).not.toContain('Unsafe advice');
      expect(theirs).not.toContain('/unhide"');
    }
  });

  it('gives Reply links to those who may reply: not on a locked thread, except to staff', async () => {
    const q = await question('Does it work on 110 V?');
    expect(article(await page(q.path, carol), 2)).toContain(`href="${q.path}?replyTo=2#reply"`);
    expect(article(await page(q.path), 2)).not.toContain('replyTo=');
    await ctx.http.post(`/t/${q.threadId}/lock`, { value: '1' }, { as: ctx.manager });
    expect(article(await page(q.path, ctx.manager), 2)).toContain(`href="${q.path}?replyTo=2#reply"`);
    expect(await page(q.path, carol)).not.toContain('replyTo=');
  });

  it('shows an edit, and the author’s new text, to every viewer at once', async () => {
    const q = await question('Why is there limescale already?');
    for (const viewer of [ctx.other, carol, ctx.manager, undefined]) await page(q.path, viewer);
    await ctx.http.post(`/p/${q.bobs.postId}/edit`, { body: 'Use filtered water.' }, { as: ctx.other });
    for (const viewer of [ctx.other, carol, ctx.manager, undefined]) {
      const theirs = article(await page(q.path, viewer), 2);
      expect(theirs, viewer?.username ?? 'anonymous').toContain('Use filtered water.');
      expect(theirs, viewer?.username ?? 'anonymous').not.toContain('citric acid');
    }
  });
});

// The layout and the page around the posts are kept once per thread version as frames with holes
// for each viewer's own parts (src/routes/thread-bytes.ts). A part rendered into the frame by
// mistake would show the first viewer's to everyone after them.
describe('the page around the posts, kept once per thread version', () => {
  const submission = (html: string) => html.match(/name="submission" value="([^"]+)"/)?.[1];

  it('shows each viewer their own name, counts, staff tools, watch level and reply token', async () => {
    const q = await question('Why does the lid rattle?');
    await ctx.http.post(`/t/${q.threadId}/watch`, { level: 'watching' }, { as: carol });
    const [carols, daves, mias, alices] = [await page(q.path, carol), await page(q.path, dave), await page(q.path, ctx.manager), await page(q.path, ctx.member)];
    expect(carols).toContain('href="/u/carol"');
    expect(carols).not.toContain('href="/u/dave"');
    expect(daves).toContain('href="/u/dave"');
    expect(daves).not.toContain('href="/u/carol"');
    expect(carols).toContain('<option value="watching" selected>');
    expect(daves).not.toContain('<option value="watching" selected>');
    expect(mias).toContain('Manage thread');
    expect(mias).toContain('href="/mod/queue"');
    for (const theirs of [carols, daves, alices]) {
      expect(theirs).not.toContain('Manage thread');
      expect(theirs).not.toContain('href="/mod/queue"');
    }
    // alice asked: bob's and mia's replies are unread notifications for her alone.
    expect(alices).toContain('class="count-badge"');
    expect(daves).not.toContain('class="count-badge"');
    expect(submission(carols)).toBeDefined();
    expect(new Set([carols, daves, mias, alices].map(submission)).size).toBe(4);
  });

  it('follows each viewer’s language, and every viewer sees a renamed thread at once', async () => {
    const q = await question('Why is the base warm?');
    const { token } = createSession(ctx.db, dave.id, ctx.clock.now());
    const inChinese = { cookie: `${SESSION_COOKIE}=${token}; hearth_locale=zh-Hans` };
    const english = await page(q.path, carol);
    const chinese = await (await ctx.http.get(q.path, inChinese)).text();
    expect(english).toContain('<html lang="en"');
    expect(chinese).toContain('<html lang="zh-Hans"');
    expect(chinese).toContain('href="/u/dave"');
    expect(await page(q.path, carol)).toContain('<html lang="en"');
    await ctx.http.post(`/t/${q.threadId}/rename`, { title: 'Why is the base of my kettle warm?' }, { as: ctx.manager });
    const renamed = (await ctx.http.get(`/t/${q.threadId}`, { as: carol })).headers.get('location')!;
    for (const theirs of [await page(renamed, carol), await (await ctx.http.get(renamed, inChinese)).text()]) {
      expect(theirs).toContain('<h1 dir="auto">Why is the base of my kettle warm?</h1>');
      expect(theirs).not.toContain('Why is the base warm?');
    }
  });
});
