import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/accounts.js';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { NO_LOCAL_PASSWORD } from '../../src/auth/oidc-members.js';
import { createSession } from '../../src/auth/session.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createTestContext, sessionCookieFrom, type TestContext } from '../helpers/app.js';

// Changing the account's address: a link to the new address, nothing changed until it is
// followed, then the address replaced and confirmed and the old address told.

const PASSWORD = 'a long enough passphrase';
let ctx: TestContext;
let serial = 0;
beforeAll(async () => {
  ctx = await createTestContext({ siteName: 'Kettle Co', rateLimit: false });
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

async function member(): Promise<SignedIn & { email: string }> {
  const name = `mover${++serial}`;
  const email = `${name}@old.example`;
  return { ...(await createUser(ctx.services, { username: name, email, password: PASSWORD, verified: true })), email };
}

type Mail = { toAddress: string; subject: string; textBody: string; kind: string };
const mailTo = (address: string): Mail[] =>
  ctx.db.$client.prepare('select to_address as toAddress, subject, text_body as textBody, kind from email_outbox where to_address = ? order by id').all(address) as Mail[];
const account = (id: number) => ctx.db.$client.prepare('select email, email_key as emailKey, email_verified_at as verifiedAt from users where id = ?').get(id) as { email: string; emailKey: string; verifiedAt: number | null };

function tokenIn(mail: Mail): string {
  const match = /\/email-change\?token=([^\s"]+)/.exec(mail.textBody);
  if (!match) throw new Error(`no link in: ${mail.textBody}`);
  return decodeURIComponent(match[1]!);
}

async function ask(who: SignedIn, newEmail: string, password = PASSWORD) {
  return ctx.http.post('/account/email-address', { newEmail, emailPassword: password }, { as: who });
}

describe('changing the email address', () => {
  it('mails a link to the new address, changes nothing until it is followed, then replaces the address and tells the old one', async () => {
    const mover = await member();
    const asked = await ask(mover, 'Mover.New@New.example');
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/account?done=email-change');
    expect(account(mover.id).email).toBe(mover.email);

    const [link] = mailTo('Mover.New@New.example');
    expect(link?.subject).toBe('Confirm your new email address for Kettle Co');
    expect(mailTo(mover.email)).toEqual([]);
    const token = tokenIn(link!);

    // Opening the link (as a mail scanner would) changes nothing either.
    const page = await ctx.http.get(`/email-change?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/email-change"');
    expect(account(mover.id).email).toBe(mover.email);

    const confirmed = await ctx.http.post('/email-change', { token });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/email-change/done');
    expect(account(mover.id)).toEqual({ email: 'Mover.New@New.example', emailKey: 'mover.new@new.example', verifiedAt: ctx.clock.now() });
    const [told] = mailTo(mover.email);
    expect(told?.subject).toBe('Your email address for Kettle Co was changed');
    expect(told?.textBody).toContain('Mover.New@New.example');
    expect(told?.textBody).toContain('If you did not make this change');

    // Single use.
    const again = await ctx.http.post('/email-change', { token });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This link does not work');
    // Signing in by the new address works; by the old one it does not.
    expect(sessionCookieFrom(await ctx.http.post('/login', { login: 'mover.new@new.example', password: PASSWORD }))).toBeDefined();
    expect((await ctx.http.post('/login', { login: mover.email, password: PASSWORD })).status).toBe(422);
  });

  it('expires after 24 hours', async () => {
    const mover = await member();
    await ask(mover, `late${serial}@new.example`);
    const token = tokenIn(mailTo(`late${serial}@new.example`)[0]!);
    ctx.clock.advance(24 * 60 * 60_000 + 1);
    expect((await ctx.http.get(`/email-change?token=${encodeURIComponent(token)}`)).status).toBe(400);
    expect((await ctx.http.post('/email-change', { token })).status).toBe(400);
    expect(account(mover.id).email).toBe(mover.email);
  });

  it('refuses, with a clear message and nothing changed, an address another account took meanwhile', async () => {
    const mover = await member();
    const wanted = `wanted${serial}@new.example`;
    await ask(mover, wanted);
    const token = tokenIn(mailTo(wanted)[0]!);
    await createUser(ctx.services, { username: `quick${serial}`, email: wanted, password: PASSWORD });
    const refused = await ctx.http.post('/email-change', { token });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('This address now belongs to another account');
    expect(account(mover.id).email).toBe(mover.email);
  });

  it('does not say, when asked, whether another account has the address', async () => {
    const mover = await member();
    const other = await member();
    expect((await ask(mover, other.email)).status).toBe(303);
    expect(account(mover.id).email).toBe(mover.email);
  });

  it('needs the current password and a valid, different address, and keeps what was typed', async () => {
    const mover = await member();
    const wrong = await ask(mover, 'typed@new.example', 'not my password at all');
    expect(wrong.status).toBe(422);
    const page = await wrong.text();
    expect(page).toContain('That is not your current password.');
    expect(page).toContain('value="typed@new.example"');
    expect((await ask(mover, 'not an address')).status).toBe(422);
    const same = await ask(mover, mover.email.toUpperCase());
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('That is already your address.');
    expect(mailTo('typed@new.example')).toEqual([]);
  });

  it('asks members who sign in only through the provider to have signed in recently', async () => {
    const mover = await member();
    ctx.db.$client.prepare('update users set password_hash = ? where id = ?').run(NO_LOCAL_PASSWORD, mover.id);
    const cookie = `${SESSION_COOKIE}=${createSession(ctx.db, mover.id, ctx.clock.now()).token}`;
    expect((await ctx.http.post('/account/email-address', { newEmail: `sso${serial}@new.example`, emailPassword: '' }, { cookie })).status).toBe(303);
    ctx.clock.advance(16 * 60_000);
    const stale = await ctx.http.post('/account/email-address', { newEmail: `sso${serial}b@new.example`, emailPassword: '' }, { cookie });
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain('please sign out and sign in again');
  });

  it('is for signed-in members, from this site only', async () => {
    const mover = await member();
    expect((await ctx.http.post('/account/email-address', { newEmail: 'x@new.example', emailPassword: PASSWORD })).status).toBe(303);
    const crossSite = await ctx.http.post('/account/email-address', { newEmail: 'x@new.example', emailPassword: PASSWORD }, { as: mover, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(mailTo('x@new.example')).toEqual([]);
  });
});
