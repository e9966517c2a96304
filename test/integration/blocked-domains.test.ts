import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// Blocked email domains: admins keep the list at /admin/blocked-domains; sign-up refuses an
// address at a blocked domain or any subdomain of it, kindly and without naming the list.

const PASSWORD = 'correct horse battery staple';
let ctx: ModerationContext;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

const signUp = (username: string, email: string) => ctx.http.post('/signup', { username, email, password: PASSWORD });
const lastLog = () => ctx.row<{ action: string; actor_id: number; details: string }>('select action, actor_id, details from mod_log order by id desc limit 1');

describe('the list of blocked domains', () => {
  it('is for admins only', async () => {
    expect(location(await ctx.http.get('/admin/blocked-domains'))).toBe('/login?next=%2Fadmin%2Fblocked-domains');
    for (const as of [ctx.member, ctx.manager]) {
      expect((await ctx.http.get('/admin/blocked-domains', { as })).status).toBe(403);
      expect((await ctx.http.post('/admin/blocked-domains', { domain: 'spam-mail.example' }, { as })).status).toBe(403);
      expect((await ctx.http.post('/admin/blocked-domains/remove', { domain: 'spam-mail.example' }, { as })).status).toBe(403);
    }
    const page = await (await ctx.http.get('/admin/blocked-domains', { as: ctx.admin })).text();
    expect(page).toContain('No domains are blocked.');
    expect(page).toContain('<a href="/admin/blocked-domains" aria-current="page">Blocked domains</a>');
    expect(await (await ctx.http.get('/mod/queue', { as: ctx.manager })).text()).not.toContain('href="/admin/blocked-domains"');
  });

  it('refuses what is not a domain, keeping what was typed (422)', async () => {
    for (const domain of ['', 'someone@spam-mail.example', 'no spaces.example', 'localhost', '-bad.example']) {
      const response = await ctx.http.post('/admin/blocked-domains', { domain }, { as: ctx.admin });
      expect(response.status).toBe(422);
      const page = await response.text();
      expect(page).toContain('Please enter a domain name such as spam-mail.example');
      if (domain) expect(page).toContain(`value="${domain}"`);
    }
    expect(ctx.row<{ n: number }>('select count(*) as n from blocked_email_domains').n).toBe(0);
  });

  it('adds a domain as typed with an @ or capitals, audited, and refuses it twice', async () => {
    const response = await ctx.http.post('/admin/blocked-domains', { domain: '@Spam-Mail.Example' }, { as: ctx.admin });
    expect(response.status).toBe(303);
    expect(location(response)).toBe('/admin/blocked-domains?done=added');
    expect(lastLog()).toEqual({ action: 'block_domain', actor_id: ctx.admin.id, details: JSON.stringify({ domain: 'spam-mail.example' }) });
    const page = await (await ctx.http.get('/admin/blocked-domains?done=added', { as: ctx.admin })).text();
    expect(page).toContain('<td><bdi>spam-mail.example</bdi></td>');
    const twice = await ctx.http.post('/admin/blocked-domains', { domain: 'spam-mail.example' }, { as: ctx.admin });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('spam-mail.example is already on the list.');
  });
});

describe('sign-up', () => {
  it('refuses an address at a blocked domain or its subdomains, keeping the form (422), without naming the list', async () => {
    for (const email of ['new@spam-mail.example', 'new@SPAM-MAIL.example', 'new@mx.spam-mail.example']) {
      const response = await signUp('newcomer', email);
      expect(response.status).toBe(422);
      const page = await response.text();
      expect(page).toContain('We cannot accept sign-ups with this email address. Please use another address');
      expect(page).toContain('value="newcomer"');
      expect(page).toContain(`value="${email}"`);
      expect(page).not.toContain('blocked');
    }
    expect(ctx.row<{ n: number }>("select count(*) as n from users where username = 'newcomer'").n).toBe(0);
  });

  it('accepts a domain that only ends with the same letters', async () => {
    expect((await signUp('neighbour', 'hi@notspam-mail.example')).status).toBe(303);
  });

  it('accepts the domain again once it is removed from the list', async () => {
    const response = await ctx.http.post('/admin/blocked-domains/remove', { domain: 'spam-mail.example' }, { as: ctx.admin });
    expect(response.status).toBe(303);
    expect(location(response)).toBe('/admin/blocked-domains?done=removed');
    expect(lastLog()).toEqual({ action: 'unblock_domain', actor_id: ctx.admin.id, details: JSON.stringify({ domain: 'spam-mail.example' }) });
    expect((await ctx.http.post('/admin/blocked-domains/remove', { domain: 'spam-mail.example' }, { as: ctx.admin })).status).toBe(404);
    expect((await signUp('newcomer', 'new@mx.spam-mail.example')).status).toBe(303);
  });
});
