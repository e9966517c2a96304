import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let veteran: SignedIn;
let fresh: SignedIn;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimit: true });
  makeCategory(ctx.services, { name: 'Kettles', slug: 'kettles' });
  veteran = await makeUser(ctx.services, { username: 'veteran', password: 'correct horse battery' });
  ctx.clock.advance(3 * 24 * 60 * 60_000);
  fresh = await makeUser(ctx.services, { username: 'fresh' });
});
afterAll(() => ctx.close());

describe('abuse limits', () => {
  it('lets a new member post once every 30 seconds, keeping the text of the refused post', async () => {
    expect((await ctx.http.post('/t', { category: 'kettles', title: 'First post today', body: 'x' }, { as: fresh })).status).toBe(303);
    const second = await ctx.http.post('/t', { category: 'kettles', title: 'Second post at once', body: 'my second text' }, { as: fresh });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await second.text();
    expect(page).toContain('New members can post once every 30 seconds');
    expect(page).toContain('my second text');
    ctx.clock.advance(31_000);
    expect((await ctx.http.post('/t', { category: 'kettles', title: 'Third post later', body: 'x' }, { as: fresh })).status).toBe(303);
  });

  it('allows established members a burst, then slows them down', async () => {
    const { threadId } = await makeThread(ctx.services, veteran, { category: 'kettles', title: 'Burst thread', body: 'x' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await ctx.http.post(`/t/${threadId}/replies`, { body: `reply ${i}` }, { as: veteran })).status);
    expect(statuses.filter((status) => status === 303)).toHaveLength(10);
    expect(statuses.at(-1)).toBe(429);
  });

  it('locks an account after repeated failures, answering exactly like a wrong password', async () => {
    const wrong = async () => {
      const response = await ctx.http.post('/login', { login: 'veteran', password: 'wrong password!' });
      return { status: response.status, text: await response.text() };
    };
    const first = await wrong();
    for (let i = 0; i < 10; i++) await wrong();
    const locked = await ctx.http.post('/login', { login: 'veteran', password: 'correct horse battery' });
    expect(locked.status).toBe(first.status);
    expect(await locked.text()).toContain('That username or email and password do not match');
    ctx.clock.advance(16 * 60_000);
    expect((await ctx.http.post('/login', { login: 'veteran', password: 'correct horse battery' })).status).toBe(303);
  });

  it('limits signups from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await ctx.http.post('/signup', { username: `joiner${i}`, email: `joiner${i}@example.com`, password: 'a long enough password' })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303]);
    expect(statuses[5]).toBe(429);
  });

  it('is off when RATE_LIMIT=off', async () => {
    const relaxed = await createTestContext({ rateLimit: false });
    makeCategory(relaxed.services, { name: 'Kettles', slug: 'kettles' });
    const member = await makeUser(relaxed.services, { username: 'speedy' });
    for (let i = 0; i < 3; i++) {
      expect((await relaxed.http.post('/t', { category: 'kettles', title: `Fast thread ${i}`, body: 'x' }, { as: member })).status).toBe(303);
    }
    await relaxed.close();
  });
});

describe('posting limits and repeated forms', () => {
  let limited: TestContext;
  let newcomer: SignedIn;
  let threadId: number;
  beforeAll(async () => {
    limited = await createTestContext({ rateLimit: true });
    makeCategory(limited.services, { name: 'Kettles', slug: 'kettles' });
    const author = await makeUser(limited.services, { username: 'author' });
    ({ threadId } = await makeThread(limited.services, author, { category: 'kettles', title: 'A thread to answer', body: 'x' }));
    limited.clock.advance(3 * 24 * 60 * 60_000);
  });
  afterAll(() => limited.close());
  const count = (sql: string) => (limited.db.$client.prepare(sql).get() as { n: number }).n;

  it("answers a new member's retried thread form with the first result, not a 429", async () => {
    newcomer = await makeUser(limited.services, { username: 'newcomer' });
    const fields = { category: 'kettles', title: 'Sent twice by a new member', body: 'double click', submission: 'retry-token-thread-0001' };
    const first = await limited.http.post('/t', fields, { as: newcomer });
    expect(first.status).toBe(303);
    const again = await limited.http.post('/t', fields, { as: newcomer });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(count("select count(*) as n from threads where title = 'Sent twice by a new member'")).toBe(1);
    // The limit still holds for a new post.
    const other = await limited.http.post('/t', { ...fields, title: 'A different thread', submission: 'retry-token-thread-0002' }, { as: newcomer });
    expect(other.status).toBe(429);
    expect(await other.text()).toContain('try again in');
    limited.clock.advance(31_000);
  });

  it("answers a new member's double-clicked reply (both at once) with one reply and one location", async () => {
    const fields = { body: 'only once, even at once', submission: 'retry-token-reply-0001' };
    const responses = await Promise.all([1, 2].map(() => limited.http.post(`/t/${threadId}/replies`, fields, { as: newcomer })));
    expect(responses.map((response) => response.status)).toEqual([303, 303]);
    expect(responses[0]!.headers.get('location')).toBe(responses[1]!.headers.get('location'));
    expect(count("select count(*) as n from posts where body = 'only once, even at once'")).toBe(1);
    // And again later (a reload of the POST): still the first result.
    const reload = await limited.http.post(`/t/${threadId}/replies`, fields, { as: newcomer });
    expect(reload.status).toBe(303);
    expect(reload.headers.get('location')).toBe(responses[0]!.headers.get('location'));
    limited.clock.advance(31_000);
  });

  it('does not count a refused post (422) against the allowance', async () => {
    const invalidThread = await limited.http.post('/t', { category: 'kettles', title: 'x', body: 'too short a title' }, { as: newcomer });
    expect(invalidThread.status).toBe(422);
    const invalidReply = await limited.http.post(`/t/${threadId}/replies`, { body: '   ' }, { as: newcomer });
    expect(invalidReply.status).toBe(422);
    const valid = await limited.http.post(`/t/${threadId}/replies`, { body: 'the reply I meant to send' }, { as: newcomer });
    expect(valid.status).toBe(303);
    // The successful one did count.
    expect((await limited.http.post(`/t/${threadId}/replies`, { body: 'one more at once' }, { as: newcomer })).status).toBe(429);
  });
});

describe('sign-in limits', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestContext({ rateLimit: true });
    await makeUser(limited.services, { username: 'greta', email: 'greta@example.com', password: 'greta has a long password' });
  });
  afterAll(() => limited.close());
  const login = async (name: string, password: string) => {
    const response = await limited.http.post('/login', { login: name, password });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
  };
  // What differs between two answers that must be the same: the CSP nonce and the request id.
  const comparable = (text: string) => text.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'REQUEST-ID');

  it('locks the account, not the typed name: failures by username also lock sign-in by email', async () => {
    const wrong = await login('greta', 'not her password at all');
    for (let i = 0; i < 9; i++) await login('Greta', 'not her password at all');
    const byEmail = await login('GRETA@example.com', 'greta has a long password');
    expect(byEmail.status).toBe(wrong.status);
    expect(comparable(byEmail.text)).toBe(comparable((await login('GRETA@example.com', 'not her password at all')).text));
    limited.clock.advance(16 * 60_000);
    expect((await login('greta@example.com', 'greta has a long password')).status).toBe(303);
  });

  it('answers a locked account with exactly the page of a wrong password, and locks unknown names alike', async () => {
    for (let i = 0; i < 10; i++) await login('greta', 'not her password at all');
    const wrong = await login('greta', 'not her password at all');
    const locked = await login('greta', 'greta has a long password');
    expect(locked.status).toBe(422);
    expect(comparable(locked.text)).toBe(comparable(wrong.text));
    // A name no account has answers the same, before and after its own lockout.
    for (let i = 0; i < 11; i++) expect(comparable((await login('nobody-at-all', 'not her password at all')).text)).toBe(comparable(wrong.text).replaceAll('value="greta"', 'value="nobody-at-all"'));
    limited.clock.advance(16 * 60_000);
  });

  it('limits sign-in attempts from one address across accounts, saying when to try again', async () => {
    limited.clock.advance(60 * 60_000);
    const statuses: number[] = [];
    // Six names, five tries each: no account is locked, but the address has made 30 attempts.
    for (let i = 0; i < 30; i++) statuses.push((await login(`member${i % 6}`, 'a wrong password')).status);
    expect(new Set(statuses)).toEqual(new Set([422]));
    const refused = await login('greta', 'greta has a long password');
    expect(refused.status).toBe(429);
    const seconds = Number(refused.retryAfter);
    expect(seconds).toBeGreaterThan(0);
    expect(refused.text).toContain(`Too many sign-in attempts from your network. Please try again in ${seconds} second`);
    limited.clock.advance(seconds * 1000);
    expect((await login('greta', 'greta has a long password')).status).toBe(303);
  });
});

describe('flagging and search limits', () => {
  let limited: TestContext;
  let flagger: SignedIn;
  let replyIds: number[];
  beforeAll(async () => {
    limited = await createTestContext({ rateLimit: true });
    makeCategory(limited.services, { name: 'Kettles', slug: 'kettles' });
    const author = await makeUser(limited.services, { username: 'prolific' });
    flagger = await makeUser(limited.services, { username: 'watchful' });
    const { threadId } = await makeThread(limited.services, author, { category: 'kettles', title: 'Many replies to flag', body: 'x' });
    replyIds = [];
    for (let i = 0; i < 21; i++) replyIds.push((await makeReply(limited.services, author, { threadId, body: `questionable reply ${i}` })).postId);
  });
  afterAll(() => limited.close());

  it('lets a member send 20 flags an hour, then answers 429 saying when to try again', async () => {
    for (const postId of replyIds.slice(0, 20)) {
      expect((await limited.http.post(`/p/${postId}/flag`, { reason: 'spam', note: '' }, { as: flagger })).status).toBe(303);
    }
    const refused = await limited.http.post(`/p/${replyIds[20]}/flag`, { reason: 'spam', note: '' }, { as: flagger });
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(await refused.text()).toContain(`You have sent many flags in a short time. Please try again in ${seconds} second`);
    expect((limited.db.$client.prepare('select count(*) as n from flags').get() as { n: number }).n).toBe(20);
    limited.clock.advance(seconds * 1000);
    expect((await limited.http.post(`/p/${replyIds[20]}/flag`, { reason: 'spam', note: '' }, { as: flagger })).status).toBe(303);
  });

  it('does not count a flag that was refused against the limit', async () => {
    const careful = await makeUser(limited.services, { username: 'careful' });
    for (let i = 0; i < 25; i++) {
      // "Other" needs a note: each of these is re-shown with 422 and no flag is made.
      expect((await limited.http.post(`/p/${replyIds[0]}/flag`, { reason: 'other', note: '' }, { as: careful })).status).toBe(422);
    }
    expect((await limited.http.post(`/p/${replyIds[0]}/flag`, { reason: 'spam', note: '' }, { as: careful })).status).toBe(303);
  });

  it('allows 60 searches a minute from one address, then a 429 page saying when to try again', async () => {
    for (let i = 0; i < 60; i++) expect((await limited.http.get(`/search?q=reply+${i}`)).status).toBe(200);
    const refused = await limited.http.get('/search?q=one+more');
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(await refused.text()).toContain(`Too many searches in a short time. Please try again in ${seconds} second`);
    // An empty search box is only a page, not a search.
    expect((await limited.http.get('/search')).status).toBe(200);
    limited.clock.advance(seconds * 1000);
    expect((await limited.http.get('/search?q=again')).status).toBe(200);
  });
});
