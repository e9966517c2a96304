import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread } from '../../src/demo/factories.js';
import { NONCE_PLACEHOLDER } from '../../src/lib/csp.js';
import { servePublic } from '../../src/routes/render.js';
import { scriptNonce } from '../../views/html.js';
import { createForumContext } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let threadPath: string;
beforeAll(async () => {
  ctx = await createForumContext({ embedOrigins: ['https://help.example.com'] });
  const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Nonce thread', body: 'Scripts need a nonce' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  // A cached public page that carries a script element, like a thread page's JSON-LD block.
  let renders = 0;
  ctx.app.get('/nonce-probe', (c) => servePublic(c, 'v1', () => `<!doctype html><title>x</title><script type="application/ld+json"${scriptNonce}>{"render":${++renders}}</script>`));
});
afterAll(() => ctx.close());

const NONCE = /^[A-Za-z0-9+/]{22}==$/;

/** The nonce of the response's script-src, checked to be the only script source besides 'self'. */
function headerNonce(response: Response): string {
  const csp = response.headers.get('content-security-policy') ?? '';
  const scriptSrc = csp.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));
  const match = /^script-src 'self' 'nonce-([^']+)'$/.exec(scriptSrc ?? '');
  expect(match, csp).not.toBeNull();
  expect(csp).not.toContain('unsafe-inline');
  expect(match![1]).toMatch(NONCE);
  return match![1]!;
}

function markupNonces(page: string): string[] {
  expect(page).not.toContain(NONCE_PLACEHOLDER);
  const scripts = page.match(/<script\b[^>]*>/g) ?? [];
  return scripts.map((tag) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? '(none)');
}

async function twice(path: string, options: Parameters<typeof ctx.http.get>[1] = {}) {
  const responses = [await ctx.http.get(path, options), await ctx.http.get(path, options)];
  return Promise.all(responses.map(async (response) => ({ response, nonce: headerNonce(response), page: await response.text() })));
}

describe('a nonce-based Content-Security-Policy', () => {
  it.each(['/', '/c/kettles', 'thread', '/login', '/no-such-page'])('gives %s a fresh nonce on every response, matched by every script tag', async (which) => {
    const [first, second] = await twice(which === 'thread' ? threadPath : which);
    expect(first!.nonce).not.toBe(second!.nonce);
    for (const { nonce, page } of [first!, second!]) {
      for (const tagNonce of markupNonces(page)) expect(tagNonce).toBe(nonce);
    }
  });

  it('splices a fresh nonce into a page served again from the anonymous cache, keeping its ETag', async () => {
    const [first, second] = await twice('/nonce-probe');
    // Rendered once: the second body is the cached one, with a new nonce.
    expect(first!.page).toContain('{"render":1}');
    expect(second!.page).toContain('{"render":1}');
    expect(first!.nonce).not.toBe(second!.nonce);
    expect(markupNonces(first!.page)).toEqual([first!.nonce]);
    expect(markupNonces(second!.page)).toEqual([second!.nonce]);
    expect(first!.response.headers.get('etag')).toBe(second!.response.headers.get('etag'));
    const revalidated = await ctx.http.get('/nonce-probe', { headers: { 'if-none-match': first!.response.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
  });

  it('gives signed-in pages a fresh nonce too', async () => {
    const [first, second] = await twice(threadPath, { as: ctx.member });
    expect(first!.page).toContain('Log out');
    expect(first!.nonce).not.toBe(second!.nonce);
    for (const { nonce, page } of [first!, second!]) for (const tagNonce of markupNonces(page)) expect(tagNonce).toBe(nonce);
  });

  it('keeps embed frames framable by the allowed sites only, with their script nonced and a stable ETag', async () => {
    const path = `/embed/t/1?origin=${encodeURIComponent('https://help.example.com')}`;
    const [first, second] = await twice(path);
    for (const { response, nonce, page } of [first!, second!]) {
      expect(response.headers.get('content-security-policy')).toContain('frame-ancestors https://help.example.com');
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(markupNonces(page)).toEqual([nonce]);
    }
    expect(first!.nonce).not.toBe(second!.nonce);
    expect(first!.response.headers.get('etag')).toBe(second!.response.headers.get('etag'));
    const revalidated = await ctx.http.get(path, { headers: { 'if-none-match': first!.response.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
  });

  it('keeps the other directives on every page', async () => {
    const csp = (await ctx.http.get(threadPath)).headers.get('content-security-policy')!;
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  });
});
