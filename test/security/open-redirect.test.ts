import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import { createForumContext } from '../helpers/forum.js';
import { concretePath, routesOf } from './route-table.js';

// `next=` and friends never send anyone to another site: every Location the app answers with,
// and every `next` it carries into a form, is a path on this site as a browser would read it.

const HOSTILE_NEXT = [
  '//evil.example',
  '/\\evil.example',
  '%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%2F/evil.example',
  'javascript:alert(1)',
  'https://evil.example',
  'http:evil.example',
  '\t//evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  ' //evil.example',
  '///evil.example',
  '\\\\evil.example',
  '/.//evil.example',
  '//evil.example@localhost',
  'data:text/html,<script>alert(1)</script>',
];

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let origin: string;
beforeAll(async () => {
  ctx = await createForumContext();
  origin = new URL(ctx.config.baseUrl).origin;
  await makeUser(ctx.services, { username: 'returning', password: 'correct horse battery' });
});
afterAll(() => ctx.close());

/** Where a browser would go for this Location (browsers drop tabs and newlines, and read `\` as `/`). */
function isLocal(location: string): boolean {
  if (/[\u0000-\u001f\\]/.test(location) || !location.startsWith('/') || location.startsWith('//')) return false;
  return new URL(location.replace(/[\t\n\r]/g, ''), ctx.config.baseUrl).origin === origin;
}

function expectLocalRedirect(response: Response, label: string) {
  const location = response.headers.get('location');
  if (location === null) return;
  expect(isLocal(location), `${label} → ${location}`).toBe(true);
  // A `next` carried along (to the login page, say) must be local too.
  const carried = new URL(location, ctx.config.baseUrl).searchParams.get('next');
  if (carried !== null) expect(isLocal(carried), `${label} → ${location}`).toBe(true);
}

function nextInForm(page: string): string[] {
  const document = new JSDOM(page).window.document;
  return [...document.querySelectorAll<HTMLInputElement>('input[name="next"]')].map((input) => input.value);
}

describe('open redirects', () => {
  it.each(HOSTILE_NEXT)('logging in with next=%j lands on this site', async (next) => {
    const response = await ctx.http.post('/login', { login: 'returning', password: 'correct horse battery', next });
    expect(response.status).toBe(303);
    expectLocalRedirect(response, `POST /login next=${JSON.stringify(next)}`);
  });

  it.each(HOSTILE_NEXT)('signing up with next=%j lands on this site', async (next) => {
    const name = `joiner${HOSTILE_NEXT.indexOf(next)}`;
    const response = await ctx.http.post('/signup', { username: name, email: `${name}@example.com`, password: 'a long enough password', next });
    expect(response.status).toBe(303);
    expectLocalRedirect(response, `POST /signup next=${JSON.stringify(next)}`);
  });

  it('never carries a hostile next into the login or signup form', async () => {
    for (const next of HOSTILE_NEXT) {
      for (const path of ['/login', '/signup']) {
        const response = await ctx.http.get(`${path}?next=${encodeURIComponent(next)}`);
        expect(response.status).toBe(200);
        for (const value of nextInForm(await response.text())) expect(isLocal(value), `${path} next=${JSON.stringify(next)} → ${value}`).toBe(true);
      }
    }
  });

  it('answers every GET route, given hostile next/return/redirect parameters, with local redirects only', async () => {
    const values = { id: 1, slug: 'kettles', username: 'alice', key: 'k', name: 'app.js', file: `${'0'.repeat(64)}.png`, token: 'nosuchexport.nosuchsecret' };
    const paths = routesOf(ctx.app)
      .filter((route) => route.method === 'GET')
      .map((route) => concretePath(route.path, values));
    for (const path of paths) {
      for (const next of HOSTILE_NEXT.slice(0, 8)) {
        const query = new URLSearchParams({ next, return: next, returnTo: next, redirect: next, url: next }).toString();
        for (const as of [undefined, ctx.member]) {
          const response = await ctx.http.get(`${path}?${query}`, as ? { as } : {});
          expect(response.status, path).toBeLessThan(500);
          expectLocalRedirect(response, `GET ${path}`);
        }
      }
    }
    // The raw, once-encoded spellings a browser may send as they are.
    for (const raw of ['next=%2F%2Fevil.example', 'next=%2F%5Cevil.example', 'next=%09%2F%2Fevil.example']) {
      const page = await (await ctx.http.get(`/login?${raw}`)).text();
      for (const value of nextInForm(page)) expect(isLocal(value), raw).toBe(true);
    }
    expect(ctx.errors).toEqual([]);
  }, 60_000);
});
