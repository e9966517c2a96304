import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// Replies, mentions and watching, through the forms members use. Each test makes its own members,
// so what one test watches or mutes cannot reach another's notifications.

let ctx: ModerationContext;
let serial = 0;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(async () => {
  // Every refusal below was an expected 4xx page: nothing may have broken into a 500.
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

async function members(count: number): Promise<SignedIn[]> {
  return Promise.all(Array.from({ length: count }, () => makeUser(ctx.services, { username: `member${++serial}` })));
}

async function startThread(author: SignedIn, body = 'How do I descale it?', category = 'kettles') {
  const response = await ctx.http.post('/t', { category, title: `Thread number ${++serial}`, body }, { as: author });
  expect(response.status).toBe(303);
  const path = location(response);
  return { threadId: Number(path.split('/')[2]), path };
}

/** Replies through the form; returns the new post's id (published or waiting). */
async function reply(author: SignedIn, threadId: number, body = 'Vinegar works for me.') {
  const response = await ctx.http.post(`/t/${threadId}/replies`, { body }, { as: author });
  expect(response.status).toBe(303);
  const anchor = location(response).split('#')[1]!;
  if (anchor.startsWith('post-pending-')) return Number(anchor.slice('post-pending-'.length));
  return ctx.row<{ id: number }>('select id from posts where thread_id = ? and number = ?', threadId, Number(anchor.slice('post-'.length))).id;
}

async function watch(member: SignedIn, target: string, level: string) {
  const response = await ctx.http.post(`${target}/watch`, { level }, { as: member });
  expect(response.status).toBe(303);
  return response;
}

type Note = { kind: string; actor_id: number | null; post_id: number | null };
const notes = (member: SignedIn) =>
  ctx.rows<Note>("select kind, actor_id, post_id from notifications where user_id = ? and kind in ('reply', 'reply_to_post', 'mention', 'new_thread') order by id", member.id);
const kinds = (member: SignedIn) => notes(member).map((note) => note.kind);
const page = async (path: string, member?: SignedIn) => (await ctx.http.get(path, member ? { as: member } : {})).text();

describe('who hears about a reply', () => {
  it('tells watchers and the thread’s author, never the one who wrote it', async () => {
    const [ann, ben, cat] = await members(3);
    const { threadId } = await startThread(ann!);
    expect(ctx.row('select level from thread_watches where user_id = ? and thread_id = ?', ann!.id, threadId)).toEqual({ level: 'watching' });
    const first = await reply(ben!, threadId);
    expect(notes(ann!)).toEqual([{ kind: 'reply_to_post', actor_id: ben!.id, post_id: first }]);
    expect(notes(ben!)).toEqual([]);
    // Replying made ben a watcher; ann's own reply tells him but not her.
    await reply(ann!, threadId);
    expect(kinds(ben!)).toEqual(['reply']);
    expect(kinds(ann!)).toEqual(['reply_to_post']);
    await reply(cat!, threadId);
    expect(kinds(ann!)).toEqual(['reply_to_post', 'reply_to_post']);
    expect(kinds(ben!)).toEqual(['reply', 'reply']);
    expect(kinds(cat!)).toEqual([]);
  });

  it('says nothing from a muted thread, mentions included', async () => {
    const [ann, ben, cat] = await members(3);
    const { threadId } = await startThread(ann!);
    await reply(ben!, threadId);
    await watch(ben!, `/t/${threadId}`, 'muted');
    await watch(ann!, `/t/${threadId}`, 'muted');
    await reply(cat!, threadId, `What do you think, @${ben!.username} and @${ann!.username}?`);
    expect(kinds(ben!)).toEqual([]);
    expect(kinds(ann!)).toEqual(['reply_to_post']);
  });

  it('says nothing from a muted category, and an explicit thread choice beats the category', async () => {
    const [ann, ben, muter, watcher] = await members(4);
    await watch(muter!, '/c/kettles', 'muted');
    const { threadId } = await startThread(ann!, `Hello @${muter!.username}`);
    await reply(ben!, threadId, `@${muter!.username} any idea?`);
    expect(kinds(muter!)).toEqual([]);
    await watch(muter!, `/t/${threadId}`, 'watching');
    await reply(ben!, threadId);
    expect(kinds(muter!)).toEqual(['reply']);

    await watch(watcher!, '/c/kettles', 'watching');
    await watch(watcher!, `/t/${threadId}`, 'normal');
    await reply(ben!, threadId);
    expect(kinds(watcher!)).toEqual([]);
    await watch(muter!, '/c/kettles', 'normal');
    await watch(watcher!, '/c/kettles', 'normal');
  });

  it('tells category watchers about every new thread and reply there', async () => {
    const [ann, ben, watcher] = await members(3);
    await watch(watcher!, '/c/kettles', 'watching');
    const { threadId } = await startThread(ann!);
    await reply(ben!, threadId);
    expect(kinds(watcher!)).toEqual(['new_thread', 'reply']);
    // Other categories stay quiet.
    await startThread(ctx.manager, 'Grinders news', 'grinders');
    expect(kinds(watcher!)).toEqual(['new_thread', 'reply']);
    await watch(watcher!, '/c/kettles', 'normal');
  });

  it('tells nobody about a waiting post until a manager approves it', async () => {
    const [watcher, mentioned, categoryWatcher] = await members(3);
    const { threadId } = await startThread(ctx.manager, 'Burr sizes?', 'grinders');
    await watch(watcher!, `/t/${threadId}`, 'watching');
    await watch(categoryWatcher!, '/c/grinders', 'watching');
    const postId = await reply(ctx.carol, threadId, `Ask @${mentioned!.username}.`);
    expect(ctx.row<{ status: string }>('select status from posts where id = ?', postId).status).toBe('pending');
    expect([kinds(watcher!), kinds(mentioned!), kinds(categoryWatcher!)]).toEqual([[], [], []]);
    const itemId = ctx.row<{ id: number }>("select id from review_items where post_id = ? and kind = 'approval'", postId).id;
    expect((await ctx.http.post(`/mod/queue/${itemId}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    expect(notes(watcher!)).toEqual([{ kind: 'reply', actor_id: ctx.carol.id, post_id: postId }]);
    expect(kinds(mentioned!)).toEqual(['mention']);
    expect(kinds(categoryWatcher!)).toEqual(['reply']);
    expect(ctx.row('select count(*) as n from notifications where user_id = ? and post_id = ? and kind = ?', ctx.manager.id, postId, 'reply_to_post')).toEqual({ n: 1 });

    // A waiting thread, likewise: announced to the category once approved.
    const waiting = await ctx.pendingThread(ctx.dave, 'Grinder noise', `@${mentioned!.username} have you heard this?`);
    expect(kinds(categoryWatcher!)).toEqual(['reply']);
    expect((await ctx.http.post(`/mod/queue/${waiting.itemId}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    expect(kinds(categoryWatcher!)).toEqual(['reply', 'new_thread']);
    expect(kinds(mentioned!)).toEqual(['mention', 'mention']);
    expect(ctx.row('select level from thread_watches where user_id = ? and thread_id = ?', ctx.dave.id, waiting.threadId)).toEqual({ level: 'watching' });
    await watch(categoryWatcher!, '/c/grinders', 'normal');
  });
});

describe('mentions', () => {
  it('link to the profile and notify each existing member once', async () => {
    const [ann, ben, cat] = await members(3);
    const { threadId, path } = await startThread(ann!);
    await reply(ben!, threadId);
    // ben watches (he replied) and is mentioned twice: one mention, no reply notification.
    const postId = await reply(cat!, threadId, `@${ben!.username} and again @${ben!.username.toUpperCase()}, @${ann!.username}, @nobody_here, @${cat!.username}, \`@${ann!.username}\``);
    expect(notes(ben!)).toEqual([{ kind: 'mention', actor_id: cat!.id, post_id: postId }]);
    expect(notes(ann!).map((note) => note.kind)).toEqual(['reply_to_post', 'mention']);
    expect(kinds(cat!)).toEqual([]);
    const html = await page(path, ann);
    expect(html).toContain(`<a class="mention" href="/u/${ben!.username}" rel="nofollow ugc noopener">@${ben!.username}</a>`);
    expect(html).toContain('<a class="mention" href="/u/nobody_here"');
    expect(html).toContain(`<code>@${ann!.username}</code>`);
  });

  it('ignore mentions inside code, of suspended members, and beyond ten names', async () => {
    const [ann, coded, suspended] = await members(3);
    const many = await members(12);
    expect((await ctx.http.post(`/mod/users/${suspended!.username}/suspend`, { days: '3', reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
    await startThread(ann!, `\`@${coded!.username}\`\n\n    @${coded!.username}\n\n@${suspended!.username}`);
    expect(kinds(coded!)).toEqual([]);
    expect(kinds(suspended!)).toEqual([]);
    await startThread(ann!, many.map((member) => `@${member.username}`).join(' '));
    expect(many.map((member) => kinds(member).length)).toEqual([...Array(10).fill(1), 0, 0]);
  });
});

describe('the notifications page', () => {
  it('groups unread replies per thread, opens the first and reads the group', async () => {
    const [ann, ben, cat, reader] = await members(4);
    const { threadId } = await startThread(ann!);
    await watch(reader!, `/t/${threadId}`, 'watching');
    const firstPost = await reply(ben!, threadId);
    await reply(cat!, threadId);
    await reply(ben!, threadId);
    await startThread(ben!, `Hi @${reader!.username}`);
    const title = ctx.row<{ title: string }>('select title from threads where id = ?', threadId).title;
    let html = await page('/notifications', reader);
    expect(html.match(/new replies in/g)).toHaveLength(1);
    expect(html).toContain(`3 new replies in “<bdi>${title}</bdi>”`);
    expect(html).toContain(`<bdi>${ben!.username}</bdi> mentioned you in “`);
    // Two groups are unread: the replies and the mention.
    expect(html).toContain('<span class="count-badge" aria-label="2 unread">2</span>');
    const groupId = ctx.row<{ id: number }>("select max(id) as id from notifications where user_id = ? and kind = 'reply'", reader!.id).id;
    const open = await ctx.http.post(`/notifications/${groupId}/open`, {}, { as: reader });
    const firstNumber = ctx.row<{ number: number }>('select number from posts where id = ?', firstPost).number;
    expect(location(open)).toMatch(new RegExp(`^/t/${threadId}/[^#]+#post-${firstNumber}$`));
    expect(ctx.row('select count(*) as n from notifications where user_id = ? and kind = ? and read_at is null', reader!.id, 'reply')).toEqual({ n: 0 });
    html = await page('/notifications', reader);
    expect(html).not.toContain('new replies in');
    expect(html.match(/replied in “/g)).toHaveLength(3);
    expect(html).toContain('<span class="count-badge" aria-label="1 unread">1</span>');
    expect((await ctx.http.post('/notifications/read-all', {}, { as: reader })).status).toBe(303);
    expect(await page('/notifications', reader)).not.toContain('count-badge');
  });

  it('shows a notification neutrally once its post is hidden', async () => {
    const [ann, reader] = await members(2);
    const { threadId } = await startThread(ann!);
    const postId = await reply(ctx.other, threadId, `@${reader!.username} look at this`);
    expect((await ctx.http.post(`/p/${postId}/hide`, { reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
    const html = await page('/notifications', reader);
    expect(html).toContain(`A post by <bdi>${ctx.other.username}</bdi> that you were notified about is no longer available.`);
    expect(html).not.toContain('mentioned you');
  });

  it('pages with a cursor, newest first', async () => {
    const [ann, reader] = await members(2);
    const { threadId } = await startThread(ann!);
    for (let index = 0; index < 32; index += 1) await reply(ann!, threadId, `@${reader!.username} number ${index}`);
    const first = await page('/notifications', reader);
    expect(first.match(/mentioned you in/g)).toHaveLength(30);
    const next = /href="\/notifications\?before=(\d+)"/.exec(first)?.[1];
    expect(next).toBeDefined();
    const second = await page(`/notifications?before=${next}`, reader);
    expect(second.match(/mentioned you in/g)).toHaveLength(2);
    expect(second).not.toContain('?before=');
  });
});

describe('the watch forms', () => {
  it('show the current level to members only, and never in cached anonymous pages', async () => {
    const [ann, ben] = await members(2);
    const { threadId, path } = await startThread(ann!);
    expect(await page(path, ann)).toMatch(/<option value="watching" selected>/);
    expect(await page(path, ben)).toMatch(/<option value="normal" selected>/);
    await watch(ben!, '/c/kettles', 'muted');
    const html = await page(path, ben);
    expect(html).toMatch(/<option value="muted" selected>/);
    expect(html).toContain('Set for the whole category');
    expect(await page('/c/kettles', ben)).toMatch(/action="\/c\/kettles\/watch"[\s\S]*<option value="muted" selected>/);
    for (const anonymous of [await page(path), await page(path), await page('/c/kettles'), await page('/c/kettles')]) {
      expect(anonymous).not.toContain('watch-form');
      expect(anonymous).not.toContain('/watch"');
    }
    await watch(ben!, '/c/kettles', 'normal');
    expect(threadId).toBeGreaterThan(0);
  });

  it('send visitors to sign in, refuse unknown levels and invisible threads', async () => {
    const [ann, ben] = await members(2);
    const { threadId } = await startThread(ann!);
    expect(location(await ctx.http.post(`/t/${threadId}/watch`, { level: 'muted' }))).toBe(`/login?next=%2Ft%2F${threadId}`);
    expect(location(await ctx.http.post('/c/kettles/watch', { level: 'muted' }))).toBe('/login?next=%2Fc%2Fkettles');
    for (const target of [`/t/${threadId}`, '/c/kettles']) {
      const refused = await ctx.http.post(`${target}/watch`, { level: 'everything' }, { as: ben });
      expect(refused.status).toBe(422);
      expect(await refused.text()).toContain('Please choose one of the offered levels');
      expect((await ctx.http.post(`${target}/watch`, {}, { as: ben })).status).toBe(422);
    }
    expect((await ctx.http.post('/t/999999/watch', { level: 'muted' }, { as: ben })).status).toBe(404);
    expect((await ctx.http.post('/c/no-such-board/watch', { level: 'muted' }, { as: ben })).status).toBe(404);
    const waiting = await ctx.pendingThread(ctx.carol, 'Waiting grinder thread');
    expect((await ctx.http.post(`/t/${waiting.threadId}/watch`, { level: 'watching' }, { as: ben })).status).toBe(404);
    expect((await ctx.http.post(`/t/${waiting.threadId}/watch`, { level: 'muted' }, { as: ctx.carol })).status).toBe(303);
    expect(ctx.rows('select user_id from thread_watches where thread_id = ?', waiting.threadId)).toEqual([{ user_id: ctx.carol.id }]);
    // GET changes nothing: /t/:id/watch reads as a thread URL with a wrong slug.
    expect((await ctx.http.get(`/t/${threadId}/watch?level=muted`, { as: ben })).status).toBe(301);
    expect(ctx.rows('select level from thread_watches where user_id = ?', ben!.id)).toEqual([]);
  });
});

describe('replies to a post (the “Reply” link on each post)', () => {
  async function replyTo(author: SignedIn, threadId: number, target: string, body = 'Good point.') {
    const response = await ctx.http.post(`/t/${threadId}/replies`, { body, replyTo: target }, { as: author });
    expect(response.status).toBe(303);
    return ctx.row<{ id: number }>('select id from posts where thread_id = ? and number = ?', threadId, Number(location(response).split('#post-')[1])).id;
  }
  const data = (member: SignedIn) => ctx.rows<{ kind: string; data: string | null }>('select kind, data from notifications where user_id = ? order by id', member.id);

  it('links each post of a signed-in page to the reply form, which names the post; anonymous pages stay as they were', async () => {
    const [ann, ben] = await members(2);
    const { threadId, path } = await startThread(ann!);
    await reply(ben!, threadId);
    const signedIn = await page(path, ann);
    expect(signedIn).toContain(`<a href="${path}?replyTo=1#reply">Reply</a>`);
    expect(signedIn).toContain(`<a href="${path}?replyTo=2#reply">Reply</a>`);
    expect(signedIn).not.toContain('name="replyTo"');
    const form = await page(`${path}?replyTo=2`, ann);
    expect(form).toContain('<section class="reply" id="reply"');
    expect(form).toContain('<input type="hidden" name="replyTo" value="2">');
    expect(form).toContain(`Replying to <a href="/p/`);
    expect(form).toContain(`<bdi>@${ben!.username}</bdi>’s post #2</a> · <a href="${path}#reply">Cancel</a>`);
    for (const anonymous of [await page(path), await page(path), await page(`${path}?replyTo=2`)]) {
      expect(anonymous).not.toContain('replyTo');
      expect(anonymous).not.toContain('Replying to');
      expect(anonymous).toContain('to reply.');
    }
  });

  it('tells the replied-to author, who need not watch the thread', async () => {
    const [ann, ben, cat] = await members(3);
    const { threadId } = await startThread(ann!);
    await reply(ben!, threadId);
    await watch(ben!, `/t/${threadId}`, 'normal');
    const postId = await replyTo(cat!, threadId, '2');
    expect(notes(ben!)).toEqual([{ kind: 'reply_to_post', actor_id: cat!.id, post_id: postId }]);
    expect(data(ben!)).toEqual([{ kind: 'reply_to_post', data: '{"replyTo":2}' }]);
    // The thread's author hears as before, in their own words.
    expect(data(ann!).map((row) => row.data)).toEqual([null, null]);
    const title = ctx.row<{ title: string }>('select title from threads where id = ?', threadId).title;
    expect(await page('/notifications', ben)).toContain(`<bdi>${cat!.username}</bdi> replied to your post #2 in “<bdi>${title}</bdi>”`);
    expect(await page('/notifications', ann)).toContain(`<bdi>${cat!.username}</bdi> replied to your thread “<bdi>${title}</bdi>”`);
  });

  it('says nothing to an author who muted the thread, nor to anyone about their own post', async () => {
    const [ann, ben, cat] = await members(3);
    const { threadId } = await startThread(ann!);
    await reply(ben!, threadId);
    await watch(ben!, `/t/${threadId}`, 'muted');
    await replyTo(cat!, threadId, '2');
    expect(kinds(ben!)).toEqual([]);
    await watch(ben!, `/t/${threadId}`, 'normal');
    await replyTo(ben!, threadId, '2', 'Replying to myself.');
    expect(kinds(ben!)).toEqual([]);
    const own = await replyTo(ann!, threadId, '1', 'Answering my own question.');
    expect(notes(ann!).filter((note) => note.post_id === own)).toEqual([]);
  });

  it('sends one notification per member and reply, whatever else applies', async () => {
    const [ann, ben, cat] = await members(3);
    const { threadId } = await startThread(ann!);
    await reply(ben!, threadId);
    // ben watches the thread (he replied) and is replied to: one notification, not two.
    let postId = await replyTo(cat!, threadId, '2');
    expect(notes(ben!)).toEqual([{ kind: 'reply_to_post', actor_id: cat!.id, post_id: postId }]);
    // The thread's author, replied to on the opening post: one.
    postId = await replyTo(cat!, threadId, '1');
    expect(notes(ann!).filter((note) => note.post_id === postId)).toEqual([{ kind: 'reply_to_post', actor_id: cat!.id, post_id: postId }]);
    // Replied to and mentioned: the mention.
    postId = await replyTo(cat!, threadId, '2', `Right, @${ben!.username}?`);
    expect(notes(ben!).filter((note) => note.post_id === postId)).toEqual([{ kind: 'mention', actor_id: cat!.id, post_id: postId }]);
    expect(ctx.row('select count(*) as n from notifications where post_id in (select id from posts where thread_id = ?) group by post_id, user_id order by n desc limit 1', threadId)).toEqual({ n: 1 });
  });

  it('ignores a replyTo that is not a visible post of the thread', async () => {
    const [ann, ben, cat, dan, eve] = await members(5);
    const { threadId } = await startThread(ann!);
    await watch(ben!, `/t/${threadId}`, 'normal');
    await watch(dan!, `/t/${threadId}`, 'normal');
    const hidden = await reply(ben!, threadId);
    const deleted = await reply(dan!, threadId);
    expect((await ctx.http.post(`/p/${hidden}/hide`, { reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
    expect((await ctx.http.post(`/p/${deleted}/delete`, {}, { as: dan })).status).toBe(303);
    for (const target of ['', 'abc', '0', '-1', '2.5', '1e3', '99', '9'.repeat(40), '2', '3']) await replyTo(cat!, threadId, target);
    // Post 3 exists in the first thread only: here it is out of range.
    const other = await startThread(eve!);
    await replyTo(cat!, other.threadId, '3');
    expect([kinds(ben!), kinds(dan!)]).toEqual([[], []]);
    expect(ctx.rows('select data from notifications where user_id in (?, ?) and data is not null', ann!.id, eve!.id)).toEqual([]);
    for (const target of ['2', 'abc', '99']) {
      const form = await page(`/t/${threadId}?replyTo=${target}`, cat);
      expect(form).not.toContain('name="replyTo"');
    }
    expect(ctx.errors).toEqual([]);
  });

  it('tells the replied-to author when a reply held for approval is published, if their post is still visible', async () => {
    const [ben, cat, dan] = await members(3);
    const started = await ctx.http.post('/t', { category: 'grinders', title: `Held replies ${++serial}`, body: 'Which burr set?' }, { as: ctx.manager });
    const threadId = Number(location(started).split('/')[2]);
    const approve = async (postId: number) => {
      const item = ctx.row<{ id: number }>("select id from review_items where post_id = ? and kind = 'approval' and status = 'open'", postId).id;
      expect((await ctx.http.post(`/mod/queue/${item}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    };
    const held = async (author: SignedIn, body: string, replyTo?: string) => {
      const response = await ctx.http.post(`/t/${threadId}/replies`, { body, ...(replyTo ? { replyTo } : {}) }, { as: author });
      expect(location(response)).toContain('#post-pending-');
      return Number(location(response).split('#post-pending-')[1]);
    };
    await approve(await held(ben!, 'The conical one.'));
    await watch(ben!, `/t/${threadId}`, 'normal');
    const answer = await held(cat!, 'Why conical?', '2');
    expect(kinds(ben!)).toEqual([]);
    await approve(answer);
    expect(notes(ben!)).toEqual([{ kind: 'reply_to_post', actor_id: cat!.id, post_id: answer }]);
    expect(data(ben!).filter((row) => row.kind === 'reply_to_post')).toEqual([{ kind: 'reply_to_post', data: '{"replyTo":2}' }]);

    // Hidden while the reply waited: nobody is told about a reply to a post they can no longer see.
    const late = await held(dan!, 'Agreed with #2.', '2');
    const benPost = ctx.row<{ id: number }>('select id from posts where thread_id = ? and number = 2', threadId).id;
    expect((await ctx.http.post(`/p/${benPost}/hide`, { reason: 'Off topic' }, { as: ctx.manager })).status).toBe(303);
    await approve(late);
    expect(kinds(ben!).filter((kind) => kind === 'reply_to_post')).toHaveLength(1);
  });

  it('keeps the post replied to when the form comes back with an error', async () => {
    const [ann, ben, cat] = await members(3);
    const { threadId, path } = await startThread(ann!);
    await reply(ben!, threadId);
    const refused = await ctx.http.post(`/t/${threadId}/replies`, { body: '', replyTo: '2' }, { as: cat });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('<input type="hidden" name="replyTo" value="2">');
    expect(html).toContain(`<bdi>@${ben!.username}</bdi>’s post #2</a> · <a href="${path}#reply">Cancel</a>`);
    const invalid = await ctx.http.post(`/t/${threadId}/replies`, { body: '', replyTo: '42' }, { as: cat });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).not.toContain('name="replyTo"');
  });
});
