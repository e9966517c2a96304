import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { servedForum } from '../helpers/server.js';

// Signed-in thread pages answered before the router (src/routes/signed-in-threads.ts): the same
// bytes and headers the app gives the same member, and everything out of the plain case left to it.

const forum = servedForum();
const { accessLog } = forum;
let ctx: ReturnType<typeof forum.forum>;
let served: ReturnType<typeof forum.served>;
let carol: SignedIn;
let thread: { threadId: number; postId: number; slug: string };
let path: string;

beforeAll(async () => {
  ctx = forum.forum();
  served = forum.served();
  makeCategory(ctx.services, { name: 'Kettle questions', slug: 'help', kind: 'questions' });
  carol = await makeUser(ctx.services, { username: 'carol' });
  thread = await makeThread(ctx.services, ctx.member, { category: 'help', title: 'Why does the lid rattle?', body: 'It stops at 90 °C.' });
  await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Descale it with citric acid.' });
  await makeReply(ctx.services, ctx.manager, { threadId: thread.threadId, body: 'Update the firmware to 2.1.' });
  path = `/t/${thread.threadId}/${thread.slug}`;
});

const cookieOf = (member: SignedIn, more = '') => `${more}${SESSION_COOKIE}=${createSession(ctx.db, member.id, ctx.clock.now()).token}`;

/** The page with what differs on every response (the nonce, the reply form's token) named. */
function stable(text: string, nonce: string): string {
  return text.replaceAll(nonce, 'NONCE').replace(/name="submission" value="[^"]+"/g, 'name="submission" value="TOKEN"');
}
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? 'none';
const perResponse = new Set(['x-request-id', 'content-security-policy', 'date', 'connection', 'keep-alive']);
const stableHeaders = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => !perResponse.has(name)));

describe('signed-in thread pages answered before the router', () => {
  it.each([
    ['a member', () => carol, ''],
    ['the asker, with unread notifications', () => ctx.member, ''],
    ['a manager, with staff tools', () => ctx.manager, ''],
    ['a member reading in another language', () => carol, 'hearth_locale=zh-Hans; '],
  ])('gives %s the bytes and headers the app gives them', async (_who, member, more) => {
    const cookie = cookieOf(member(), more);
    const lane = await served.get(path, { cookie });
    expect(lane.reachedApp).toBe(false);
    expect(lane.response.status).toBe(200);
    // The app's answer to the same member: a query string the lane does not take.
    const app = await served.get(`${path}?from=app`, { cookie });
    expect(app.reachedApp).toBe(true);
    expect(stable(lane.text, nonceOf(lane.response))).toBe(stable(app.text, nonceOf(app.response)));
    expect(stableHeaders(lane.response)).toEqual(stableHeaders(app.response));
    expect(lane.response.headers.get('cache-control')).toBe('private, no-store');
    expect(lane.response.headers.get('content-length')).toBe(String(Buffer.byteLength(lane.text)));
    expect(lane.text).toContain(`href="/u/${member().username}"`);
    expect(lane.text).toContain(`nonce="${nonceOf(lane.response)}"`);
  });

  it('shows each member their own page, with a fresh reply token every time', async () => {
    const carols = await served.get(path, { cookie: cookieOf(carol) });
    const mias = await served.get(path, { cookie: cookieOf(ctx.manager) });
    expect(carols.text).not.toContain('Manage thread');
    expect(mias.text).toContain('Manage thread');
    const again = await served.get(path, { cookie: cookieOf(carol) });
    const token = (text: string) => /name="submission" value="([^"]+)"/.exec(text)?.[1];
    expect(token(carols.text)).toBeDefined();
    expect(token(again.text)).not.toBe(token(carols.text));
    expect(again.response.headers.get('x-request-id')).not.toBe(carols.response.headers.get('x-request-id'));
  });

  it('sees a reply at once', async () => {
    const cookie = cookieOf(carol);
    await served.get(path, { cookie });
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'It was the gasket all along.' });
    const after = await served.get(path, { cookie });
    expect(after.reachedApp).toBe(false);
    expect(after.text).toContain('It was the gasket all along.');
  });

  it('answers a later page of a long thread as the app does, and leaves a page past the last to it', async () => {
    const long = await makeThread(ctx.services, ctx.member, { category: 'help', title: 'Twenty-five answers about limescale', body: 'Post 1' });
    for (let number = 2; number <= 25; number++) await makeReply(ctx.services, number % 2 ? ctx.other : carol, { threadId: long.threadId, body: `Post ${number}` });
    const cookie = cookieOf(carol);
    const second = `/t/${long.threadId}/${long.slug}?page=2`;
    const lane = await served.get(second, { cookie });
    expect([lane.reachedApp, lane.response.status]).toEqual([false, 200]);
    expect(lane.text).toContain('Post 25');
    expect(lane.text).not.toContain('>Post 20<');
    const app = await served.get(`${second}&from=app`, { cookie });
    expect(app.reachedApp).toBe(true);
    expect(stable(lane.text, nonceOf(lane.response))).toBe(stable(app.text, nonceOf(app.response)));
    expect(stableHeaders(lane.response)).toEqual(stableHeaders(app.response));
    const past = await served.get(`/t/${long.threadId}/${long.slug}?page=3`, { cookie });
    expect([past.reachedApp, past.response.status]).toEqual([true, 404]);
    const padded = await served.get(`/t/${long.threadId}/${long.slug}?page=02`, { cookie });
    expect(padded.reachedApp).toBe(true);
  });

  it('answers a thread whose title is in another script, as the app does', async () => {
    const kettle = await makeThread(ctx.services, ctx.member, { category: 'help', title: '水壶盖子为什么会响', body: '九十度时停下。' });
    expect(kettle.slug).toMatch(/^%E6/);
    const cookie = cookieOf(carol);
    const lane = await served.get(`/t/${kettle.threadId}/${kettle.slug}`, { cookie });
    expect([lane.reachedApp, lane.response.status]).toEqual([false, 200]);
    const app = await served.get(`/t/${kettle.threadId}/${kettle.slug}?from=app`, { cookie });
    expect(app.reachedApp).toBe(true);
    expect(stable(lane.text, nonceOf(lane.response))).toBe(stable(app.text, nonceOf(app.response)));
    expect(lane.text).toContain('水壶盖子为什么会响');
    // The same letters with lower-case hex are not the slug as stored: the lane leaves them to the app.
    const lower = await served.get(`/t/${kettle.threadId}/${kettle.slug.toLowerCase()}`, { cookie });
    expect([lower.reachedApp, lower.response.status]).toEqual([true, 200]);
  });

  it('leaves to the app what is not the plain case', async () => {
    const cookie = cookieOf(carol);
    const renamed = await makeThread(ctx.services, ctx.member, { category: 'help', title: 'Old name', body: 'x' });
    await ctx.http.post(`/t/${renamed.threadId}/rename`, { title: 'New name' }, { as: ctx.manager });
    const oldSlug = await served.get(`/t/${renamed.threadId}/${renamed.slug}`, { cookie });
    expect([oldSlug.reachedApp, oldSlug.response.status]).toEqual([true, 301]);
    const pageOne = await served.get(`${path}?page=1`, { cookie });
    expect([pageOne.reachedApp, pageOne.response.status]).toEqual([true, 301]);
    const missing = await served.get('/t/999999/nothing-here', { cookie });
    expect([missing.reachedApp, missing.response.status]).toEqual([true, 404]);
    const embedKey = await served.get(`/t/${thread.threadId}/embed-key`, { cookie });
    expect(embedKey.reachedApp).toBe(true);
    const head = await served.get(path, { cookie }, 'HEAD');
    expect(head.reachedApp).toBe(true);
    const unknown = await served.get(path, { cookie: `${SESSION_COOKIE}=abc.def` });
    expect(unknown.reachedApp).toBe(true);
    expect(unknown.response.headers.get('set-cookie')).toContain(`${SESSION_COOKIE}=;`);
  });

  it('leaves a session to renew or end to the app, which writes its cookie', async () => {
    const cookie = cookieOf(carol);
    ctx.clock.advance(61 * 60_000);
    const renewed = await served.get(path, { cookie });
    expect(renewed.reachedApp).toBe(true);
    expect(renewed.response.headers.get('set-cookie')).toContain(`${SESSION_COOKIE}=`);
    expect((await served.get(path, { cookie })).reachedApp).toBe(false);
    const dave = await makeUser(ctx.services, { username: 'dave' });
    const daves = cookieOf(dave);
    ctx.db.$client.prepare('UPDATE users SET suspended_until = ? WHERE id = ?').run(ctx.clock.now() + 86_400_000, dave.id);
    const suspended = await served.get(path, { cookie: daves });
    expect(suspended.reachedApp).toBe(true);
    expect(suspended.text).not.toContain('href="/u/dave"');
  });

  it('keeps a thread its member may not read to the app', async () => {
    makeCategory(ctx.services, { name: 'Reviewed first', slug: 'reviewed', moderation: 'all' });
    const hidden = await makeThread(ctx.services, ctx.other, { category: 'reviewed', title: 'Waiting for review', body: 'x' });
    const url = `/t/${hidden.threadId}/${hidden.slug}`;
    const carols = await served.get(url, { cookie: cookieOf(carol) });
    expect([carols.reachedApp, carols.response.status]).toEqual([true, 404]);
    const mias = await served.get(url, { cookie: cookieOf(ctx.manager) });
    expect([mias.reachedApp, mias.response.status]).toEqual([false, 200]);
  });

  it('counts the view and writes the access-log line with the member', async () => {
    served.threadViews.flush(ctx.db);
    const views = () => ctx.db.$client.prepare('SELECT coalesce(sum(views), 0) FROM thread_views WHERE thread_id = ?').pluck().get(thread.threadId) as number;
    const before = views();
    accessLog.length = 0;
    const answer = await served.get(path, { cookie: cookieOf(carol) });
    expect(answer.reachedApp).toBe(false);
    served.threadViews.flush(ctx.db);
    expect(views()).toBe(before + 1);
    const [line] = accessLog.map((entry) => JSON.parse(entry) as Record<string, unknown>);
    expect(line).toMatchObject({ id: answer.response.headers.get('x-request-id'), method: 'GET', path, status: 200, user: carol.id, client: '127.0.0.1' });
    expect(Object.keys(line!).sort()).toEqual(['client', 'id', 'method', 'ms', 'path', 'status', 'time', 'user']);
  });
});
