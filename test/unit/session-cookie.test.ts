import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { readSessionCookie, SESSION_COOKIE } from '../../src/auth/cookie.js';

// The session cookie is read without Hono's full parser when it is well formed; whatever the
// header, the answer must be the one Hono's getCookie gives.
const app = new Hono().get('/', (c) => c.json({ ours: readSessionCookie(c) ?? null, hono: getCookie(c, SESSION_COOKIE) ?? null }));

const token = 'cu5ghdyc2qjh6vvzculmovie.odnyx4uxkzj2ew43kvyzzymi';
const headers = [
  `${SESSION_COOKIE}=${token}`,
  `theme=dark; ${SESSION_COOKIE}=${token}; lang=en`,
  `theme=dark;${SESSION_COOKIE}=${token}`,
  `\t${SESSION_COOKIE}=${token}`,
  `${SESSION_COOKIE}=${token} `,
  `${SESSION_COOKIE}="${token}"`,
  `${SESSION_COOKIE} = ${token}`,
  `x${SESSION_COOKIE}=${token}`,
  `${SESSION_COOKIE}x=${token}`,
  `${SESSION_COOKIE}=`,
  `${SESSION_COOKIE}=not%20a%20token`,
  `${SESSION_COOKIE}=abc.def; ${SESSION_COOKIE}=${token}`,
  `${SESSION_COOKIE}=ABC.DEF`,
  'theme=dark',
];

describe('readSessionCookie', () => {
  it.each(headers)('reads %j as Hono does', async (cookie) => {
    const answer = (await (await app.request('/', { headers: { cookie } })).json()) as { ours: string | null; hono: string | null };
    expect(answer.ours).toBe(answer.hono);
  });

  it('reads nothing without a cookie header', async () => {
    expect(await (await app.request('/')).json()).toEqual({ ours: null, hono: null });
  });
});
