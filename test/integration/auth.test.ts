import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, MESSAGES } from '../../src/auth/accounts.js';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { sessions, users } from '../../src/db/schema.js';
import type { SignedIn } from '../../src/lib/context.js';
import type { Message } from '../../src/i18n/message.js';
import { localeFormat } from '../../src/i18n/translator.js';
import { ValidationError } from '../../src/lib/errors.js';
import { createTestContext, sessionCookieFrom, type TestContext } from '../helpers/app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PASSWORD = 'correct horse battery';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A service's message as an English reader sees it. */
const english = (message: Message) => localeFormat('en', 'UTC').t(message.key, message.values);

let t: TestContext;

/** A fresh app and database per test (`each`) or per describe block (`all`: tests sharing one user). */
function freshContext(scope: 'each' | 'all', setup: () => Promise<unknown> = async () => {}) {
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    t = await createTestContext();
    await setup();
  });
  after(async () => {
    await t?.close();
  });
}

async function signup(form: Partial<Record<'username' | 'email' | 'password' | 'next', string>> = {}) {
  return t.http.post('/signup', { username: 'alice', email: 'alice@example.com', password: PASSWORD, ...form });
}

async function login(loginName: string, password = PASSWORD, next?: string) {
  return t.http.post('/login', { login: loginName, password, ...(next === undefined ? {} : { next }) });
}

/** GET /login redirects a signed-in visitor home and shows the form to everyone else. */
async function signedIn(cookie: string): Promise<boolean> {
  const response = await t.http.get('/login', { cookie });
  expect([200, 303]).toContain(response.status);
  return response.status === 303;
}

function setCookieLine(response: Response): string {
  return response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`)) ?? '';
}

function userCount(): number {
  return t.db.select({ n: count() }).from(users).get()?.n ?? 0;
}

function sessionId(cookie: string): string {
  return cookie.slice(SESSION_COOKIE.length + 1).split('.')[0] ?? '';
}

describe('signup', () => {
  freshContext('each');

  it('shows a labelled form that works without JavaScript', async () => {
    const response = await t.http.get('/signup');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body.match(/<h1/g)).toHaveLength(1);
    expect(body).toContain('method="post" action="/signup"');
    expect(body).toContain('autocomplete="username"');
    expect(body).toContain('autocomplete="email"');
    expect(body).toContain('autocomplete="new-password"');
    expect(body).toContain('<label for="field-username">');
    expect(body).toContain('href="/login"');
  });

  it('creates the account, signs in with a safe cookie and shows the username in the header', async () => {
    const response = await signup();
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const line = setCookieLine(response);
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/);
    const cookie = sessionCookieFrom(response)!;
    expect(await signedIn(cookie)).toBe(true);
    const page = await (await t.http.get('/', { cookie })).text();
    expect(page).toContain('href="/u/alice"');
    const row = t.db.select().from(users).where(eq(users.usernameKey, 'alice')).get();
    expect(row).toMatchObject({ username: 'alice', email: 'alice@example.com', emailKey: 'alice@example.com', role: 'member' });
    expect(row?.passwordHash).not.toContain(PASSWORD);
  });

  const invalid: [string, Record<string, string>, string, string][] = [
    ['a missing username', { username: '' }, 'username', english(MESSAGES.usernameMissing)],
    ['a short username', { username: 'al' }, 'username', english(MESSAGES.usernameLength)],
    ['a long username', { username: 'a'.repeat(21) }, 'username', english(MESSAGES.usernameLength)],
    ['spaces in the username', { username: 'alice smith' }, 'username', english(MESSAGES.usernameCharacters)],
    ['non-ASCII letters in the username', { username: 'jürgen' }, 'username', english(MESSAGES.usernameCharacters)],
    ['a missing email', { email: '' }, 'email', english(MESSAGES.emailMissing)],
    ['an email without @', { email: 'alice.example.com' }, 'email', english(MESSAGES.emailInvalid)],
    ['an email without a top-level domain', { email: 'alice@example' }, 'email', english(MESSAGES.emailInvalid)],
    ['an email over 254 characters', { email: `${'a'.repeat(243)}@example.com` }, 'email', english(MESSAGES.emailLong)],
    ['a short password', { password: 'Qz7-short' }, 'password', english(MESSAGES.passwordShort)],
    ['a long password', { password: 'Qz7'.repeat(86) }, 'password', english(MESSAGES.passwordLong)],
  ];
  it.each(invalid)('refuses %s with 422, a specific message and the text kept', async (_name, form, fieldName, message) => {
    const response = await signup(form);
    expect(response.status).toBe(422);
    const body = await response.text();
    expect(body).toContain(`<p class="field-error" id="field-${fieldName}-error">${escapeHtml(message)}</p>`);
    const values = { username: 'alice', email: 'alice@example.com', ...form };
    expect(body).toContain(`value="${escapeHtml(values.username)}"`);
    expect(body).toContain(`value="${escapeHtml(values.email)}"`);
    expect(body).not.toContain(form['password'] ?? PASSWORD);
    expect(sessionCookieFrom(response)).toBeUndefined();
    expect(userCount()).toBe(0);
  });

  it('refuses a username taken in another case or in full-width letters', async () => {
    expect((await signup()).status).toBe(303);
    for (const username of ['ALICE', 'ＡＬＩＣＥ', ' Alice ']) {
      const response = await signup({ username, email: 'other@example.com' });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain(escapeHtml(english(MESSAGES.usernameTaken)));
    }
    expect(userCount()).toBe(1);
  });

  it('does not confirm that an email address has an account', async () => {
    const fresh = await signup({ username: 'carol', email: 'carol@example.com' });
    await signup();
    const taken = await signup({ username: 'bob', email: 'ALICE@Example.com' });
    // Answered exactly like a new address: signed in and sent on (the owner is mailed instead:
    // test/integration/email-verification.test.ts), with the same page after it.
    for (const response of [fresh, taken]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/');
      expect(sessionCookieFrom(response)).toBeDefined();
    }
    const home = async (response: Response) =>
      (await (await t.app.request(new URL('/', t.config.baseUrl), { headers: { cookie: sessionCookieFrom(response)! } })).text())
        .replace(/ nonce="[^"]+"/g, '')
        .replace(/carol|bob/g, 'NAME');
    expect(await home(taken)).toBe(await home(fresh));
    expect(userCount()).toBe(3);
  });

  it('maps a UNIQUE violation from two racing signups to the same message', async () => {
    const results = await Promise.allSettled([
      createUser(t.services, { username: 'race', email: 'race1@example.com', password: PASSWORD }),
      createUser(t.services, { username: 'RACE', email: 'race2@example.com', password: PASSWORD }),
    ]);
    const failure = results.find((result) => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(failure?.reason).toBeInstanceOf(ValidationError);
    expect((failure?.reason as ValidationError).fields).toEqual({ username: MESSAGES.usernameTaken });
  });

  it('refuses a cross-origin signup and creates nobody', async () => {
    const response = await t.http.post(
      '/signup',
      { username: 'mallory', email: 'mallory@example.com', password: PASSWORD },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(response.status).toBe(403);
    expect(userCount()).toBe(0);
  });

  it('sends signed-in visitors home from the forms and refuses a second signup', async () => {
    const cookie = sessionCookieFrom(await signup())!;
    const page = await t.http.get('/signup', { cookie });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/');
    const again = await t.http.post('/signup', { username: 'bob', email: 'bob@example.com', password: PASSWORD }, { cookie });
    expect(again.status).toBe(403);
    expect(userCount()).toBe(1);
  });

  it('sets the Secure flag when the site is served over https', async () => {
    await t.close();
    t = await createTestContext({ baseUrl: 'https://forum.example', secureCookies: true });
    const response = await signup();
    expect(response.status).toBe(303);
    expect(setCookieLine(response)).toMatch(/; Secure/);
  });
});

describe('login', () => {
  freshContext('all', () => createUser(t.services, { username: 'Alice', email: 'Alice@Example.com', password: PASSWORD }));

  it('shows the form with the next path kept', async () => {
    const body = await (await t.http.get('/login?next=/c/x')).text();
    expect(body).toContain('autocomplete="current-password"');
    expect(body).toContain('<input type="hidden" name="next" value="/c/x">');
    expect(body).toContain('href="/signup?next=%2Fc%2Fx"');
    const refused = await (await t.http.get('/login?next=//evil.example')).text();
    const loginForm = refused.slice(refused.indexOf('action="/login"'), refused.indexOf('</form>', refused.indexOf('action="/login"')));
    expect(loginForm).toContain('name="password"');
    expect(loginForm).not.toContain('name="next"');
  });

  it.each(['alice', 'ALICE', 'alice@example.com', 'ALICE@EXAMPLE.COM'])('signs in with %s', async (name) => {
    const response = await login(name);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(await signedIn(sessionCookieFrom(response)!)).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await login('alice', 'not the password');
    const unknown = await login('nobody@example.com', 'not the password');
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const summary = (body: string) => body.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0];
    const [wrongBody, unknownBody] = [await wrong.text(), await unknown.text()];
    expect(summary(wrongBody)).toContain(english(MESSAGES.loginFailed));
    expect(summary(wrongBody)).toBe(summary(unknownBody));
    expect(wrongBody).toContain('value="alice"');
    expect(wrongBody).not.toContain('not the password');
    expect(sessionCookieFrom(wrong)).toBeUndefined();
  });

  it('asks for missing fields', async () => {
    const response = await login('', '');
    expect(response.status).toBe(422);
    const body = await response.text();
    expect(body).toContain(english(MESSAGES.loginMissing));
    expect(body).toContain(english(MESSAGES.passwordMissing));
  });

  it('escapes HTML typed into the login field', async () => {
    const response = await login('<script>alert(1)</script>', 'whatever password');
    expect(response.status).toBe(422);
    const body = await response.text();
    expect(body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(body).not.toContain('<script>alert(1)');
  });

  it.each([
    ['/c/x', '/c/x'],
    ['/t/1/hello?page=2#post-3', '/t/1/hello?page=2#post-3'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/\t/evil.example', '/'],
  ])('follows next=%j only when it is a local path', async (next, location) => {
    expect((await login('alice', PASSWORD, next)).headers.get('location')).toBe(location);
  });

  it('issues a new token at every login, each valid on its own', async () => {
    const first = sessionCookieFrom(await login('alice'))!;
    const second = sessionCookieFrom(await login('alice@example.com'))!;
    expect(first).not.toBe(second);
    expect(await signedIn(first)).toBe(true);
    expect(await signedIn(second)).toBe(true);
  });

  it('ends the session the browser already had when it logs in again', async () => {
    const first = sessionCookieFrom(await login('alice'))!;
    const again = await t.http.post('/login', { login: 'alice', password: PASSWORD }, { cookie: first });
    const second = sessionCookieFrom(again)!;
    expect(second).not.toBe(first);
    expect(await signedIn(first)).toBe(false);
    expect(await signedIn(second)).toBe(true);
  });
});

describe('sessions', () => {
  // One user for the block; each test signs in afresh (a session made directly, skipping scrypt).
  let user: SignedIn;
  let cookie: string;
  freshContext('all', async () => {
    user = await createUser(t.services, { username: 'alice', email: 'alice@example.com', password: PASSWORD });
  });
  beforeEach(() => {
    cookie = `${SESSION_COOKIE}=${createSession(t.db, user.id, t.clock.now()).token}`;
  });

  it('logs out: the session row is gone and the old cookie no longer signs in', async () => {
    const response = await t.http.post('/logout', {}, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(setCookieLine(response)).toMatch(/Max-Age=0/);
    expect(t.db.select().from(sessions).where(eq(sessions.id, sessionId(cookie))).get()).toBeUndefined();
    expect(await signedIn(cookie)).toBe(false);
  });

  it('lets a signed-out visitor log out harmlessly', async () => {
    const response = await t.http.post('/logout');
    expect(response.status).toBe(303);
    expect(await signedIn(cookie)).toBe(true);
  });

  it('refuses a cross-origin logout', async () => {
    const response = await t.http.post('/logout', {}, { cookie, headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(await signedIn(cookie)).toBe(true);
  });

  it('does not accept a cookie with a forged secret', async () => {
    const forged = `${SESSION_COOKIE}=${sessionId(cookie)}.wrongsecretwrongsecretwr`;
    const response = await t.http.get('/login', { cookie: forged });
    expect(response.status).toBe(200);
    expect(setCookieLine(response)).toMatch(/Max-Age=0/);
    expect(await signedIn(cookie)).toBe(true);
  });

  it('signs out after 15 idle days', async () => {
    t.clock.advance(15 * DAY);
    expect(await signedIn(cookie)).toBe(false);
  });

  it('renews the cookie on a request after two hours, not on every request', async () => {
    t.clock.advance(30 * 60_000);
    expect(sessionCookieFrom(await t.http.get('/login', { cookie }))).toBeUndefined();
    t.clock.advance(2 * HOUR);
    const response = await t.http.get('/login', { cookie });
    expect(sessionCookieFrom(response)).toBe(cookie);
    const expires = Date.parse(setCookieLine(response).match(/Expires=([^;]+)/)?.[1] ?? '');
    expect(expires).toBe(Math.floor((t.clock.now() + 14 * DAY) / 1000) * 1000);
  });

  it('stays signed in past 14 days with activity every 10 days', async () => {
    for (let step = 1; step <= 3; step++) {
      t.clock.advance(10 * DAY);
      expect(await signedIn(cookie)).toBe(true);
    }
  });

  it('signs out 60 days after login however active', async () => {
    for (let day = 1; day <= 61; day++) {
      t.clock.advance(DAY);
      expect(await signedIn(cookie), `day ${day}`).toBe(day < 60);
    }
  });
});
