import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import { emailOutbox, users } from '../../src/db/schema.js';
import { createTestContext, sessionCookieFrom, type TestContext } from '../helpers/app.js';
import { drainMail, eventually, linkIn, rawHeader, startSmtpServer } from '../helpers/mail.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let ctx: TestContext;
const PASSWORD = 'a long enough passphrase';

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ smtpUrl: smtp.url, siteName: 'Kettle Co' });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const userRow = (username: string) => ctx.db.select().from(users).where(eq(users.usernameKey, username)).get()!;
const pathOf = (url: string) => url.replace(ctx.config.baseUrl, '');

async function signUp(username: string, email: string) {
  return ctx.http.post('/signup', { username, email, password: PASSWORD });
}

describe('email verification', () => {
  it('signs the new member in at once and mails a link that verifies the address once', async () => {
    const response = await signUp('wren', 'wren@example.com');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = sessionCookieFrom(response)!;
    expect(userRow('wren').emailVerifiedAt).toBeNull();
    const account = await (await ctx.http.get('/account', { cookie })).text();
    expect(account).toContain('Not confirmed yet');
    expect(await (await ctx.http.get('/', { cookie })).text()).toContain('Please confirm your email address');

    await drainMail(ctx);
    const mail = await eventually(() => smtp.to('wren@example.com')[0]);
    expect(mail.subject).toBe('Confirm your email address for Kettle Co');
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const link = linkIn(mail, `${ctx.config.baseUrl}/verify-email?token=`);

    // Opening the link (as a mail scanner would) changes nothing.
    const confirm = await ctx.http.get(pathOf(link));
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('action="/verify-email"');
    expect(userRow('wren').emailVerifiedAt).toBeNull();

    const token = new URL(link).searchParams.get('token')!;
    const verified = await ctx.http.post('/verify-email', { token });
    expect(verified.status).toBe(303);
    expect(verified.headers.get('location')).toBe('/verify-email/done');
    expect(userRow('wren').emailVerifiedAt).toBe(ctx.clock.now());
    expect(await (await ctx.http.get('/account', { cookie })).text()).toContain('Confirmed');
    expect(await (await ctx.http.get('/', { cookie })).text()).not.toContain('Please confirm your email address');

    const again = await ctx.http.post('/verify-email', { token });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already used');
    expect((await ctx.http.get(pathOf(link))).status).toBe(400);
  });

  it('expires links after 48 hours and refuses a link for an address the account no longer uses', async () => {
    await signUp('juno', 'juno@example.com');
    await drainMail(ctx);
    const link = linkIn(await eventually(() => smtp.to('juno@example.com')[0]), `${ctx.config.baseUrl}/verify-email?token=`);
    const token = new URL(link).searchParams.get('token')!;
    ctx.clock.advance(48 * 60 * 60_000 + 1);
    expect((await ctx.http.post('/verify-email', { token })).status).toBe(400);
    expect(userRow('juno').emailVerifiedAt).toBeNull();

    const cookie = sessionCookieFrom(await ctx.http.post('/login', { login: 'juno', password: PASSWORD }))!;
    expect((await ctx.http.post('/account/email/verify', {}, { cookie })).status).toBe(303);
    await drainMail(ctx);
    const fresh = linkIn(await eventually(() => smtp.to('juno@example.com')[1]), `${ctx.config.baseUrl}/verify-email?token=`);
    ctx.db.update(users).set({ email: 'juno@new.example', emailKey: 'juno@new.example' }).where(eq(users.usernameKey, 'juno')).run();
    const refused = await ctx.http.post('/verify-email', { token: new URL(fresh).searchParams.get('token')! });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('no longer uses');
    expect(userRow('juno').emailVerifiedAt).toBeNull();
  });

  it('rate-limits the resend button', async () => {
    const limited = await createTestContext({ smtpUrl: smtp.url, rateLimit: true });
    try {
      const member = await makeUser(limited.services, { username: 'ilse', verified: false });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await limited.http.post('/account/email/verify', {}, { as: member })).status);
      expect(statuses).toEqual([303, 303, 303, 429]);
      expect(limited.db.select().from(emailOutbox).all()).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });
});

describe('signup with an address that already has an account', () => {
  it('answers as for a new address, but the new account never owns the address, and the owner is mailed', async () => {
    const owner = await makeUser(ctx.services, { username: 'owner', email: 'owner@example.com' });
    const response = await signUp('intruder', 'OWNER@example.com');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = sessionCookieFrom(response)!;
    expect(cookie).toBeDefined();
    const intruder = ctx.db.select().from(users).where(eq(users.usernameKey, 'intruder')).get()!;
    expect(intruder.addressTaken).toBe(true);
    const account = await (await ctx.app.request(new URL('/account', ctx.config.baseUrl), { headers: { cookie } })).text();
    expect(account).not.toMatch(/taken|already exists/i);

    await drainMail(ctx);
    const mail = await eventually(() => smtp.to('owner@example.com')[0]);
    expect(mail.subject).toBe('Someone signed up on Kettle Co with your address');
    expect(mail.text).toContain('as “intruder”');
    expect(mail.text).toContain('username: owner');
    expect(mail.text).toContain(`${ctx.config.baseUrl}/password/forgot`);
    // No confirmation link went anywhere for the new account, and "send it again" sends none either.
    const mailFor = (userId: number) => ctx.db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId)).all();
    expect(mailFor(intruder.id)).toEqual([]);
    const resent = await ctx.app.request(new URL('/account/email/verify', ctx.config.baseUrl), {
      method: 'POST',
      headers: { cookie, origin: ctx.config.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(resent.status).toBe(303);
    expect(mailFor(intruder.id)).toEqual([]);
    // Resetting the intruder's password by its username mails nobody; by the address, the owner.
    expect((await ctx.http.post('/password/forgot', { login: 'intruder' })).status).toBe(303);
    expect(mailFor(intruder.id)).toEqual([]);
    expect((await ctx.http.post('/password/forgot', { login: 'owner@example.com' })).status).toBe(303);
    expect(mailFor(owner.id).map((row) => row.kind)).toContain('reset_password');
    // Signing in by the address is the owner's; the intruder signs in by username only.
    expect((await ctx.http.post('/login', { login: 'owner@example.com', password: PASSWORD })).status).toBe(422);
    expect(sessionCookieFrom(await ctx.http.post('/login', { login: 'intruder', password: PASSWORD }))).toBeDefined();
  });

  it('answers repeated attempts the same way but warns the owner at most once an hour', async () => {
    const owner = await makeUser(ctx.services, { username: 'owner2', email: 'owner2@example.com' });
    const warnings = () => ctx.db.select().from(emailOutbox).where(eq(emailOutbox.userId, owner.id)).all().filter((row) => row.kind === 'signup_attempt').length;
    for (const username of ['tryone', 'trytwo', 'trythree']) {
      const response = await signUp(username, 'owner2@example.com');
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/');
    }
    expect(warnings()).toBe(1);
  });

  it('still says when a username is taken (usernames are public)', async () => {
    const response = await signUp('owner', 'someone-else@example.com');
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('That username is already taken');
  });
});

describe('email settings on the account page', () => {
  it('saves the preference and refuses values that are not offered', async () => {
    const member = await makeUser(ctx.services, { username: 'pia' });
    const page = await (await ctx.http.get('/account', { as: member })).text();
    expect(page).toContain('name="preference" value="daily" checked');
    expect((await ctx.http.post('/account/email', { preference: 'weekly' }, { as: member })).status).toBe(303);
    expect(userRow('pia').emailPreference).toBe('weekly');
    const bad = await ctx.http.post('/account/email', { preference: 'hourly' }, { as: member });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Please choose how often we should email you.');
    expect(userRow('pia').emailPreference).toBe('weekly');
    expect((await ctx.http.post('/account/email', { preference: 'never' })).status).toBe(303);
    expect(userRow('pia').emailPreference).toBe('weekly');
  });
});
