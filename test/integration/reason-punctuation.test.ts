import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// Reasons that end their own sentence ("… here.") are quoted without a period after the closing
// quote, wherever a member or a manager reads them.

let ctx: ModerationContext;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(() => ctx.close());

// A reason on a thread page is isolated in <bdi> (member and staff text reads in its own direction).
const doubled = /[.!?…](?:<\/bdi>)?”\./;
const page = async (path: string, as: Parameters<typeof ctx.http.get>[1]) => (await ctx.http.get(path, as)).text();

describe('a reason that ends with its own punctuation', () => {
  it('is not followed by another period on a hidden post, in its notification and email, and in the queue', async () => {
    const author = await makeUser(ctx.services, { username: 'quinn' });
    expect((await ctx.http.post('/account/email', { preference: 'immediately' }, { as: author })).status).toBe(303);
    const thread = await ctx.publishedThread(author, 'Descaler brands compared');
    const itemId = await ctx.flag(ctx.member, thread.postId);
    expect((await ctx.http.post(`/p/${thread.postId}/hide`, { reason: 'Please keep brand names out of here.' }, { as: ctx.manager })).status).toBe(303);

    const threadPage = await page(thread.path, { as: author });
    expect(threadPage).toContain('Hidden by a community manager: “<bdi>Please keep brand names out of here.</bdi>” Others see a placeholder.');
    const notifications = await page('/notifications', { as: author });
    expect(notifications).toContain('Reason: “<bdi>Please keep brand names out of here.</bdi>”');
    const mail = ctx.row<{ text_body: string }>("select text_body from email_outbox where to_address = 'quinn@example.com' order by id desc limit 1");
    expect(mail.text_body).toContain('Reason: “Please keep brand names out of here.”');
    // Hiding resolves the flag; a flag that stays open (filed as the manager hid it) shows the reason.
    ctx.db.$client.prepare("update review_items set status = 'open', resolution = null, resolved_by_id = null, resolved_at = null where id = ?").run(itemId);
    const queue = await page('/mod/queue', { as: ctx.manager });
    expect(queue).toContain(`Already hidden by a community manager: <bdi>“Please keep brand names out of here.”</bdi></p>`);
    for (const text of [threadPage, notifications, mail.text_body, queue]) expect(text).not.toMatch(doubled);
  });

  it('is not followed by another period on a post that was not approved', async () => {
    const { itemId, path } = await ctx.pendingThread(ctx.member, 'Grinder for pour-over?');
    expect((await ctx.http.post(`/mod/queue/${itemId}/reject`, { reason: 'other', reasonOther: 'Is this a duplicate?' }, { as: ctx.manager })).status).toBe(303);
    const threadPage = await page(path, { as: ctx.member });
    expect(threadPage).toContain('did not approve this post: “<bdi>Is this a duplicate?</bdi>” Your text is kept');
    expect(await page('/notifications', { as: ctx.member })).toContain('was not approved. Reason: “<bdi>Is this a duplicate?</bdi>” Your text is kept');
  });

  it('is not followed by another period on the member page, or when a suspended member signs in', async () => {
    const member = await makeUser(ctx.services, { username: 'rowan', password: 'correct horse battery' });
    expect((await ctx.http.post('/mod/users/rowan/silence', { days: '3', reason: 'Cool down a little…' }, { as: ctx.manager })).status).toBe(303);
    expect((await ctx.http.post('/mod/users/rowan/suspend', { days: '3', reason: 'Stop posting “deals”' }, { as: ctx.manager })).status).toBe(303);
    const memberPage = await page('/mod/users/rowan', { as: ctx.manager });
    expect(memberPage).toContain('Silenced: <bdi>“Cool down a little…”</bdi></p>');
    expect(memberPage).toContain('Suspended: <bdi>“Stop posting “deals””</bdi></p>');
    const signIn = await (await ctx.http.post('/login', { login: 'rowan', password: 'correct horse battery' })).text();
    expect(signIn).toContain('UTC: “Stop posting “deals”” You can sign in again after that.');
    expect(member.username).toBe('rowan');
  });

  it('still ends the sentence with a period when the reason does not', async () => {
    const thread = await ctx.publishedThread(ctx.other, 'Kettle lid colours');
    expect((await ctx.http.post(`/p/${thread.postId}/hide`, { reason: 'Off-topic' }, { as: ctx.manager })).status).toBe(303);
    expect(await page(thread.path, { as: ctx.other })).toContain('Hidden by a community manager: “<bdi>Off-topic</bdi>”. Others see a placeholder.');
    expect(await page('/notifications', { as: ctx.other })).toContain('Reason: “<bdi>Off-topic</bdi>”.');
  });
});
