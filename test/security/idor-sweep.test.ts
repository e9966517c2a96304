import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concretePath, key, parameters, routesOf, snapshot, type Route } from './route-table.js';
import { REFUSED_CASES } from './idor-cases.js';
import { createSweepFixture, PLAUSIBLE_FORM, type SweepFixture } from './sweep-fixture.js';

// Every route that names a resource in its URL (`:id`, `:username`, `:itemId`…), tried by alice, a
// member, on bob's resources. What each route should do is written down here; a new route with a
// parameter fails the sweep until someone adds its line.

type Expectation = { kind: 'public'; why: string } | { kind: 'allowed'; why: string } | { kind: 'refused' };

const REFUSED: Expectation = { kind: 'refused' };
const PUBLIC = (why: string): Expectation => ({ kind: 'public', why });

// Every refused route also needs its cases in ./idor-cases.ts: an owner, a target and a proof.
const EXPECTATIONS: Record<string, Expectation> = {
  'GET /embed/t/:id{[0-9]+}': PUBLIC('embeds show public threads to anyone'),
  'GET /embed/t/:id{[0-9]+}/fragment': PUBLIC('embeds show public threads to anyone'),
  'GET /embed/k/:key': PUBLIC('embeds show public threads to anyone'),
  'GET /embed/c/:slug': PUBLIC('embeds show public categories to anyone'),
  'GET /api/v1/threads/:id{[0-9]+}': PUBLIC('the read API is the public view'),
  'GET /api/v1/categories/:slug': PUBLIC('the read API is the public view'),
  'GET /c/:slug': PUBLIC('category pages are public'),
  'GET /t/:id{[0-9]+}/:slug?': PUBLIC('thread pages are public'),
  'GET /p/:id{[0-9]+}': PUBLIC('permalinks redirect to public pages'),
  'GET /u/:username': PUBLIC('profiles are public'),
  'GET /u/:username/avatar.svg': PUBLIC('generated avatars show beside public posts'),
  'GET /u/:username/*': PUBLIC('old usernames’ pages redirect to the public profile'),
  'GET /static/:name': PUBLIC('static files'),
  'GET /c/:slug/feed.atom': PUBLIC('feeds show what an anonymous reader sees, to everyone'),
  'GET /t/:id{[0-9]+}/feed.atom': PUBLIC('feeds show what an anonymous reader sees, to everyone'),
  'GET /:name{sitemap-threads-[0-9]+\\.xml}': PUBLIC('sitemaps list what an anonymous reader sees, to everyone'),
  'POST /t/:id{[0-9]+}/replies': { kind: 'allowed', why: 'any member may reply to anyone’s thread' },
  'POST /embed/t/:id{[0-9]+}/replies': { kind: 'allowed', why: 'any member may reply to anyone’s thread, from an embed too' },
  'POST /embed/k/:key/discussion': { kind: 'allowed', why: 'any member may start the discussion of an article without one, from its frame' },
  'GET /p/:id{[0-9]+}/flag': { kind: 'allowed', why: 'the flag form for another member’s post; flagging them is the point' },
  'POST /p/:id{[0-9]+}/flag': { kind: 'allowed', why: 'flagging other members’ posts is the point' },
  'POST /p/:id{[0-9]+}/helpful': { kind: 'allowed', why: 'voting for other members’ posts is the point' },
  'POST /t/:id{[0-9]+}/feedback': { kind: 'allowed', why: 'answering “Did this help?” on anyone’s thread is the point; it changes only the member’s own answer' },
  'POST /embed/t/:id{[0-9]+}/feedback': { kind: 'allowed', why: 'answering “Did you find your answer?” in an embed of anyone’s thread is the point' },
  'POST /t/:id{[0-9]+}/vote': { kind: 'allowed', why: 'voting for other members’ ideas is the point; it changes only the member’s own vote' },
  'POST /t/:id{[0-9]+}/watch': { kind: 'allowed', why: 'changes only the member’s own watch setting' },
  'POST /c/:slug/watch': { kind: 'allowed', why: 'changes only the member’s own watch setting' },
  'POST /polls/:pollId{[0-9]+}/vote': { kind: 'allowed', why: 'voting in anyone’s poll is the point; it replaces only the member’s own choices' },
  // Another member's post: edit, delete, history, solution marks.
  'GET /p/:id{[0-9]+}/edit': REFUSED,
  'POST /p/:id{[0-9]+}/edit': REFUSED,
  'POST /p/:id{[0-9]+}/delete': REFUSED,
  'GET /p/:id{[0-9]+}/revisions': REFUSED,
  'POST /p/:id{[0-9]+}/:action{(?:accept|unaccept)}': REFUSED,
  // Another member's image that no public post shows yet (src/uploads/access.ts).
  'GET /uploads/:file': REFUSED,
  // Another member's session and notifications.
  'POST /account/sessions/:id/end': REFUSED,
  // Another member's data export, by its mailed link.
  'GET /account/export/:token': REFUSED,
  'POST /notifications/:id/open': REFUSED,
  // Staff tools, on another member's content or account.
  'POST /p/:id{[0-9]+}/hide': REFUSED,
  'POST /p/:id{[0-9]+}/unhide': REFUSED,
  'POST /t/:id{[0-9]+}/:flag{(?:lock|pin)}': REFUSED,
  'POST /t/:id{[0-9]+}/:tool{(?:rename|move)}': REFUSED,
  'GET /t/:id{[0-9]+}/embed-key': REFUSED,
  'POST /t/:id{[0-9]+}/embed-key': REFUSED,
  'POST /t/:id{[0-9]+}/claim': REFUSED,
  'POST /t/:id{[0-9]+}/status': REFUSED,
  'POST /t/:id{[0-9]+}/merge': REFUSED,
  'POST /t/:id{[0-9]+}/release': REFUSED,
  'POST /mod/queue/:itemId{[0-9]+}/:action{(?:approve|reject|dismiss|hide)}': REFUSED,
  // The team's saved replies.
  'GET /mod/saved-replies/:id{[0-9]+}/edit': REFUSED,
  'POST /mod/saved-replies/:id{[0-9]+}/edit': REFUSED,
  'POST /mod/saved-replies/:id{[0-9]+}/delete': REFUSED,
  'GET /mod/users/:username': REFUSED,
  'POST /mod/users/:username/:kind{(?:silence|suspend)}': REFUSED,
  'POST /mod/users/:username/:kind{(?:unsilence|unsuspend)}': REFUSED,
  'POST /mod/users/:username/spam-cleanup': REFUSED,
  'POST /mod/users/:username/spam-cleanup/undo': REFUSED,
  'POST /mod/users/:username/role': REFUSED,
  'POST /mod/users/:username/erase': REFUSED,
  'POST /mod/users/:username/scope': REFUSED,
  // Admin configuration and API keys.
  'POST /admin/embedding/keys/:id/revoke': REFUSED,
  'POST /admin/watched-words/:id{[0-9]+}/remove': REFUSED,
  'POST /admin/categories/:id{[0-9]+}': REFUSED,
  'POST /admin/categories/:id{[0-9]+}/move': REFUSED,
  'POST /admin/categories/:id{[0-9]+}/archive': REFUSED,
  'POST /admin/categories/:id{[0-9]+}/unarchive': REFUSED,
  // Polls on another member's thread: adding, closing, the survey's answers; who may add polls.
  'GET /t/:id{[0-9]+}/polls/new': REFUSED,
  'POST /t/:id{[0-9]+}/polls/new': REFUSED,
  'POST /polls/:pollId{[0-9]+}/close': REFUSED,
  'GET /t/:id{[0-9]+}/polls.csv': REFUSED,
  'POST /admin/categories/:id{[0-9]+}/polls': REFUSED,
  'POST /admin/profile-fields/:id{[0-9]+}': REFUSED,
  'POST /admin/profile-fields/:id{[0-9]+}/move': REFUSED,
  'GET /admin/profile-fields/:id{[0-9]+}/remove': REFUSED,
  'POST /admin/profile-fields/:id{[0-9]+}/remove': REFUSED,
  'POST /admin/categories/:id{[0-9]+}/vote-limit': REFUSED,
  'POST /admin/ideas/:id{[0-9]+}': REFUSED,
  'POST /admin/ideas/:id{[0-9]+}/move': REFUSED,
  'POST /admin/ideas/:id{[0-9]+}/open': REFUSED,
  'POST /admin/ideas/:id{[0-9]+}/remove': REFUSED,
};

let ctx: SweepFixture;
let routes: Route[];
beforeAll(async () => {
  ctx = await createSweepFixture();
  routes = routesOf(ctx.app).filter((route) => parameters(route.path).length > 0);
}, 60_000);
afterAll(() => ctx.close());

function send(route: Route, cookie: string, values: Record<string, string | number>, form: Record<string, string> = {}) {
  const url = new URL(concretePath(route.path, values), ctx.config.baseUrl).toString();
  if (route.method === 'GET') return ctx.app.request(url, { headers: { cookie } });
  return ctx.app.request(url, {
    method: route.method,
    headers: { cookie, origin: ctx.config.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...PLAUSIBLE_FORM, ...form }).toString(),
  });
}

type CaseRequest = { route: Route; values: Record<string, string | number>; form: Record<string, string>; label: string; owner: string };

/** alice's request is refused and changes nothing. */
async function expectRefused({ route, values, form, label }: CaseRequest): Promise<Response> {
  const before = snapshot(ctx.db, ['sessions']);
  const response = await send(route, ctx.cookie(ctx.member), values, form);
  expect([403, 404], `${label} for alice: ${response.status} ${response.headers.get('location') ?? ''}`).toContain(response.status);
  expect(snapshot(ctx.db, ['sessions']) === before, `${label}: alice changed the database`).toBe(true);
  return response;
}

async function checkRead(request: CaseRequest, shown: string) {
  expect(request.route.method, request.label).toBe('GET');
  const owners = await send(request.route, request.owner, request.values);
  expect(owners.status, `${request.label} for its owner`).toBe(200);
  expect(await owners.text(), `${request.label} for its owner`).toContain(shown);
  expect(await (await expectRefused(request)).text(), `${request.label} for alice`).not.toContain(shown);
}

async function checkAction(request: CaseRequest, acted: () => boolean) {
  expect(request.route.method, request.label).toBe('POST');
  expect(acted(), `${request.label} before anyone acts`).toBe(false);
  await expectRefused(request);
  expect(acted(), `${request.label} after alice`).toBe(false);
  const owners = await send(request.route, request.owner, request.values, request.form);
  expect(owners.status, `${request.label} for its owner: ${(await owners.text()).slice(0, 300)}`).toBe(303);
  expect(acted(), `${request.label} for its owner`).toBe(true);
}

const refusedRoutes = () => routes.filter((route) => EXPECTATIONS[key(route)]?.kind === 'refused');

describe('the IDOR sweep', () => {
  it('knows what every route with a resource in its URL should do, with a case for each refused action', () => {
    expect(routes.map(key).filter((routeKey) => !(routeKey in EXPECTATIONS))).toEqual([]);
    for (const route of refusedRoutes()) {
      expect(Object.keys(REFUSED_CASES[key(route)] ?? {}).sort(), key(route)).toEqual(alternatives(route.path).sort());
    }
  });

  // Each case gets a fresh target of its own, and alice (a member) tries it. A page is first shown
  // to its owner. An action is tried by alice first and then, with nothing changed in between, the
  // very same request by its owner must act: acting first would change or remove the target.
  it('refuses a member acting on another’s resources, which their owner reaches, and changes nothing', async () => {
    let checked = 0;
    for (const route of refusedRoutes()) {
      for (const [option, kase] of Object.entries(REFUSED_CASES[key(route)]!)) {
        const target = await kase.setup(ctx);
        const values = { ...target, ...(option ? { [alternativeName(route.path)]: option } : {}) };
        const form = typeof kase.form === 'function' ? kase.form(ctx, target) : (kase.form ?? {});
        const request = { route, values, form, label: `${route.method} ${concretePath(route.path, values)}`, owner: ctx.cookie(kase.owner(ctx)) };
        await ('shows' in kase ? checkRead(request, kase.shows(target)) : checkAction(request, () => kase.acted(ctx, target)));
        checked += 1;
      }
    }
    expect(checked).toBe(Object.values(REFUSED_CASES).flatMap((cases) => Object.keys(cases)).length);
    expect(ctx.errors).toEqual([]);
  }, 120_000);

  it('gives a member the same 404 for another’s session as for one that does not exist', async () => {
    const cookie = ctx.cookie(ctx.member);
    const route = { method: 'POST', path: '/account/sessions/:id/end' };
    const theirs = await send(route, cookie, { id: ctx.bobSession.session.id });
    const none = await send(route, cookie, { id: 'nosuchsessionid0000000000' });
    expect([theirs.status, none.status]).toEqual([404, 404]);
  });
});

/** The options of the route's `:name{(?:a|b)}` parameter, or [''] when it has none. */
function alternatives(path: string): string[] {
  const match = /:([A-Za-z]+)\{\(\?:([^)]*)\)\}/.exec(path);
  return match ? match[2]!.split('|') : [''];
}

function alternativeName(path: string): string {
  const match = /:([A-Za-z]+)\{\(\?:([^)]*)\)\}/.exec(path);
  if (!match) throw new Error(`${path} has no alternatives`);
  return match[1]!;
}
