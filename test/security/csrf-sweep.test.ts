import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '../../src/auth/session.js';
import { concretePath, isMutating, key, routesOf, snapshot, type Route } from './route-table.js';
import { createSweepFixture, PLAUSIBLE_FORM, type SweepFixture } from './sweep-fixture.js';

// Every mutating route in the app's route table, sent cross-site with an admin's session cookie:
// refused with 403 and nothing changed. And sent from the site itself without a session: sent to
// log in (or 401/403), never done. The list is generated, so a new route is covered the day it lands.

/** Mutating routes that do not take a session's word for who is asking, and why. */
const NOT_SESSION_AUTHENTICATED: Record<string, { reason: string; anonymous: number[] }> = {
  'POST /api/v1/embed/threads': { reason: 'JSON API: authenticated by a bearer API key, never by a cookie', anonymous: [401] },
  'POST /unsubscribe': { reason: 'RFC 8058 one-click unsubscribe: mail clients post with no cookie or Origin; the signed token is the authority', anonymous: [400] },
  'POST /login': { reason: 'signs in: meant for visitors without a session', anonymous: [422] },
  'POST /signup': { reason: 'creates an account: meant for visitors without a session', anonymous: [303, 422] },
  'POST /verify-email': { reason: 'confirms an address: the emailed token is the authority', anonymous: [400] },
  'POST /email-change': { reason: 'confirms a new address: the token mailed to it is the authority', anonymous: [400] },
  'POST /password/forgot': { reason: 'asks for a reset email: meant for visitors who cannot sign in', anonymous: [303, 422] },
  'POST /password/reset': { reason: 'sets a new password: the emailed token is the authority', anonymous: [400] },
  'POST /auth/oidc/link': { reason: "links a provider identity to a local account: the pending link's cookie and that account's password are the authority", anonymous: [404] },
  'POST /logout': { reason: 'ends the session the cookie names, if any: harmless without one', anonymous: [303] },
  'POST /embed/session': { reason: "exchanges a sign-in popup's single-use code: the code is the authority, sent from the community's own origin (ADR 0049)", anonymous: [422] },
  'POST /t/:id{[0-9]+}/feedback': { reason: '"Did this help?" takes anonymous readers\' answers: a signed token in the form, never a cookie, names the answer (ADR 0050)', anonymous: [200, 422] },
  'POST /embed/t/:id{[0-9]+}/feedback': { reason: 'the same answer from an embed frame: an embed session or a signed token, never the community cookie (ADR 0050)', anonymous: [200, 422] },
  'POST /locale': { reason: "sets the reader's language: a cookie for visitors (the member's own choice when signed in)", anonymous: [303, 422] },
};
// Cross-site posts to these are allowed through the Origin check (see src/app.ts).
const CROSS_SITE_ALLOWED = new Set(['POST /unsubscribe']);
/** What an HTML form can send (a missing content type counts as text/plain, as hono's csrf() reads it). */
const FORM_CONTENT_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

let ctx: SweepFixture;
let routes: Route[];
beforeAll(async () => {
  ctx = await createSweepFixture();
  routes = routesOf(ctx.app).filter(isMutating);
}, 60_000);
afterAll(() => ctx.close());

function request(route: Route, headers: Record<string, string>, body?: BodyInit) {
  const url = new URL(concretePath(route.path, ctx.values(route.path)), ctx.config.baseUrl).toString();
  return ctx.app.request(url, { method: route.method, headers, ...(body !== undefined ? { body } : {}) });
}

function multipart(): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(PLAUSIBLE_FORM)) form.append(name, value);
  return form;
}

describe('the route table', () => {
  it('has the mutating routes this sweep expects to find (it is generated, not hand-written)', () => {
    const keys = routes.map(key);
    expect(keys.length).toBeGreaterThan(30);
    for (const known of ['POST /t', 'POST /p/:id{[0-9]+}/delete', 'POST /account/sessions/:id/end', 'POST /mod/users/:username/role', 'POST /uploads', 'POST /account/avatar', 'POST /account/avatar/remove', 'POST /polls/:pollId{[0-9]+}/vote', 'POST /polls/:pollId{[0-9]+}/close', 'POST /t/:id{[0-9]+}/polls/new', 'POST /account/export', 'POST /account/delete', 'POST /mod/users/:username/erase']) expect(keys).toContain(known);
    expect(routes.every((route) => route.method === 'POST')).toBe(true);
  });
});

describe('cross-site requests with an admin’s session cookie', () => {
  it('are refused with 403 on every mutating route, in every form a browser can send, and change nothing', async () => {
    const cookie = ctx.cookie(ctx.admin);
    const evil = { origin: 'https://evil.example', cookie };
    const form = new URLSearchParams(PLAUSIBLE_FORM).toString();
    const variants: [string, () => [Record<string, string>, BodyInit | undefined]][] = [
      ['urlencoded, foreign Origin', () => [{ ...evil, 'content-type': 'application/x-www-form-urlencoded' }, form]],
      ['multipart, foreign Origin', () => [evil, multipart()]],
      ['text/plain, foreign Origin', () => [{ ...evil, 'content-type': 'text/plain' }, form]],
      ['JSON, foreign Origin', () => [{ ...evil, 'content-type': 'application/json' }, JSON.stringify(PLAUSIBLE_FORM)]],
      ['JSON, no Origin, Sec-Fetch-Site same-site', () => [{ cookie, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, '{}']],
      ['no content type, Origin null', () => [{ origin: 'null', cookie }, undefined]],
      ['urlencoded, no Origin, Sec-Fetch-Site cross-site', () => [{ cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, form]],
      // Neither header: no browser sends a POST like that, so it is a script holding a cookie.
      ['urlencoded, no Origin and no Sec-Fetch-Site', () => [{ cookie, 'content-type': 'application/x-www-form-urlencoded' }, form]],
      ['multipart, no Origin and no Sec-Fetch-Site', () => [{ cookie }, multipart()]],
      ['text/plain, no Origin and no Sec-Fetch-Site', () => [{ cookie, 'content-type': 'text/plain' }, form]],
      ['JSON, no Origin and no Sec-Fetch-Site', () => [{ cookie, 'content-type': 'application/json' }, JSON.stringify(PLAUSIBLE_FORM)]],
      ['octet-stream, no Origin and no Sec-Fetch-Site', () => [{ cookie, 'content-type': 'application/octet-stream' }, form]],
      ['no content type, no Origin and no Sec-Fetch-Site', () => [{ cookie }, undefined]],
      ['urlencoded, look-alike Origin', () => [{ cookie, origin: `${ctx.config.baseUrl}.evil.example`, 'content-type': 'application/x-www-form-urlencoded' }, form]],
    ];
    const before = snapshot(ctx.db);
    const wrong: string[] = [];
    for (const route of routes) {
      if (CROSS_SITE_ALLOWED.has(key(route))) continue;
      for (const [name, make] of variants) {
        const [headers, body] = make();
        // The bearer-key API ignores cookies; a body no form can send is refused there on its own
        // terms (next test). Form bodies are refused before it by the Origin check.
        if (route.path.startsWith('/api/') && !FORM_CONTENT_TYPE.test(headers['content-type'] ?? 'text/plain')) continue;
        const response = await request(route, headers, body);
        if (response.status !== 403) wrong.push(`${key(route)} (${name}): ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(snapshot(ctx.db) === before, 'the database changed').toBe(true);
    expect(ctx.errors).toEqual([]);
  }, 60_000);

  it('lets the listed exceptions through only to refuse them on their own terms, changing nothing', async () => {
    const cookie = ctx.cookie(ctx.admin);
    const before = snapshot(ctx.db);
    for (const route of routes.filter((candidate) => CROSS_SITE_ALLOWED.has(key(candidate)))) {
      const routeKey = key(route);
      const response = await request(route, { origin: 'https://evil.example', cookie, 'content-type': 'application/x-www-form-urlencoded' }, 'List-Unsubscribe=One-Click');
      expect(response.status, routeKey).toBe(400);
    }
    // The bearer-token API ignores cookies: without a key it is 401 whatever the Origin, or none.
    const body = JSON.stringify({ key: 'evil', title: 'Evil thread title', url: 'https://evil.example/', category: 'kettles' });
    const variants: Record<string, string>[] = [
      { origin: 'https://evil.example', cookie, 'content-type': 'application/json' },
      { cookie, 'content-type': 'application/json' },
      { cookie, 'content-type': 'application/octet-stream' },
    ];
    for (const headers of variants) {
      const api = await ctx.app.request(`${ctx.config.baseUrl}/api/v1/embed/threads`, { method: 'POST', headers, body });
      expect(api.status, JSON.stringify(headers)).toBe(401);
    }
    expect(snapshot(ctx.db) === before, 'the database changed').toBe(true);
  });
});

describe('same-site requests without a session', () => {
  it('are sent to log in, or refused, on every mutating route — never done, never a 500', async () => {
    const before = snapshot(ctx.db, ['sessions']);
    let checkedUnchanged = false;
    const wrong: string[] = [];
    // Those meant for visitors may change things (a signup makes an account): they go last.
    const ordered = [...routes.filter((route) => !NOT_SESSION_AUTHENTICATED[key(route)]), ...routes.filter((route) => NOT_SESSION_AUTHENTICATED[key(route)])];
    for (const route of ordered) {
      if (NOT_SESSION_AUTHENTICATED[key(route)] && !checkedUnchanged) {
        checkedUnchanged = true;
        expect(snapshot(ctx.db, ['sessions']) === before, 'the database changed').toBe(true);
      }
      const response = await request(route, { origin: ctx.config.baseUrl, 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams(PLAUSIBLE_FORM).toString());
      const target = response.headers.get('location') ?? '';
      const exception = NOT_SESSION_AUTHENTICATED[key(route)];
      const fine = exception
        ? exception.anonymous.includes(response.status)
        : response.status === 401 || response.status === 403 || (response.status === 303 && target.startsWith('/login'));
      if (!fine) wrong.push(`${key(route)}: ${response.status} ${target}`);
    }
    expect(wrong).toEqual([]);
    expect(checkedUnchanged).toBe(true);
    expect(ctx.errors).toEqual([]);
  }, 60_000);
});

describe('a request with a session cookie and neither Origin nor Sec-Fetch-Site', () => {
  // Outside testers found these two acting when the body was not one a form can send.
  it('is refused with 403 whatever its content type, and does nothing', async () => {
    const cookie = ctx.cookie(ctx.carol);
    const { token: otherToken } = createSession(ctx.db, ctx.carol.id, ctx.clock.now());
    const votes = () => ctx.row<{ count: number }>('select count(*) as count from post_votes where post_id = ?', ctx.reply.postId).count;
    const votesBefore = votes();
    for (const contentType of ['application/json', 'application/octet-stream', undefined]) {
      const headers = { cookie, ...(contentType ? { 'content-type': contentType } : {}) };
      const endOthers = await ctx.app.request(`${ctx.config.baseUrl}/account/sessions/end-others`, { method: 'POST', headers, body: '{}' });
      expect(endOthers.status, `end-others, ${contentType}`).toBe(403);
      const helpful = await ctx.app.request(`${ctx.config.baseUrl}/p/${ctx.reply.postId}/helpful`, { method: 'POST', headers: { ...headers, accept: 'application/json' }, body: '{}' });
      expect(helpful.status, `helpful, ${contentType}`).toBe(403);
    }
    expect(validateSessionToken(ctx.db, otherToken, ctx.clock.now())?.user.id).toBe(ctx.carol.id);
    expect(votes()).toBe(votesBefore);
    // The same requests from the site itself act, so the refusals above are the guard's.
    const sameSite = { cookie, origin: ctx.config.baseUrl, 'content-type': 'application/json', accept: 'application/json' };
    expect((await ctx.app.request(`${ctx.config.baseUrl}/p/${ctx.reply.postId}/helpful`, { method: 'POST', headers: sameSite, body: '{}' })).status).toBe(200);
    expect(votes()).toBe(votesBefore + 1);
    expect((await ctx.app.request(`${ctx.config.baseUrl}/account/sessions/end-others`, { method: 'POST', headers: sameSite, body: '{}' })).status).toBe(303);
    expect(validateSessionToken(ctx.db, otherToken, ctx.clock.now())).toBeNull();
    expect(ctx.errors).toEqual([]);
  });
});
