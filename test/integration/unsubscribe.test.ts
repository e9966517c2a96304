import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import { users } from '../../src/db/schema.js';
import { mailMember } from '../../src/email/member-mail.js';
import { unsubscribeToken } from '../../src/email/unsubscribe.js';
import type { SignedIn } from '../../src/lib/context.js';
import { notificationMessage } from '../../views/email/messages.js';
import { createTestContext, type TestContext } from '../helpers/app.js';
import { drainMail, eventually, rawHeader, startSmtpServer } from '../helpers/mail.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let ctx: TestContext;
let member: SignedIn;
let link: string;

const preference = (userId: number) => ctx.db.select({ value: users.emailPreference }).from(users).where(eq(users.id, userId)).get()?.value;
const pathOf = (url: string) => url.replace(ctx.config.baseUrl, '');

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ smtpUrl: smtp.url });
  member = await makeUser(ctx.services, { username: 'sami' });
  ctx.db.transaction((tx) =>
    mailMember(tx, { userId: member.id, email: 'sami@example.com', username: 'sami' }, 'notification', ctx.clock.now(), (props) =>
      notificationMessage({ ...props, summary: 'Your post was approved.', url: `${props.baseUrl}/notifications` }),
    ),
  );
  await drainMail(ctx);
  const mail = await eventually(() => smtp.to('sami@example.com')[0]);
  expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  link = /^<([^>]+)>$/.exec(rawHeader(mail, 'List-Unsubscribe') ?? '')![1]!;
  expect(mail.text).toContain(link);
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

describe('unsubscribing from email', () => {
  it('shows a confirmation page on GET and changes nothing', async () => {
    const response = await ctx.http.get(pathOf(link));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('action="/unsubscribe"');
    expect(page).toContain('sami');
    expect(preference(member.id)).toBe('daily');
  });

  it('accepts the RFC 8058 one-click POST from a mail client, with no session, cookie or Origin', async () => {
    const response = await ctx.app.request(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/unsubscribe/done');
    expect(preference(member.id)).toBe('never');
  });

  it('accepts the confirmation form posted from the page', async () => {
    const other = await makeUser(ctx.services, { username: 'tove' });
    const response = await ctx.http.post('/unsubscribe', { token: unsubscribeToken(ctx.db, other.id) });
    expect(response.status).toBe(303);
    expect(preference(other.id)).toBe('never');
    expect(await (await ctx.http.get('/unsubscribe/done')).text()).toContain('You are unsubscribed');
  });

  it.each([
    ['another member’s id under a genuine signature', (token: string, victimId: number) => token.replace(/^\d+/, String(victimId))],
    ['a changed signature', (token: string) => token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')],
    ['a cut-short token', (token: string) => token.slice(0, 20)],
    ['garbage', () => 'not-a-token'],
    ['nothing', () => ''],
  ])('refuses %s with a clear 400 page, on GET and POST', async (_name, forge) => {
    const victim = await makeUser(ctx.services, { username: `victim${Math.floor(Math.random() * 1e9)}` });
    const forged = encodeURIComponent(forge(unsubscribeToken(ctx.db, member.id), victim.id));
    const shown = await ctx.http.get(`/unsubscribe?token=${forged}`);
    expect(shown.status).toBe(400);
    expect(await shown.text()).toContain('This unsubscribe link is not valid');
    const posted = await ctx.app.request(`${ctx.config.baseUrl}/unsubscribe?token=${forged}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(400);
    expect(preference(victim.id)).toBe('daily');
  });

  it('still refuses cross-origin posts everywhere else', async () => {
    const response = await ctx.app.request(`${ctx.config.baseUrl}/account/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'preference=never',
    });
    expect(response.status).toBe(403);
  });
});
