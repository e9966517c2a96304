import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSessionToken } from '../../src/auth/session.js';
import { concretePath, key, parameters, routesOf, snapshot, type Route } from './route-table.js';
import { createSweepFixture, PLAUSIBLE_FORM, type SweepFixture } from './sweep-fixture.js';

// Every route that names a resource in its URL (`:id`, `:username`, `:itemId`…), tried by alice, a
// member, on bob's resources. What each route should do is written down here; a new route with a
// parameter fails the sweep until someone adds its line.

type Expectation =
  | { kind: 'public'; why: string }
  | { kind: 'allowed'; why: string }
  | { kind: 'refused'; statuses?: number[] };

const REFUSED: Expectation = { kind: 'refused' };
const PUBLIC = (why: string): Expectation => ({ kind: 'public', why });

const EXPECTATIONS: Record<string, Expectation> = {
  'GET /embed/t/:id{[0-9]+}': PUBLIC('embeds show public threads to anyone'),
  'GET /embed/t/:id{[0-9]+}/fragment': PUBLIC('embeds show public threads to anyone'),
  'GET /embed/k/:key': PUBLIC('embeds show public threads to anyone'),
  'GET /embed/c/:slug': PUBLIC('embeds show public categories to anyone'),
  'GET /api/v1/threads/:id{[0-9]+}': PUBLIC('the read API is the public view'),
  'GET /c/:slug': PUBLIC('category pages are public'),
  'GET /t/:id{[0-9]+}/:slug?': PUBLIC('thread pages are public'),
  'GET /p/:id{[0-9]+}': PUBLIC('permalinks redirect to public pages'),
  'GET /u/:username': PUBLIC('profiles are public'),
  'GET /static/:name': PUBLIC('static files'),
  'GET /c/:slug/feed.atom': PUBLIC('feeds show what an anonymous reader sees, to everyone'),
  'GET /t/:id{[0-9]+}/feed.atom': PUBLIC('feeds show what an anonymous reader sees, to everyone'),
  'GET /:name{sitemap-threads-[0-9]+\\.xml}': PUBLIC('sitemaps list what an anonymous reader sees, to everyone'),
  'POST /t/:id{[0-9]+}/replies': { kind: 'allowed', why: 'any member may reply to anyone’s thread' },
  'GET /p/:id{[0-9]+}/flag': { kind: 'allowed', why: 'the flag form for another member’s post; flagging them is the point' },
  'POST /p/:id{[0-9]+}/flag': { kind: 'allowed', why: 'flagging other members’ posts is the point' },
  'POST /p/:id{[0-9]+}/helpful': { kind: 'allowed', why: 'voting for other members’ posts is the point' },
  'POST /t/:id{[0-9]+}/watch': { kind: 'allowed', why: 'changes only the member’s own watch setting' },
  'POST /c/:slug/watch': { kind: 'allowed', why: 'changes only the member’s own watch setting' },
  // Another member's post: edit, delete, history, solution marks.
  'GET /p/:id{[0-9]+}/edit': REFUSED,
  'POST /p/:id{[0-9]+}/edit': REFUSED,
  'POST /p/:id{[0-9]+}/delete': REFUSED,
  'GET /p/:id{[0-9]+}/revisions': REFUSED,
  'POST /p/:id{[0-9]+}/:action{(?:accept|unaccept)}': REFUSED,
  // Another member's session and notifications.
  'POST /account/sessions/:id/end': REFUSED,
  'POST /notifications/:id/open': REFUSED,
  // Staff tools, on another member's content or account.
  'POST /p/:id{[0-9]+}/hide': REFUSED,
  'POST /p/:id{[0-9]+}/unhide': REFUSED,
  'POST /t/:id{[0-9]+}/:flag{(?:lock|pin)}': REFUSED,
  'POST /t/:id{[0-9]+}/:tool{(?:rename|move)}': REFUSED,
  'GET /t/:id{[0-9]+}/embed-key': REFUSED,
  'POST /t/:id{[0-9]+}/embed-key': REFUSED,
  'POST /mod/queue/:itemId{[0-9]+}/:action{(?:approve|reject|dismiss|hide)}': REFUSED,
  'GET /mod/users/:username': REFUSED,
  'POST /mod/users/:username/:kind{(?:silence|suspend)}': REFUSED,
  'POST /mod/users/:username/:kind{(?:unsilence|unsuspend)}': REFUSED,
  'POST /mod/users/:username/role': REFUSED,
  'POST /mod/users/:username/scope': REFUSED,
  // Admin configuration and API keys.
  'POST /admin/embedding/keys/:id/revoke': REFUSED,
  'POST /admin/watched-words/:id{[0-9]+}/remove': REFUSED,
  'POST /admin/categories/:id{[0-9]+}': REFUSED,
};

let ctx: SweepFixture;
let routes: Route[];
beforeAll(async () => {
  ctx = await createSweepFixture();
  routes = routesOf(ctx.app).filter((route) => parameters(route.path).length > 0);
}, 60_000);
afterAll(() => ctx.close());

function send(route: Route, cookie: string, values: Record<string, string | number>) {
  const url = new URL(concretePath(route.path, values), ctx.config.baseUrl).toString();
  if (route.method === 'GET') return ctx.app.request(url, { headers: { cookie } });
  return ctx.app.request(url, {
    method: route.method,
    headers: { cookie, origin: ctx.config.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(PLAUSIBLE_FORM).toString(),
  });
}

describe('the IDOR sweep', () => {
  it('knows what every route with a resource in its URL should do', () => {
    expect(routes.map(key).filter((routeKey) => !(routeKey in EXPECTATIONS))).toEqual([]);
  });

  it('refuses a member acting on another member’s resources, on every such route, and changes nothing', async () => {
    const cookie = ctx.cookie(ctx.member);
    const before = snapshot(ctx.db, ['sessions']);
    const wrong: string[] = [];
    for (const route of routes) {
      const expectation = EXPECTATIONS[key(route)];
      if (expectation?.kind !== 'refused') continue;
      // Each alternative of `:action{(?:a|b)}` is its own action.
      for (const values of alternatives(route.path, ctx.values(route.path))) {
        const response = await send(route, cookie, values);
        const allowed = expectation.statuses ?? [403, 404];
        if (!allowed.includes(response.status)) wrong.push(`${route.method} ${concretePath(route.path, values)}: ${response.status} ${response.headers.get('location') ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(snapshot(ctx.db, ['sessions']) === before, 'the database changed').toBe(true);
    expect(ctx.errors).toEqual([]);
  }, 60_000);

  it('leaves bob’s session signed in and his notification unread', () => {
    expect(validateSessionToken(ctx.db, ctx.bobSession.token, ctx.clock.now())?.user.id).toBe(ctx.other.id);
    const notification = ctx.row<{ read_at: number | null } | undefined>('select read_at from notifications where id = ?', ctx.notificationId);
    if (notification) expect(notification.read_at).toBeNull();
  });

  it('gives a member the same 404 for another’s session as for one that does not exist', async () => {
    const cookie = ctx.cookie(ctx.member);
    const route = { method: 'POST', path: '/account/sessions/:id/end' };
    const theirs = await send(route, cookie, { id: ctx.bobSession.session.id });
    const none = await send(route, cookie, { id: 'nosuchsessionid0000000000' });
    expect([theirs.status, none.status]).toEqual([none.status, theirs.status]);
  });
});

/** One set of values per alternative of each `:name{(?:a|b)}` parameter. */
function alternatives(path: string, values: Record<string, string | number>): Record<string, string | number>[] {
  const match = /:([A-Za-z]+)\{\(\?:([^)]*)\)\}/.exec(path);
  if (!match) return [values];
  return match[2]!.split('|').map((option) => ({ ...values, [match[1]!]: option }));
}
