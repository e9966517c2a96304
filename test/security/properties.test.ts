import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { createApiKey } from '../../src/embed/api-keys.js';
import { BODY_MAX } from '../../src/forum/validation.js';
import { characterCount } from '../../src/lib/text.js';
import { createForumContext } from '../helpers/forum.js';
import { anyText, CONTENT_TYPES, formBody, looseEncode, markdownNoise } from './arbitraries.js';
import { unsafeContent } from './html-safety.js';

// Property-based: whatever a client sends to a form, the answer is a redirect or a 4xx with a
// message — never a 500 and never an unhandled error; a redirect from a posting form means the
// post was stored; the JSON API answers JSON the same way; and the markdown pipeline only ever
// produces sanitized HTML.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let cookies: { member: string; other: string };
let thread: { threadId: number; openingId: number; replyId: number };

beforeAll(async () => {
  ctx = await createForumContext();
  const cookie = (id: number) => `${SESSION_COOKIE}=${createSession(ctx.db, id, ctx.clock.now()).token}`;
  cookies = { member: cookie(ctx.member.id), other: cookie(ctx.other.id) };
  const made = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Property thread', body: 'start' });
  const reply = await makeReply(ctx.services, ctx.member, { threadId: made.threadId, body: 'a reply to edit' });
  const opening = ctx.db.$client.prepare('select id from posts where thread_id = ? and number = 1').get(made.threadId) as { id: number };
  thread = { threadId: made.threadId, openingId: opening.id, replyId: reply.postId };
});
afterAll(() => ctx.close());

function send(path: string, body: string, options: { cookie?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = { origin: ctx.config.baseUrl };
  const contentType = options.contentType ?? 'application/x-www-form-urlencoded';
  if (contentType) headers['content-type'] = contentType;
  if (options.cookie) headers['cookie'] = options.cookie;
  return ctx.app.request(new URL(path, ctx.config.baseUrl).toString(), { method: 'POST', body, headers });
}

async function expectHandled(response: Response, label: string): Promise<void> {
  const text = await response.text();
  // Taken each time so that one failure is reported once, not by every later (shrinking) case.
  const errors = ctx.errors.splice(0).map(String);
  expect(errors, label).toEqual([]);
  expect(response.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status >= 400) expect(text.length, label).toBeGreaterThan(0);
}

/** What a route that creates posts left behind: the newest post it could have made, and a count. */
type Stored = { count: number; newest: { id: number; threadId: number; number: number | null } | undefined };

type FormRoute = {
  name: string;
  path: () => string;
  cookie: () => string | undefined;
  fields: fc.Arbitrary<Record<string, string>>;
  runs?: number;
  /** For routes that post: a 303 must mean exactly one new post, at the redirect's address. */
  stored?: () => Stored;
};

function storedPosts(where: string, ...params: unknown[]): Stored {
  const { n } = ctx.db.$client.prepare(`select count(*) as n from posts where ${where}`).get(...params) as { n: number };
  const newest = ctx.db.$client.prepare(`select id, thread_id as threadId, number from posts where ${where} order by id desc limit 1`).get(...params) as Stored['newest'];
  return { count: n, newest };
}

/** A 303 from a posting route stored one post and points at it; any other answer stored nothing. */
function expectStored(route: FormRoute, before: Stored | undefined, response: Response, label: string): void {
  if (!route.stored || !before) return;
  const after = route.stored();
  if (response.status !== 303) {
    expect(after.count, `${label}: ${response.status} but a post was stored`).toBe(before.count);
    return;
  }
  expect(after.count, `${label}: 303 but no post was stored`).toBe(before.count + 1);
  const post = after.newest!;
  const location = response.headers.get('location') ?? '';
  expect(location, label).toMatch(new RegExp(`^/t/${post.threadId}/`));
  if (route.name.includes('replies')) expect(location, label).toMatch(post.number === null ? new RegExp(`#post-pending-${post.id}$`) : new RegExp(`#post-${post.number}$`));
}

const plainTitle = fc.stringMatching(/^[A-Za-z][A-Za-z ]{4,60}[A-Za-z]$/);

const ROUTES: FormRoute[] = [
  // Half the titles are plain (twice the runs, so as many hostile ones): a 303 must happen for its check to mean anything.
  { name: 'POST /t', path: () => '/t', cookie: () => cookies.member, fields: fc.record({ category: fc.oneof(fc.constant('kettles'), anyText), title: fc.oneof(anyText, plainTitle), body: anyText }), runs: 200, stored: () => storedPosts('number = 1') },
  { name: 'POST /t/:id/replies', path: () => `/t/${thread.threadId}/replies`, cookie: () => cookies.member, fields: fc.record({ body: anyText }), stored: () => storedPosts('thread_id = ?', thread.threadId) },
  { name: 'POST /p/:id/edit (reply)', path: () => `/p/${thread.replyId}/edit`, cookie: () => cookies.member, fields: fc.record({ body: anyText, reason: anyText }, { requiredKeys: ['body'] }) },
  { name: 'POST /p/:id/edit (opening post)', path: () => `/p/${thread.openingId}/edit`, cookie: () => cookies.member, fields: fc.record({ title: anyText, body: anyText }) },
  { name: 'POST /p/:id/flag', path: () => `/p/${thread.replyId}/flag`, cookie: () => cookies.other, fields: fc.record({ reason: fc.oneof(fc.constantFrom('spam', 'abuse', 'off_topic', 'other'), anyText), note: anyText }) },
  // Every failed login verifies a password hash on purpose, and a signup makes one: fewer runs.
  { name: 'POST /signup', path: () => '/signup', cookie: () => undefined, fields: fc.record({ username: anyText, email: anyText, password: anyText, next: anyText }), runs: 60 },
  { name: 'POST /login', path: () => '/login', cookie: () => undefined, fields: fc.record({ login: anyText, password: anyText, next: anyText }), runs: 60 },
];

describe.each(ROUTES)('$name on arbitrary input', (route) => {
  it('answers a redirect or a 4xx with a message for any field values', async () => {
    let redirects = 0;
    await fc.assert(
      fc.asyncProperty(route.fields, async (fields) => {
        const body = Object.entries(fields).map(([key, value]) => `${looseEncode(key)}=${looseEncode(value)}`).join('&');
        const label = JSON.stringify(fields).slice(0, 200);
        const before = route.stored?.();
        const response = await send(route.path(), body, { cookie: route.cookie() });
        expectStored(route, before, response, label);
        if (response.status === 303) redirects += 1;
        await expectHandled(response, label);
      }),
      { numRuns: route.runs ?? 100 },
    );
    // The stored-post check above has something to check.
    if (route.stored) expect(redirects).toBeGreaterThan(0);
  }, 120_000);

  it('survives broken percent-escapes, repeated fields and odd content types', async () => {
    const sample = fc.sample(route.fields, { numRuns: 1, seed: 7 })[0]!;
    await fc.assert(
      fc.asyncProperty(formBody(sample), fc.constantFrom(...CONTENT_TYPES), async (body, contentType) => {
        const label = `${contentType} ${JSON.stringify(body).slice(0, 200)}`;
        const before = route.stored?.();
        const response = await send(route.path(), body, { cookie: route.cookie(), contentType });
        expectStored(route, before, response, label);
        await expectHandled(response, label);
      }),
      { numRuns: route.runs ?? 60 },
    );
  }, 120_000);
});

describe('an unreadable form body', () => {
  it('answers 400 with a message, whichever route reads it', async () => {
    for (const path of ['/t', '/login', '/signup', '/mod/queue/bulk']) {
      const response = await send(path, 'x', { cookie: cookies.member, contentType: 'multipart/form-data' });
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain('We could not read that form');
    }
    expect(ctx.errors).toEqual([]);
  });
});

describe('POST /api/v1/embed/threads on arbitrary JSON', () => {
  it('answers success with a stored thread, or a 4xx with a JSON message — never a 500', async () => {
    const { token } = createApiKey(ctx.services, ctx.admin, { name: 'Property help center' });
    const text = fc.oneof(anyText, fc.string({ maxLength: 40 }));
    const shaped = fc.record(
      {
        key: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,40}$/), text),
        title: text,
        url: fc.oneof(fc.webUrl(), fc.constant('https://help.example.com/articles/1'), text),
        category: fc.oneof(fc.constant('kettles'), text),
        summary: fc.oneof(text, fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    // Well-formed registrations too, with any summary, so that the success branch is exercised.
    const valid = fc.record({
      key: fc.nat({ max: 1000 }).map((n) => `article-${n}`),
      title: plainTitle,
      url: fc.nat().map((n) => `https://help.example.com/articles/${n}`),
      category: fc.constant('kettles'),
      summary: text,
    });
    const body = fc.oneof(
      valid.map((value) => JSON.stringify(value)),
      shaped.map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.record({ key: fc.jsonValue(), title: fc.jsonValue(), url: fc.jsonValue(), category: fc.jsonValue() }).map((value) => JSON.stringify(value)),
      anyText,
    );
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, async (json) => {
        const response = await ctx.app.request(`${ctx.config.baseUrl}/api/v1/embed/threads`, {
          method: 'POST',
          body: json,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        });
        const label = json.slice(0, 200);
        const errors = ctx.errors.splice(0).map(String);
        expect(errors, label).toEqual([]);
        expect(response.status, label).toBeLessThan(500);
        expect(response.headers.get('content-type'), label).toContain('application/json');
        const answer = (await response.json()) as { error?: { message?: unknown }; thread?: { id: number } };
        if (response.status >= 400) {
          expect(typeof answer.error?.message, label).toBe('string');
          expect((answer.error!.message as string).length, label).toBeGreaterThan(10);
        } else {
          expect([200, 201], label).toContain(response.status);
          created += 1;
          expect(ctx.db.$client.prepare('select count(*) as n from threads where id = ?').get(answer.thread!.id), label).toEqual({ n: 1 });
        }
      }),
      { numRuns: 150 },
    );
    expect(created).toBeGreaterThan(0);
  }, 120_000);
});

describe('GET /search on arbitrary input', () => {
  it('answers 200 (or 429) for any query, sort, page, category and author', async () => {
    const params = fc.record({ q: anyText, sort: anyText, page: anyText, category: anyText, author: anyText }, { requiredKeys: ['q'] });
    await fc.assert(
      fc.asyncProperty(params, fc.boolean(), async (query, signedIn) => {
        const search = Object.entries(query).map(([key, value]) => `${key}=${looseEncode(value)}`).join('&');
        const response = await ctx.app.request(`${ctx.config.baseUrl}/search?${search}`, { headers: signedIn ? { cookie: cookies.member } : {} });
        await expectHandled(response, search.slice(0, 200));
        expect([200, 429]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('the markdown pipeline on arbitrary input', () => {
  it('always returns sanitized HTML, for any text and for markdown-shaped noise', async () => {
    // Posts longer than BODY_MAX are refused before rendering, so the renderer never sees them.
    const accepted = anyText.filter((text) => characterCount(text) <= BODY_MAX);
    await fc.assert(
      fc.asyncProperty(fc.oneof(accepted, markdownNoise, markdownNoise), async (markdown) => {
        const { html } = await ctx.services.markdown.render(markdown);
        expect(typeof html).toBe('string');
        expect(unsafeContent(html), JSON.stringify(markdown).slice(0, 300)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
