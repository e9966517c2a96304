import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockThread } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// Whoever cannot reply is told the real reason, in place of the reply box: a silence (until when,
// and why), a thread still waiting for approval or not approved (and what its author can do), a
// locked thread, a visitor who is not signed in. A post refused anyway keeps its text on the 403.

let ctx: ModerationContext;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(() => ctx.close());

const replyForm = (threadId: number) => `action="/t/${threadId}/replies"`;

async function page(path: string, as?: SignedIn) {
  const response = await ctx.http.get(path, as ? { as } : {});
  expect(response.status).toBe(200);
  return response.text();
}

describe('the reply box says why a viewer cannot reply', () => {
  it('tells a silenced member until when and why, on an open thread, without a form to type into', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'An open thread about descaling');
    expect((await ctx.http.post('/mod/users/dave/silence', { days: '3', reason: 'Heated replies' }, { as: ctx.manager })).status).toBe(303);
    const html = await page(thread.path, ctx.dave);
    expect(html).toContain('You have been silenced until');
    expect(html).toContain('(“<bdi>Heated replies</bdi>”)');
    expect(html).not.toContain('This thread is locked');
    expect(html).not.toContain(replyForm(thread.threadId));
    // Other members still get the form.
    expect(await page(thread.path, ctx.other)).toContain(replyForm(thread.threadId));
  });

  it('tells the author of a thread waiting for approval, with the edit link', async () => {
    const thread = await ctx.pendingThread(ctx.carol, 'Waiting for a manager to approve');
    const html = await page(thread.path, ctx.carol);
    expect(html).toContain('Your thread is waiting for approval.');
    expect(html).toContain(`<a href="/p/${thread.postId}/edit">Edit your opening post</a>`);
    expect(html).not.toContain('This thread is locked');
    expect(html).not.toContain(replyForm(thread.threadId));
  });

  it('tells the author of a rejected thread that it was not approved and what to do', async () => {
    const thread = await ctx.pendingThread(ctx.carol, 'A thread that will be rejected');
    expect((await ctx.http.post(`/mod/queue/${thread.itemId}/reject`, { reason: 'other', reasonOther: 'Please add the model number' }, { as: ctx.manager })).status).toBe(303);
    const html = await page(thread.path, ctx.carol);
    expect(html).toContain('Your thread was not approved</strong>, so it takes no replies.');
    expect(html).toContain(`<a href="/p/${thread.postId}/edit">Edit your opening post</a>`);
    expect(html).not.toContain('This thread is locked');
  });

  it('says a locked thread is locked, to members and visitors alike', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'A thread that gets locked');
    lockThread(ctx.services, thread.threadId);
    expect(await page(thread.path, ctx.other)).toContain('This thread is locked, so it takes no new replies.');
    expect(await page(thread.path)).toContain('This thread is locked, so it takes no new replies.');
    // Staff still reply to locked threads.
    expect(await page(thread.path, ctx.manager)).toContain(replyForm(thread.threadId));
  });

  it('asks visitors to sign in on an open thread', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'A thread for visitors');
    const html = await page(thread.path);
    expect(html).toContain(`<a href="/login?next=${encodeURIComponent(thread.path)}">Log in</a> or <a href="/signup">sign up</a> to reply.`);
    expect(html).not.toContain(replyForm(thread.threadId));
  });
});

describe('GET /new for a silenced member', () => {
  it('shows the silence and its reason instead of the form', async () => {
    expect((await ctx.http.post('/mod/users/bob/silence', { days: '2', reason: 'Cooling off' }, { as: ctx.manager })).status).toBe(303);
    const html = await page('/new?category=kettles', ctx.other);
    expect(html).toContain('You cannot start threads for now.');
    expect(html).toContain('You have been silenced until');
    expect(html).toContain('(“<bdi>Cooling off</bdi>”)');
    expect(html).not.toContain('action="/t"');
    expect(html).not.toContain('name="body"');
    await ctx.http.post('/mod/users/bob/unsilence', {}, { as: ctx.manager });
  });
});

describe('a silenced member’s text that comes back is kept to copy, not to send', () => {
  it('on the thread page after a 422, and on /new after Preview', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'An invalid reply from a silenced member');
    expect((await ctx.http.post('/mod/users/bob/silence', { days: '1', reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
    const invalid = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Half a reply\u0001 with a control character' }, { as: ctx.other });
    expect(invalid.status).toBe(422);
    const html = await invalid.text();
    expect(html).toContain('You have been silenced until');
    expect(html).toMatch(/<textarea id="kept-reply" rows="8" dir="auto" readonly>\nHalf a reply/);
    expect(html).not.toContain(replyForm(thread.threadId));
    const preview = await ctx.http.post('/t', { category: 'kettles', title: 'A preview while silenced', body: 'Draft text to keep', intent: 'preview' }, { as: ctx.other });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain('You cannot start threads for now.');
    expect(previewHtml).toContain('Draft text to keep</textarea>');
    expect(previewHtml).not.toContain('action="/t"');
    await ctx.http.post('/mod/users/bob/unsilence', {}, { as: ctx.manager });
  });
});

describe('a post refused with 403 keeps the typed text', () => {
  it('gives a reply back when the member was silenced in another tab meanwhile', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'Silenced while typing a reply');
    expect(await page(thread.path, ctx.other)).toContain(replyForm(thread.threadId));
    expect((await ctx.http.post('/mod/users/bob/silence', { days: '1', reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
    const response = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'A long reply <that> took an hour to write' }, { as: ctx.other });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('You have been silenced until');
    expect(html).toMatch(/<textarea id="kept-body" rows="8" dir="auto" readonly>\nA long reply &lt;that&gt; took an hour to write<\/textarea>/);
    expect(html).toContain(`<a href="/t/${thread.threadId}">Back to the thread</a>`);
    await ctx.http.post('/mod/users/bob/unsilence', {}, { as: ctx.manager });
  });

  it('gives a reply back when the thread was locked while it was written', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'Locked while typing a reply');
    lockThread(ctx.services, thread.threadId);
    const response = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'My carefully written answer' }, { as: ctx.other });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('This thread is locked');
    expect(html).toContain('My carefully written answer</textarea>');
  });

  it('gives a new thread’s title and text back', async () => {
    expect((await ctx.http.post('/mod/users/bob/silence', { days: '1', reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
    const response = await ctx.http.post('/t', { category: 'kettles', title: 'My kettle whistles at night', body: 'Every night at 3 am it whistles.' }, { as: ctx.other });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('My kettle whistles at night</textarea>');
    expect(html).toContain('Every night at 3 am it whistles.</textarea>');
    await ctx.http.post('/mod/users/bob/unsilence', {}, { as: ctx.manager });
  });

  it('gives an edit back when the thread was locked while it was edited', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'Locked while the author edits');
    lockThread(ctx.services, thread.threadId);
    const response = await ctx.http.post(`/p/${thread.postId}/edit`, { body: 'The corrected text of my question' }, { as: ctx.member });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('The corrected text of my question</textarea>');
    expect(html).toContain(`<a href="/p/${thread.postId}">Back to the post</a>`);
  });
});

describe('a silenced author and their own posts', () => {
  it('is told of the silence instead of an edit form, and an edit sent anyway changes nothing and comes back', async () => {
    const thread = await ctx.publishedThread(ctx.other, 'Silenced before editing');
    expect(await page(thread.path, ctx.other)).toContain(`href="/p/${thread.postId}/edit"`);
    expect((await ctx.http.post('/mod/users/bob/silence', { days: '1', reason: 'Heated replies' }, { as: ctx.manager })).status).toBe(303);
    expect(await page(thread.path, ctx.other)).not.toContain(`href="/p/${thread.postId}/edit"`);
    const form = await ctx.http.get(`/p/${thread.postId}/edit`, { as: ctx.other });
    expect(form.status).toBe(403);
    expect(await form.text()).toContain('You have been silenced until');
    const before = ctx.db.$client.prepare('select body from posts where id = ?').pluck().get(thread.postId);
    const response = await ctx.http.post(`/p/${thread.postId}/edit`, { body: 'Rewritten while silenced' }, { as: ctx.other });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('You have been silenced until');
    expect(html).toContain('Rewritten while silenced</textarea>');
    expect(ctx.db.$client.prepare('select body from posts where id = ?').pluck().get(thread.postId)).toBe(before);
    await ctx.http.post('/mod/users/bob/unsilence', {}, { as: ctx.manager });
  });
});

describe('a flag refused with 403', () => {
  it('gives the note back when the member was silenced after opening the flag form', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'A post bob flags while being silenced');
    expect((await ctx.http.get(`/p/${thread.postId}/flag`, { as: ctx.other })).status).toBe(200);
    expect((await ctx.http.post('/mod/users/bob/silence', { days: '1', reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
    const response = await ctx.http.post(`/p/${thread.postId}/flag`, { reason: 'other', note: 'It copies my whole guide word for word' }, { as: ctx.other });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('You have been silenced until');
    expect(html).toContain('It copies my whole guide word for word</textarea>');
    expect(ctx.db.$client.prepare('select count(*) from flags where post_id = ?').pluck().get(thread.postId)).toBe(0);
    await ctx.http.post('/mod/users/bob/unsilence', {}, { as: ctx.manager });
  });
});
