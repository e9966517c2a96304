import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { EMBED_SESSION_COOKIE } from '../../src/auth/embed-session.js';
import { embedSignInCodes, sessions } from '../../src/db/schema.js';
import { EMBED_CODE_LIFETIME_MS } from '../../src/embed/sign-in-codes.js';
import { createEmbedContext, HELP_CENTER } from '../helpers/embed.js';
import { embedToken, exchangeCode, signInCode } from '../helpers/embed-session.js';
import { location } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;
const OTHER_ALLOWED = 'https://docs.example.org';
const STRANGER = 'https://evil.example.net';

beforeAll(async () => {
  ctx = await createEmbedContext([HELP_CENTER, OTHER_ALLOWED]);
});
afterAll(() => ctx.close());

describe('the sign-in popup', () => {
  it('sends a visitor to the community sign-in and back, keeping the popup able to reach its opener', async () => {
    const response = await ctx.http.get(`/embed/sign-in?origin=${encodeURIComponent(HELP_CENTER)}`);
    expect(response.status).toBe(303);
    expect(location(response)).toBe(`/login?next=${encodeURIComponent(`/embed/sign-in?origin=${encodeURIComponent(HELP_CENTER)}`)}`);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    const login = await ctx.http.get(location(response));
    expect(login.status).toBe(200);
    expect(login.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    // The sign-in form's answer, too (its redirect back to the hand-off).
    const popupLogin = new URL(location(response), ctx.config.baseUrl).toString();
    const posted = await ctx.http.post('/login', { login: 'nobody', password: 'wrong' }, { headers: { referer: popupLogin } });
    expect(posted.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    // Any other sign-in keeps the site's policy.
    expect((await ctx.http.get('/login?next=/t/1')).headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect((await ctx.http.post('/login', { login: 'nobody', password: 'wrong' })).headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('gives a signed-in member a code for the frame, addressed to the community origin only, never cached', async () => {
    const response = await ctx.http.get(`/embed/sign-in?origin=${encodeURIComponent(HELP_CENTER)}`, { as: ctx.member });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const page = await response.text();
    expect(page).toMatch(/data-code="[A-Za-z0-9_-]{43}"/);
    expect(page).toContain('<script src="/static/embed-sign-in.js"');
    const script = await (await ctx.http.get('/static/embed-sign-in.js')).text();
    expect(script).toContain('window.opener.postMessage({ hearth: { type: \'signedIn\', code: code } }, location.origin)');
    expect(script).not.toContain("'*'");
  });

  it('stores only a hash of the code, bound to the member and the origin, for a minute', async () => {
    ctx.db.delete(embedSignInCodes).run();
    const code = await signInCode(ctx, ctx.member);
    const [row] = ctx.db.select().from(embedSignInCodes).all();
    expect(row).toMatchObject({ userId: ctx.member.id, origin: HELP_CENTER, usedAt: null });
    expect(row!.expiresAt - row!.createdAt).toBe(EMBED_CODE_LIFETIME_MS);
    expect(row!.codeHash.toString('base64url')).not.toBe(code);
    expect(row!.codeHash.toString('hex')).not.toContain(Buffer.from(code).toString('hex'));
  });

  it('refuses an origin that is not allowed with a clear page and no code', async () => {
    const before = ctx.db.select().from(embedSignInCodes).all().length;
    for (const origin of [STRANGER, '', 'null']) {
      const response = await ctx.http.get(`/embed/sign-in?origin=${encodeURIComponent(origin)}`, { as: ctx.member });
      expect(response.status).toBe(403);
      const page = await response.text();
      expect(page).toContain('Signing in is not possible from this site');
      expect(page).not.toContain('data-code');
    }
    expect(ctx.db.select().from(embedSignInCodes).all().length).toBe(before);
  });
});

describe('exchanging a code for an embed session', () => {
  it('gives the frame a token and a partitioned cookie for the embed paths, for that origin only', async () => {
    const response = await exchangeCode(ctx, await signInCode(ctx, ctx.member));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; username: string };
    expect(body.username).toBe('alice');
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${EMBED_SESSION_COOKIE}=`))!;
    expect(cookie).toContain(`${EMBED_SESSION_COOKIE}=${body.token}`);
    for (const flag of ['Path=/embed/', 'HttpOnly', 'Secure', 'SameSite=None', 'Partitioned']) expect(cookie).toContain(flag);
    const [id] = body.token.split('.');
    expect(ctx.db.select().from(sessions).where(eq(sessions.id, id!)).get()?.embedOrigin).toBe(HELP_CENTER);
    // The sign-in is in the member's history (docs/privacy.md).
    expect(ctx.db.$client.prepare("select count(*) from sign_in_events where user_id = ? and method = 'embed'").pluck().get(ctx.member.id)).toBe(1);
  });

  it('takes each code once', async () => {
    const code = await signInCode(ctx, ctx.member);
    expect((await exchangeCode(ctx, code)).status).toBe(200);
    const again = await exchangeCode(ctx, code);
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('expired or was already used');
  });

  it('refuses a code after its minute', async () => {
    const code = await signInCode(ctx, ctx.member);
    ctx.clock.advance(EMBED_CODE_LIFETIME_MS + 1);
    expect((await exchangeCode(ctx, code)).status).toBe(422);
  });

  it('refuses a code for another origin, even an allowed one, and for one not allowed', async () => {
    const code = await signInCode(ctx, ctx.member);
    expect((await exchangeCode(ctx, code, OTHER_ALLOWED)).status).toBe(422);
    expect((await exchangeCode(ctx, code, STRANGER)).status).toBe(422);
    // The code was not spent by the wrong tries: its own frame still gets in.
    expect((await exchangeCode(ctx, code)).status).toBe(200);
  });

  it('refuses an exchange sent from another site', async () => {
    const code = await signInCode(ctx, ctx.member);
    const response = await ctx.app.request(`${ctx.config.baseUrl}/embed/session`, {
      method: 'POST',
      body: new URLSearchParams({ code, origin: HELP_CENTER }).toString(),
      headers: { 'content-type': 'text/plain', origin: HELP_CENTER },
    });
    expect(response.status).toBe(403);
    expect((await exchangeCode(ctx, code)).status).toBe(200);
  });

  it('refuses nonsense codes', async () => {
    for (const code of ['', 'short', 'x'.repeat(43)]) expect((await exchangeCode(ctx, code)).status).toBe(422);
  });
});

describe('an embed session', () => {
  it('is never a session of the community pages', async () => {
    const token = await embedToken(ctx, ctx.member);
    const home = await ctx.http.get('/', { cookie: `${SESSION_COOKIE}=${token}` });
    expect(await home.text()).not.toContain('alice');
    const reply = await ctx.http.post('/t/1/replies', { body: 'Should never be posted' }, { cookie: `${SESSION_COOKIE}=${token}` });
    expect([401, 404]).toContain(reply.status);
    const account = await ctx.http.get('/account', { headers: { authorization: `Bearer ${token}` } });
    expect(account.status).not.toBe(200);
  });

  it('names its member only to frames of its own origin', async () => {
    const token = await embedToken(ctx, ctx.member);
    const ask = (origin: string) => ctx.http.get(`/embed/session?origin=${encodeURIComponent(origin)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await (await ask(HELP_CENTER)).json()).toEqual({ username: 'alice' });
    expect(await (await ask(OTHER_ALLOWED)).json()).toEqual({ username: null });
    expect(await (await ask(STRANGER)).json()).toEqual({ username: null });
    const byCookie = await ctx.http.get(`/embed/session?origin=${encodeURIComponent(HELP_CENTER)}`, { cookie: `${EMBED_SESSION_COOKIE}=${token}` });
    expect(await byCookie.json()).toEqual({ username: 'alice' });
    expect(byCookie.headers.get('cache-control')).toBe('private, no-store');
  });

  it('is not a community session for the sign-in popup either', async () => {
    const token = await embedToken(ctx, ctx.member);
    const response = await ctx.http.get(`/embed/sign-in?origin=${encodeURIComponent(HELP_CENTER)}`, { cookie: `${SESSION_COOKIE}=${token}` });
    expect(response.status).toBe(303);
  });
});
