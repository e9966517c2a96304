import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createTestContext, sessionCookieFrom, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let member: SignedIn;
const password = 'the original passphrase';
beforeAll(async () => {
  ctx = await createTestContext();
  member = await makeUser(ctx.services, { username: 'keeper', password });
});
afterAll(() => ctx.close());

async function logIn(userAgent: string): Promise<string> {
  const response = await ctx.http.post('/login', { login: 'keeper', password: current }, { headers: { 'user-agent': userAgent } });
  expect(response.status).toBe(303);
  return sessionCookieFrom(response)!;
}
let current = password;
const signedIn = async (cookie: string) => (await ctx.http.get('/login', { cookie })).status === 303;

describe('/account', () => {
  it('lists the member’s sessions and signs out the others', async () => {
    const laptop = await logIn('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15');
    const phone = await logIn('Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile');
    const page = await (await ctx.http.get('/account', { cookie: laptop })).text();
    expect(page).toContain('Safari on macOS');
    expect(page).toContain('Chrome on Android');
    expect(page).toContain('This browser');
    const response = await ctx.http.post('/account/sessions/end-others', {}, { cookie: laptop });
    expect(response.status).toBe(303);
    expect(await signedIn(laptop)).toBe(true);
    expect(await signedIn(phone)).toBe(false);
  });

  it('ends one chosen session, only the member’s own', async () => {
    const first = await logIn('First browser');
    const second = await logIn('Second browser');
    const secondId = second.split('=')[1]!.split('.')[0]!;
    const stranger = await makeUser(ctx.services, { username: 'stranger' });
    expect((await ctx.http.post(`/account/sessions/${secondId}/end`, {}, { as: stranger })).status).toBe(404);
    expect((await ctx.http.post(`/account/sessions/${secondId}/end`, {}, { cookie: first })).status).toBe(303);
    expect(await signedIn(second)).toBe(false);
    expect(await signedIn(first)).toBe(true);
  });

  it('changes the password only with the current one, and signs out everywhere else', async () => {
    const here = await logIn('Here');
    const there = await logIn('There');
    const wrong = await ctx.http.post('/account/password', { current: 'not it at all', next: 'a brand new passphrase', confirm: 'a brand new passphrase' }, { cookie: here });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('That is not your current password.');
    const mismatch = await ctx.http.post('/account/password', { current: password, next: 'a brand new passphrase', confirm: 'different' }, { cookie: here });
    expect(mismatch.status).toBe(422);
    const changed = await ctx.http.post('/account/password', { current: password, next: 'a brand new passphrase', confirm: 'a brand new passphrase' }, { cookie: here });
    expect(changed.status).toBe(303);
    const fresh = sessionCookieFrom(changed)!;
    expect(fresh).not.toBe(here);
    expect(await signedIn(fresh)).toBe(true);
    expect(await signedIn(here)).toBe(false);
    expect(await signedIn(there)).toBe(false);
    current = 'a brand new passphrase';
    expect((await ctx.http.post('/login', { login: 'keeper', password })).status).toBe(422);
    await logIn('After the change');
  });

  it('sends anonymous visitors to log in and refuses cross-site posts', async () => {
    expect((await ctx.http.get('/account')).status).toBe(303);
    expect((await ctx.http.post('/account/sessions/end-others', {}, { as: member, headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});
