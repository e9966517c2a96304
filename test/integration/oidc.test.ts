import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/accounts.js';
import { forgetProviders } from '../../src/auth/oidc-client.js';
import { parseRoleClaim } from '../../src/auth/oidc-settings.js';
import { loadConfig } from '../../src/config.js';
import { modLog, oidcLogins, userIdentities, users } from '../../src/db/schema.js';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { createTestContext, sessionCookieFrom, type TestContext } from '../helpers/app.js';
import { CLIENT_ID, CLIENT_SECRET, OTHER_CLIENT_ID, signInAtProvider, startProvider, type TestProvider } from '../helpers/oidc-provider.js';

const BASE = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const roleClaim = parseRoleClaim('groups:community-managers=manager,community-admins=admin') as Exclude<ReturnType<typeof parseRoleClaim>, Error>;

let provider: TestProvider;
let otherProvider: TestProvider;
let t: TestContext;

beforeAll(async () => {
  provider = await startProvider(BASE);
  otherProvider = await startProvider(BASE);
});
afterAll(async () => {
  await provider.close();
  await otherProvider.close();
});
afterEach(async () => {
  await t?.close();
  forgetProviders();
});

async function community(settings: Parameters<TestProvider['settings']>[0] = {}) {
  t = await createTestContext({ baseUrl: BASE, siteName: 'Brewline', oidc: provider.settings({ roleClaim, ...settings }) });
}

function browserCookie(response: Response): string {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith('hearth_oidc_browser='));
  if (!line) throw new Error('no browser cookie');
  return line.split(';')[0]!;
}

/** Starts at Hearth, signs in at the provider as `login`; returns the callback URL and this browser's cookie (the callback not yet followed). */
async function toCallback(login: string, rewrite: (url: URL) => URL = (url) => url) {
  const start = await t.http.get('/auth/oidc/start?next=/search');
  expect(start.status).toBe(303);
  const callback = await signInAtProvider(rewrite(new URL(start.headers.get('location')!)).href, login);
  return { callback: `${callback.pathname}${callback.search}`, cookie: browserCookie(start) };
}

async function signInThrough(login: string) {
  const { callback, cookie } = await toCallback(login);
  return t.http.get(callback, { cookie });
}

function userNamed(username: string) {
  return t.db.select().from(users).where(eq(users.username, username)).get();
}

describe('signing in through the provider', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce, and remembers them by state', async () => {
    await community();
    const start = await t.http.get('/auth/oidc/start?next=//evil.example/');
    const url = new URL(start.headers.get('location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`${BASE}/auth/oidc/callback`);
    const row = t.db.select().from(oidcLogins).where(eq(oidcLogins.state, url.searchParams.get('state')!)).get();
    expect(row?.nonce).toBe(url.searchParams.get('nonce'));
    expect(row?.next).toBeNull(); // a next on another host is dropped
    expect(start.headers.get('set-cookie')).toMatch(/hearth_oidc_browser=.*HttpOnly/i);
  });

  it('creates a member from the claims with the mapped role, a valid unique username, one change left, and goes to next', async () => {
    await community();
    await createUser(t.services, { username: 'dana_m', email: 'someone@example.com', password: PASSWORD });
    provider.accounts.set('sub-dana', { email: 'dana@brand.example', email_verified: true, preferred_username: 'Dana M', groups: ['community-managers'] });
    const response = await signInThrough('sub-dana');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/search');
    expect(sessionCookieFrom(response)).toBeDefined();
    const dana = userNamed('Dana_M2')!;
    expect(dana).toMatchObject({ role: 'manager', email: 'dana@brand.example', usernameChangesLeft: 1, addressTaken: false });
    expect(dana.emailVerifiedAt).not.toBeNull();
    expect(t.db.select().from(userIdentities).where(eq(userIdentities.subject, 'sub-dana')).get()).toMatchObject({ issuer: provider.issuer, userId: dana.id });
    // The sign-in is in the member's history (docs/privacy.md).
    expect(t.db.$client.prepare('select method from sign_in_events where user_id = ?').pluck().all(dana.id)).toEqual(['oidc']);
  });

  it('signs the same subject into the same account and follows the role claim both ways, audited', async () => {
    await community();
    provider.accounts.set('sub-erin', { email: 'erin@brand.example', email_verified: true, preferred_username: 'erin', groups: ['community-admins'] });
    await signInThrough('sub-erin');
    expect(userNamed('erin')?.role).toBe('admin');
    provider.accounts.set('sub-erin', { email: 'erin@brand.example', email_verified: true, preferred_username: 'erin-renamed', groups: [] });
    expect((await signInThrough('sub-erin')).status).toBe(303);
    const erin = userNamed('erin')!;
    expect(erin.role).toBe('member');
    expect(t.db.select({ id: users.id }).from(users).all()).toHaveLength(1);
    const changes = t.db.select().from(modLog).where(and(eq(modLog.action, 'role_change'), eq(modLog.targetUserId, erin.id))).all();
    expect(changes.map((change) => JSON.parse(change.details!).to)).toEqual(['admin', 'member']);
  });

  it('never matches an account by an address the provider does not say is verified', async () => {
    await community();
    await createUser(t.services, { username: 'frank', email: 'frank@example.com', password: PASSWORD, verified: true });
    provider.accounts.set('sub-frank', { email: 'frank@example.com', email_verified: false, preferred_username: 'frank' });
    const response = await signInThrough('sub-frank');
    expect(response.headers.get('location')).toBe('/search');
    const made = userNamed('frank2')!;
    expect(made).toMatchObject({ addressTaken: true, emailVerifiedAt: null });
    expect(t.db.select().from(userIdentities).where(eq(userIdentities.userId, userNamed('frank')!.id)).all()).toHaveLength(0);
  });

  it('refuses a suspended member with the suspension, as the login form does', async () => {
    await community();
    provider.accounts.set('sub-gil', { preferred_username: 'gil' });
    await signInThrough('sub-gil');
    t.db.update(users).set({ suspendedUntil: t.clock.now() + 86_400_000 }).where(eq(users.username, 'gil')).run();
    const response = await signInThrough('sub-gil');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('suspended');
  });
});

describe('linking an existing account with the same verified address', () => {
  it('asks for the local password, refuses a wrong one, links after the right one, and signs in directly next time', async () => {
    await community();
    const local = await createUser(t.services, { username: 'hana', email: 'Hana@example.com', password: PASSWORD, verified: true });
    provider.accounts.set('sub-hana', { email: 'hana@example.com', email_verified: true, preferred_username: 'hana-sso' });
    const response = await signInThrough('sub-hana');
    expect(response.headers.get('location')).toBe('/auth/oidc/link');
    expect(sessionCookieFrom(response)).toBeUndefined();
    const linkCookie = response.headers.getSetCookie().find((line) => line.startsWith('hearth_oidc_link='))!.split(';')[0]!;
    const page = await t.http.get('/auth/oidc/link', { cookie: linkCookie });
    expect(await page.text()).toContain('hana');
    const wrong = await t.http.post('/auth/oidc/link', { password: 'not the password' }, { cookie: linkCookie });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('That password is not right for this account');
    expect(t.db.select().from(userIdentities).all()).toHaveLength(0);
    const right = await t.http.post('/auth/oidc/link', { password: PASSWORD }, { cookie: linkCookie });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/search');
    expect(sessionCookieFrom(right)).toBeDefined();
    expect(t.db.select().from(userIdentities).get()).toMatchObject({ subject: 'sub-hana', userId: local.id });
    expect((await t.http.post('/auth/oidc/link', { password: PASSWORD }, { cookie: linkCookie })).status).toBe(404);
    const again = await signInThrough('sub-hana');
    expect(again.headers.get('location')).toBe('/search');
    expect(t.db.select({ id: users.id }).from(users).all()).toHaveLength(1);
  });

  it('links at once when the admin trusts the provider with addresses (OIDC_TRUST_EMAIL)', async () => {
    await community({ trustEmail: true });
    const local = await createUser(t.services, { username: 'ivo', email: 'ivo@example.com', password: PASSWORD, verified: true });
    provider.accounts.set('sub-ivo', { email: 'ivo@example.com', email_verified: true });
    expect((await signInThrough('sub-ivo')).headers.get('location')).toBe('/search');
    expect(t.db.select().from(userIdentities).get()?.userId).toBe(local.id);
  });
});

describe('refused sign-ins', () => {
  async function expectRefused(response: Response, text: string) {
    expect(response.status).toBe(400);
    expect(sessionCookieFrom(response)).toBeUndefined();
    expect(await response.text()).toContain(text);
    expect(t.db.select().from(userIdentities).all()).toHaveLength(0);
  }

  it('a tampered state', async () => {
    await community();
    provider.accounts.set('sub-x', {});
    const { callback, cookie } = await toCallback('sub-x');
    await expectRefused(await t.http.get(callback.replace(/state=([^&]+)/, 'state=$1x'), { cookie }), 'This sign-in link is not valid or was already used');
  });

  it('a replayed code (the same callback URL a second time)', async () => {
    await community();
    provider.accounts.set('sub-x', {});
    const { callback, cookie } = await toCallback('sub-x');
    expect((await t.http.get(callback, { cookie })).status).toBe(303);
    t.db.delete(userIdentities).run();
    await expectRefused(await t.http.get(callback, { cookie }), 'This sign-in link is not valid or was already used');
  });

  it('an ID token with another nonce than the one this sign-in sent', async () => {
    await community();
    provider.accounts.set('sub-x', {});
    const { callback, cookie } = await toCallback('sub-x');
    t.db.update(oidcLogins).set({ nonce: 'a-nonce-of-another-sign-in' }).run();
    await expectRefused(await t.http.get(callback, { cookie }), 'did not check out');
    expect(t.errors.map((error) => String((error as Error).cause)).join(' ')).toMatch(/nonce/);
  });

  it('an answer from another issuer', async () => {
    await community();
    otherProvider.accounts.set('sub-x', {});
    const { callback, cookie } = await toCallback('sub-x', (url) => new URL(`${url.pathname}${url.search}`, otherProvider.issuer));
    expect(callback).toContain(encodeURIComponent(otherProvider.issuer));
    await expectRefused(await t.http.get(callback, { cookie }), 'did not check out');
  });

  it('a code issued to another client (audience)', async () => {
    await community();
    provider.accounts.set('sub-x', {});
    const { callback, cookie } = await toCallback('sub-x', (url) => {
      url.searchParams.set('client_id', OTHER_CLIENT_ID);
      return url;
    });
    await expectRefused(await t.http.get(callback, { cookie }), 'did not check out');
  });

  it('a state carried to another browser', async () => {
    await community();
    provider.accounts.set('sub-x', {});
    const { callback } = await toCallback('sub-x');
    const elsewhere = await t.http.get('/auth/oidc/start');
    await expectRefused(await t.http.get(callback, { cookie: browserCookie(elsewhere) }), 'started in another browser');
  });

  it('a sign-in older than ten minutes', async () => {
    await community();
    provider.accounts.set('sub-x', {});
    const { callback, cookie } = await toCallback('sub-x');
    t.clock.advance(11 * 60_000);
    await expectRefused(await t.http.get(callback, { cookie }), 'has expired');
  });

  it('a provider that does not answer gets a clear page, not an error', async () => {
    t = await createTestContext({ baseUrl: BASE, oidc: { ...provider.settings(), issuer: 'http://127.0.0.1:9' } });
    const response = await t.http.get('/auth/oidc/start');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('is not answering right now');
  });
});

describe('OIDC_ONLY and sign-out', () => {
  it('hides sign-up and password sign-in but keeps the administrators\' break-glass sign-in', async () => {
    await community({ only: true });
    await createUser(t.services, { username: 'root', email: 'root@example.com', password: PASSWORD, role: 'admin' });
    const login = await (await t.http.get('/login')).text();
    expect(login).toContain('Sign in with Brewline');
    expect(login).not.toContain('name="password"');
    // Nothing offers a sign-up that would be refused: not the header, the home page or the login page.
    expect(login).not.toContain('href="/signup');
    const home = await (await t.http.get('/')).text();
    expect(home).toContain('href="/login"');
    expect(home).not.toContain('href="/signup');
    makeCategory(t.services, { name: 'Brewing', slug: 'brewing' });
    const mia = await makeUser(t.services, { username: 'mia', email: 'mia@example.com', password: PASSWORD });
    const brewing = await makeThread(t.services, mia, { category: 'brewing', title: 'Grind size for a moka pot', body: 'Finer than drip?' });
    const thread = await (await t.http.get(`/t/${brewing.threadId}/${brewing.slug}`)).text();
    expect(thread).toContain(`">Log in</a> to reply.`);
    expect(thread).not.toContain('href="/signup');
    expect((await t.http.get('/signup')).status).toBe(403);
    expect((await t.http.post('/signup', { username: 'newbie', email: 'n@example.com', password: PASSWORD })).status).toBe(403);
    const refused = await t.http.post('/login', { login: 'root', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Password sign-in is turned off here');
    expect(await (await t.http.get('/login?local=1')).text()).toContain('name="local" value="1"');
    expect((await t.http.post('/login', { login: 'mia', password: PASSWORD, local: '1' })).status).toBe(422);
    const admin = await t.http.post('/login', { login: 'root', password: PASSWORD, local: '1' });
    expect(admin.status).toBe(303);
    expect(sessionCookieFrom(admin)).toBeDefined();
  });

  it('offers the provider beside the password form when not OIDC_ONLY, and nothing when not configured', async () => {
    await community();
    const login = await (await t.http.get('/login?next=/search')).text();
    expect(login).toContain('href="/auth/oidc/start?next=%2Fsearch"');
    expect(login).toContain('name="password"');
    expect((await (await t.http.get('/')).text()).match(/href="\/signup"/g)).toHaveLength(2);
    await t.close();
    t = await createTestContext();
    expect(await (await t.http.get('/login')).text()).not.toContain('/auth/oidc/start');
    expect((await t.http.get('/auth/oidc/start')).status).toBe(404);
  });

  it('signs out here and then at the provider with id_token_hint and the way back', async () => {
    await community();
    provider.accounts.set('sub-x', {});
    const signedIn = await signInThrough('sub-x');
    const cookies = signedIn.headers.getSetCookie().map((line) => line.split(';')[0]).filter((pair) => /^hearth_(session|oidc_id)=/.test(pair!));
    expect(cookies).toHaveLength(2);
    const out = await t.http.post('/logout', {}, { cookie: cookies.join('; ') });
    expect(out.headers.get('location')).toBe('/auth/oidc/logout');
    const idCookie = cookies.find((pair) => pair!.startsWith('hearth_oidc_id='))!;
    const fromElsewhere = await t.http.get('/auth/oidc/logout', { cookie: idCookie, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fromElsewhere.headers.get('location')).toBe('/');
    const next = await t.http.get('/auth/oidc/logout', { cookie: idCookie, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(next.status).toBe(200);
    expect(next.headers.get('set-cookie')).toMatch(/hearth_oidc_id=;/);
    const to = new URL(/^0; url=(.+)$/.exec(next.headers.get('refresh')!)![1]!);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE}/`);
  });
});

describe('limits', () => {
  it('limits how often one address may start signing in, with a page that says when to try again', async () => {
    t = await createTestContext({ baseUrl: BASE, rateLimit: true, oidc: provider.settings() });
    for (let attempt = 0; attempt < 30; attempt += 1) expect((await t.http.get('/auth/oidc/start')).status).toBe(303);
    const refused = await t.http.get('/auth/oidc/start');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^[0-9]+$/);
    expect(t.db.select().from(oidcLogins).all()).toHaveLength(30);
  });

  it('forgets the provider sign-in when the same browser then signs in with a password', async () => {
    await community();
    await createUser(t.services, { username: 'lou', email: 'lou@example.com', password: PASSWORD });
    const response = await t.http.post('/login', { login: 'lou', password: PASSWORD }, { cookie: 'hearth_oidc_id=eyJhbGciOi.old.token' });
    expect(response.headers.getSetCookie().some((line) => line.startsWith('hearth_oidc_id=;'))).toBe(true);
  });
});

describe('the admins\' page (/admin/sign-in)', () => {
  it('lets an admin set the provider when the environment does not, keeps the secret write-only, and sign-in uses it', async () => {
    t = await createTestContext({ baseUrl: BASE, siteName: 'Brewline' });
    const admin = await createUser(t.services, { username: 'root', email: 'root@example.com', password: PASSWORD, role: 'admin' });
    const member = await createUser(t.services, { username: 'mia', email: 'mia@example.com', password: PASSWORD });
    expect((await t.http.get('/admin/sign-in', { as: member })).status).toBe(403);
    expect((await t.http.post('/admin/sign-in', { issuer: provider.issuer, clientId: 'x' }, { as: member })).status).toBe(403);
    expect(await (await t.http.get('/admin/sign-in', { as: admin })).text()).toContain('No provider is set up');
    const refused = await t.http.post('/admin/sign-in', { issuer: 'http://login.example.com', clientId: '' }, { as: admin });
    expect(refused.status).toBe(422);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('value="http://login.example.com"');
    expect(refusedPage).toContain('Enter the client ID');
    const saved = await t.http.post('/admin/sign-in', { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, { as: admin });
    expect(saved.headers.get('location')).toBe('/admin/sign-in?done=saved');
    const page = await (await t.http.get('/admin/sign-in?done=saved', { as: admin })).text();
    expect(page).toContain('The provider answered discovery. Sign-out at the provider: offered.');
    expect(page).toContain(`${BASE}/auth/oidc/callback`);
    expect(page).not.toContain(CLIENT_SECRET);
    const audit = t.db.select().from(modLog).where(eq(modLog.action, 'sign_in_settings')).get();
    expect(audit?.details).not.toContain(CLIENT_SECRET);
    // Saving again with the secret left empty keeps it.
    await t.http.post('/admin/sign-in', { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: '' }, { as: admin });
    provider.accounts.set('sub-pia', { preferred_username: 'pia' });
    expect((await signInThrough('sub-pia')).headers.get('location')).toBe('/search');
    expect(userNamed('pia')).toBeDefined();
  });

  it('shows the environment\'s settings without a form, and refuses to change them', async () => {
    await community({ only: true });
    const admin = await createUser(t.services, { username: 'root', email: 'root@example.com', password: PASSWORD, role: 'admin' });
    const page = await (await t.http.get('/admin/sign-in', { as: admin })).text();
    expect(page).toContain('Set by the server');
    expect(page).toContain('Password sign-in: off (OIDC_ONLY)');
    expect(page).not.toContain('action="/admin/sign-in"');
    expect((await t.http.post('/admin/sign-in', { issuer: 'https://elsewhere.example', clientId: 'x' }, { as: admin })).status).toBe(409);
  });
});

describe('configuration', () => {
  it('reads the OIDC settings and refuses incomplete or malformed ones with a clear message', () => {
    const config = loadConfig({ OIDC_ISSUER: 'https://login.example.com/realms/brand', OIDC_CLIENT_ID: 'hearth', OIDC_ONLY: '1', OIDC_ROLE_CLAIM: 'groups:staff=manager' });
    expect(config.oidc).toMatchObject({ issuer: 'https://login.example.com/realms/brand', clientId: 'hearth', clientSecret: '', only: true });
    expect(config.oidc?.roleClaim?.roles.get('staff')).toBe('manager');
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.com' })).toThrow(/OIDC_CLIENT_ID: is needed with OIDC_ISSUER/);
    expect(() => loadConfig({ OIDC_ONLY: '1' })).toThrow(/OIDC_ISSUER: is needed for OIDC_ONLY/);
    expect(() => loadConfig({ OIDC_ISSUER: 'http://login.example.com', OIDC_CLIENT_ID: 'x' })).toThrow(/https/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'x', OIDC_ROLE_CLAIM: 'groups:staff=boss' })).toThrow(/"boss" is not a role/);
  });
});

describe('choosing a username', () => {
  it('lets a member made from the provider choose their own name at once, under the signup rules, and then not again for 30 days', async () => {
    await community();
    await createUser(t.services, { username: 'taken', email: 'taken@example.com', password: PASSWORD });
    provider.accounts.set('sub-jo', { preferred_username: 'jo.provider' });
    const cookie = sessionCookieFrom(await signInThrough('sub-jo'))!;
    const page = await (await t.http.get('/account', { cookie })).text();
    expect(page).toContain('You can choose your own now');
    const bad = await t.http.post('/account/username', { username: 'taken' }, { cookie });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('value="taken"');
    const changed = await t.http.post('/account/username', { username: 'jo_chosen' }, { cookie });
    expect(changed.headers.get('location')).toBe('/account?done=username');
    expect(userNamed('jo_chosen')?.usernameChangesLeft).toBe(0);
    expect(await (await t.http.get('/account', { cookie })).text()).not.toContain('action="/account/username"');
    const again = await t.http.post('/account/username', { username: 'jo_again' }, { cookie });
    expect(again.status).toBe(403);
    expect(userNamed('jo_chosen')).toBeDefined();
  });

  it('offers accounts made here the same change, once per 30 days', async () => {
    await community();
    const local = await createUser(t.services, { username: 'kim', email: 'kim@example.com', password: PASSWORD });
    expect(await (await t.http.get('/account', { as: local })).text()).toContain('action="/account/username"');
    expect((await t.http.post('/account/username', { username: 'kim2' }, { as: local })).status).toBe(303);
    expect((await t.http.post('/account/username', { username: 'kim3' }, { as: local })).status).toBe(403);
  });
});
