import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import { emailOutbox, sessions, users } from '../../src/db/schema.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createTestContext, sessionCookieFrom, type TestContext } from '../helpers/app.js';
import { drainMail, eventually, linkIn, startSmtpServer } from '../helpers/mail.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let ctx: TestContext;
let member: SignedIn;
const OLD = 'the old passphrase';
const NEW = 'a brand new passphrase';

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ smtpUrl: smtp.url });
  member = await makeUser(ctx.services, { username: 'rosa', password: OLD, verified: false });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const logIn = (password: string, login = 'rosa') => ctx.http.post('/login', { login, password });
const pathOf = (url: string) => url.replace(ctx.config.baseUrl, '');
const outboxCount = () => ctx.db.select().from(emailOutbox).all().length;

async function requestLink(login: string): Promise<string> {
  const before = smtp.to('rosa@example.com').length;
  const response = await ctx.http.post('/password/forgot', { login });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/password/forgot?sent=1');
  await drainMail(ctx);
  const mail = await eventually(() => smtp.to('rosa@example.com')[before]);
  return linkIn(mail, `${ctx.config.baseUrl}/password/reset?token=`);
}

describe('password reset', () => {
  it('is linked from the login page', async () => {
    expect(await (await ctx.http.get('/login')).text()).toContain('href="/password/forgot"');
    expect(await (await ctx.http.get('/password/forgot')).text()).toContain('action="/password/forgot"');
  });

  it('answers the same for an unknown account and mails nobody', async () => {
    const known = await ctx.http.post('/password/forgot', { login: 'rosa@example.com' });
    const unknown = await ctx.http.post('/password/forgot', { login: 'nobody@example.com' });
    const unknownName = await ctx.http.post('/password/forgot', { login: 'nobody' });
    for (const response of [known, unknown, unknownName]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/password/forgot?sent=1');
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(ctx.db.select().from(emailOutbox).all().map((row) => row.toAddress)).toEqual(['rosa@example.com']);
    const page = await (await ctx.http.get('/password/forgot?sent=1')).text();
    expect(page).toContain('If an account uses that username or address, we sent a link');
    await drainMail(ctx);
  });

  it('sets the new password with the mailed link, once, ending every session', async () => {
    const phone = sessionCookieFrom(await logIn(OLD))!;
    const link = await requestLink('rosa');
    const form = await ctx.http.get(pathOf(link));
    expect(form.status).toBe(200);
    const token = new URL(link).searchParams.get('token')!;
    expect(await form.text()).toContain(`name="token" value="${token}"`);

    const mismatch = await ctx.http.post('/password/reset', { token, password: NEW, confirm: 'something else' });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain('The two passwords are not the same.');
    const short = await ctx.http.post('/password/reset', { token, password: 'short', confirm: 'short' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('at least 10 characters');

    const done = await ctx.http.post('/password/reset', { token, password: NEW, confirm: NEW });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/login?reset=1');
    expect(await (await ctx.http.get('/login?reset=1')).text()).toContain('Your password was changed');
    expect(ctx.db.select().from(sessions).where(eq(sessions.userId, member.id)).all()).toEqual([]);
    expect((await ctx.http.get('/account', { cookie: phone })).status).toBe(303);
    expect((await logIn(OLD)).status).toBe(422);
    expect((await logIn(NEW)).status).toBe(303);
    // Following the link proved the address works.
    expect(ctx.db.select().from(users).where(eq(users.id, member.id)).get()!.emailVerifiedAt).not.toBeNull();

    const reused = await ctx.http.post('/password/reset', { token, password: 'yet another passphrase', confirm: 'yet another passphrase' });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('already used');
    expect((await logIn(NEW)).status).toBe(303);
  });

  it('expires links after one hour', async () => {
    const link = await requestLink('rosa@example.com');
    const token = new URL(link).searchParams.get('token')!;
    ctx.clock.advance(60 * 60_000 + 1);
    expect((await ctx.http.get(pathOf(link))).status).toBe(400);
    const late = await ctx.http.post('/password/reset', { token, password: 'too late passphrase', confirm: 'too late passphrase' });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('Ask for a new one');
    expect((await logIn(NEW)).status).toBe(303);
  });

  it('refuses forged tokens with a clear page', async () => {
    for (const token of ['', 'abc', 'abc.def', 'a'.repeat(300)]) {
      const response = await ctx.http.post('/password/reset', { token, password: NEW, confirm: NEW });
      expect(response.status).toBe(400);
    }
  });

  it('does not lift a suspension', async () => {
    const suspended = await makeUser(ctx.services, { username: 'sven', email: 'sven@example.com' });
    ctx.db.update(users).set({ suspendedUntil: ctx.clock.now() + 86_400_000, suspendReason: 'spam' }).where(eq(users.id, suspended.id)).run();
    await ctx.http.post('/password/forgot', { login: 'sven' });
    await drainMail(ctx);
    const link = linkIn(await eventually(() => smtp.to('sven@example.com')[0]), `${ctx.config.baseUrl}/password/reset?token=`);
    const token = new URL(link).searchParams.get('token')!;
    expect((await ctx.http.post('/password/reset', { token, password: NEW, confirm: NEW })).status).toBe(303);
    const refused = await logIn(NEW, 'sven');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('suspended');
  });

  it('rate-limits requests per address and per network', async () => {
    const limited = await createTestContext({ smtpUrl: smtp.url, rateLimit: true });
    try {
      await makeUser(limited.services, { username: 'tess' });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await limited.http.post('/password/forgot', { login: 'tess' })).status);
      expect(statuses).toEqual([303, 303, 303, 429]);
      const others = [];
      for (let i = 0; i < 8; i += 1) others.push((await limited.http.post('/password/forgot', { login: `someone${i}@example.com` })).status);
      expect(others.filter((status) => status === 429).length).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
    expect(outboxCount()).toBeGreaterThan(0);
  });
});
