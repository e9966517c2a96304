import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { UNTIL_LIFTED } from '../../src/moderation/sanction-end.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'correct horse battery staple';

let ctx: ModerationContext;
let other: SignedIn;
beforeAll(async () => {
  ctx = await createModerationContext();
  other = await makeUser(ctx.services, { username: 'max', role: 'manager' });
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

const user = (id: number) => ctx.row<{ silenced_until: number | null; silence_reason: string | null; suspended_until: number | null; suspend_reason: string | null; role: string }>(
  'select silenced_until, silence_reason, suspended_until, suspend_reason, role from users where id = ?',
  id,
);
const lastLog = () => ctx.row<{ actor_id: number | null; action: string; target_user_id: number | null; reason: string | null; details: string | null }>(
  'select actor_id, action, target_user_id, reason, details from mod_log order by id desc limit 1',
);
const lastNotification = (userId: number) => ctx.row<{ kind: string; data: string | null }>('select kind, data from notifications where user_id = ? order by id desc limit 1', userId);
const cookieFor = (userId: number) => `${SESSION_COOKIE}=${createSession(ctx.db, userId, ctx.clock.now()).token}`;

describe('who may see members', () => {
  it('sends anonymous visitors to log in and refuses members', async () => {
    expect(location(await ctx.http.get('/mod/users'))).toBe('/login?next=%2Fmod%2Fusers');
    expect(location(await ctx.http.get('/mod/users/alice'))).toBe('/login?next=%2Fmod%2Fusers%2Falice');
    expect(location(await ctx.http.post('/mod/users/bob/silence', { days: '1', reason: 'x' }))).toBe('/login?next=%2Fmod');
    for (const path of ['/mod/users', '/mod/users/bob']) expect((await ctx.http.get(path, { as: ctx.member })).status).toBe(403);
    for (const action of ['silence', 'suspend', 'unsilence', 'unsuspend', 'role', 'scope']) {
      expect((await ctx.http.post(`/mod/users/bob/${action}`, { days: '1', reason: 'x', role: 'admin' }, { as: ctx.member })).status).toBe(403);
    }
    expect(user(ctx.other.id)).toMatchObject({ silenced_until: null, suspended_until: null, role: 'member' });
    expect((await ctx.http.get('/mod/users/nobody-here', { as: ctx.manager })).status).toBe(404);
  });
});

describe('the member list', () => {
  it('searches by username prefix with counts, and pages by cursor', async () => {
    const insert = ctx.db.$client.prepare("insert into users (username, username_key, email, email_key, password_hash, created_at) values (?, ?, ?, ?, 'x', 0)");
    for (let i = 0; i < 32; i++) {
      const name = `zed${String(i).padStart(2, '0')}`;
      insert.run(name, name, `${name}@example.com`, `${name}@example.com`);
    }
    const thread = await ctx.publishedThread(ctx.dave, 'Dave asks about descaling');
    await ctx.flag(ctx.other, thread.postId, 'spam');
    const page = await (await ctx.http.get('/mod/users?q=ZED', { as: ctx.manager })).text();
    expect(page).toContain('href="/mod/users/zed00"');
    expect(page).toContain('href="/mod/users/zed29"');
    expect(page).not.toContain('href="/mod/users/zed30"');
    expect(page).not.toContain('href="/mod/users/alice"');
    const next = page.match(/href="\/mod\/users\?q=ZED&amp;after=([^"]+)"/);
    expect(next?.[1]).toBe('zed29');
    const second = await (await ctx.http.get(`/mod/users?q=ZED&after=${next![1]}`, { as: ctx.manager })).text();
    expect(second).toContain('href="/mod/users/zed31"');
    expect(second).not.toContain('href="/mod/users/zed29"');
    const dave = await (await ctx.http.get('/mod/users?q=dav', { as: ctx.manager })).text();
    expect(dave).toMatch(/href="\/mod\/users\/dave">dave<\/a><\/td>[\s\S]*?<td class="number">1<\/td>\s*<td class="number">1<\/td>\s*<td class="number">0<\/td>/);
    expect(await (await ctx.http.get('/mod/users?q=qqq', { as: ctx.manager })).text()).toContain('No member’s username starts with <bdi>“qqq”</bdi>.');
  });
});

describe('silence', () => {
  it('validates days and reason, keeping what was typed (422)', async () => {
    const response = await ctx.http.post('/mod/users/bob/silence', { days: '400', reason: '' }, { as: ctx.manager });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('Please enter a whole number of days from 1 to 365.');
    expect(page).toContain('Please give a reason; the member will see it.');
    expect(page).toContain('id="silence-days" name="days" type="number" min="1" max="365" required value="400"');
    const zero = await ctx.http.post('/mod/users/bob/suspend', { days: '0', reason: 'Kept reason' }, { as: ctx.manager });
    expect(zero.status).toBe(422);
    expect(await zero.text()).toContain('value="Kept reason"');
    expect(user(ctx.other.id)).toMatchObject({ silenced_until: null, suspended_until: null });
  });

  it('stops posting and flagging until it ends by itself, and tells the member', async () => {
    const now = ctx.clock.now();
    const response = await ctx.http.post('/mod/users/bob/silence', { days: '2', reason: 'Cooling off after an argument' }, { as: ctx.manager });
    expect(location(response)).toBe('/mod/users/bob?done=silence');
    expect(user(ctx.other.id)).toMatchObject({ silenced_until: now + 2 * DAY, silence_reason: 'Cooling off after an argument' });
    expect(lastLog()).toMatchObject({ actor_id: ctx.manager.id, action: 'silence', target_user_id: ctx.other.id, reason: 'Cooling off after an argument' });
    const notice = lastNotification(ctx.other.id);
    expect(notice.kind).toBe('silenced');
    expect(JSON.parse(notice.data ?? '{}')).toEqual({ reason: 'Cooling off after an argument', until: now + 2 * DAY });
    const thread = await ctx.publishedThread(ctx.member, 'A thread bob wants to answer');
    const cookie = cookieFor(ctx.other.id);
    expect((await ctx.http.get('/', { cookie })).status).toBe(200);
    expect((await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'I disagree' }, { cookie })).status).toBe(403);
    expect((await ctx.http.post('/t', { category: 'kettles', title: 'A new thread from bob', body: 'text' }, { cookie })).status).toBe(403);
    expect((await ctx.http.post(`/p/${thread.postId}/flag`, { reason: 'spam' }, { cookie })).status).toBe(403);
    const page = await (await ctx.http.get('/mod/users/bob?done=silence', { as: ctx.manager })).text();
    expect(page).toContain('Silenced. They were told why and until when.');
    expect(page).toContain('Lift the silence now');
    ctx.clock.advance(2 * DAY + 1);
    const newThread = await ctx.http.post('/t', { category: 'kettles', title: 'Bob is back with a question', body: 'Calmer now' }, { cookie });
    expect(newThread.status).toBe(303);
    const reply = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Back again, calmer' }, { cookie });
    expect(reply.status, 'a lapsed silence must not block replies (createReply has to pass ctx.now() to canReply)').toBe(303);
  });

  it('can be lifted early, which tells the member; lifting nothing is a 409', async () => {
    await ctx.http.post('/mod/users/carol/silence', { days: '30', reason: 'Spam links' }, { as: ctx.manager });
    const response = await ctx.http.post('/mod/users/carol/unsilence', { reason: 'Appealed, it was a misunderstanding' }, { as: ctx.manager });
    expect(location(response)).toBe('/mod/users/carol?done=unsilence');
    expect(user(ctx.carol.id)).toMatchObject({ silenced_until: null, silence_reason: null });
    expect(lastLog()).toMatchObject({ action: 'unsilence', actor_id: ctx.manager.id, target_user_id: ctx.carol.id, reason: 'Appealed, it was a misunderstanding' });
    expect(lastNotification(ctx.carol.id)).toMatchObject({ kind: 'sanction_lifted' });
    expect((await ctx.http.post('/mod/users/carol/unsilence', {}, { as: ctx.manager })).status).toBe(409);
    // "unsuspend" must reach its own route, not the one for "suspend" (a Hono alternation pitfall).
    expect((await ctx.http.post('/mod/users/carol/unsuspend', {}, { as: ctx.manager })).status).toBe(409);
    expect((await ctx.http.post('/mod/users/carol/xsilence', { days: '1', reason: 'x' }, { as: ctx.manager })).status).toBe(404);
  });
});

describe('suspension', () => {
  it('signs the member out everywhere, blocks login until it ends, and can be lifted', async () => {
    const victim = await makeUser(ctx.services, { username: 'vic', password: PASSWORD });
    const cookie = cookieFor(victim.id);
    expect(await (await ctx.http.get('/', { cookie })).text()).toContain('href="/u/vic"');
    const response = await ctx.http.post('/mod/users/vic/suspend', { days: '7', reason: 'Repeated harassment' }, { as: ctx.manager });
    expect(location(response)).toBe('/mod/users/vic?done=suspend');
    expect(ctx.row<{ n: number }>('select count(*) as n from sessions where user_id = ?', victim.id).n).toBe(0);
    expect(await (await ctx.http.get('/', { cookie })).text()).not.toContain('href="/u/vic"');
    const login = await ctx.http.post('/login', { login: 'vic', password: PASSWORD });
    expect(login.status).toBe(403);
    expect(await login.text()).toContain('Repeated harassment');
    expect(lastLog()).toMatchObject({ action: 'suspend', actor_id: ctx.manager.id, target_user_id: victim.id, reason: 'Repeated harassment' });
    expect(lastNotification(victim.id)).toMatchObject({ kind: 'suspended' });
    await ctx.http.post('/mod/users/vic/unsuspend', {}, { as: ctx.admin });
    expect(lastLog()).toMatchObject({ action: 'unsuspend', actor_id: ctx.admin.id, target_user_id: victim.id });
    expect((await ctx.http.post('/login', { login: 'vic', password: PASSWORD })).status).toBe(303);
  });

  it('ends by itself at its end date', async () => {
    const victim = await makeUser(ctx.services, { username: 'walt', password: PASSWORD });
    await ctx.http.post('/mod/users/walt/suspend', { days: '1', reason: 'Short break' }, { as: ctx.manager });
    expect((await ctx.http.post('/login', { login: 'walt', password: PASSWORD })).status).toBe(403);
    ctx.clock.advance(DAY + 1);
    expect((await ctx.http.post('/login', { login: 'walt', password: PASSWORD })).status).toBe(303);
    expect(await (await ctx.http.get('/mod/users/walt', { as: ctx.manager })).text()).toContain('In good standing');
    expect(user(victim.id).suspended_until).not.toBeNull();
  });

  it('can last until lifted: said so everywhere, never as a date, and blocks sign-in until lifted', async () => {
    const victim = await makeUser(ctx.services, { username: 'ursula', password: PASSWORD });
    ctx.db.$client.prepare("update users set email_preference = 'immediately' where id = ?").run(victim.id);
    const form = await (await ctx.http.get('/mod/users/ursula', { as: ctx.manager })).text();
    expect(form).toContain('<input type="radio" name="duration" value="lifted">');
    const response = await ctx.http.post('/mod/users/ursula/suspend', { duration: 'lifted', days: '7', reason: 'Ban evasion' }, { as: ctx.manager });
    expect(response.status).toBe(303);
    expect(user(victim.id)).toMatchObject({ suspended_until: UNTIL_LIFTED, suspend_reason: 'Ban evasion' });
    expect(lastLog()).toMatchObject({ action: 'suspend', details: JSON.stringify({ untilLifted: true }) });
    for (const path of ['/mod/users/ursula', '/mod/users?q=urs', '/mod/log']) {
      const page = await (await ctx.http.get(path, { as: ctx.admin })).text();
      expect(page).toMatch(/[Uu]ntil lifted/);
      expect(page).not.toContain('275760');
    }
    const mail = ctx.row<{ text_body: string }>("select text_body from email_outbox where user_id = ? order by id desc limit 1", victim.id);
    expect(mail.text_body).toContain('Your account was suspended until a community manager lifts the suspension.');
    expect(mail.text_body).not.toContain('275760');
    ctx.clock.advance(40 * DAY);
    const login = await ctx.http.post('/login', { login: 'ursula', password: PASSWORD });
    expect(login.status).toBe(403);
    const said = await login.text();
    expect(said).toContain('Your account is suspended until a community manager lifts the suspension: “Ban evasion”');
    expect(said).not.toContain('275760');
    expect((await ctx.http.post('/mod/users/ursula/unsuspend', {}, { as: ctx.manager })).status).toBe(303);
    expect((await ctx.http.post('/login', { login: 'ursula', password: PASSWORD })).status).toBe(303);
  });

  it('keeps the choice of until lifted when the form is shown again (422)', async () => {
    const response = await ctx.http.post('/mod/users/bob/suspend', { duration: 'lifted', days: '7', reason: '' }, { as: ctx.manager });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('<input type="radio" name="duration" value="lifted" checked>');
    expect((await ctx.http.post('/mod/users/bob/silence', { duration: 'lifted', days: 'x', reason: 'No end' }, { as: ctx.manager })).status).toBe(422);
    expect(user(ctx.other.id)).toMatchObject({ suspended_until: null });
  });

  it('follows who may sanction whom: managers members; admins managers too; nobody admins or themselves', async () => {
    expect((await ctx.http.post('/mod/users/max/suspend', { days: '1', reason: 'x' }, { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.post('/mod/users/ada/silence', { days: '1', reason: 'x' }, { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.post('/mod/users/mia/silence', { days: '1', reason: 'x' }, { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.post('/mod/users/ada/silence', { days: '1', reason: 'x' }, { as: ctx.admin })).status).toBe(403);
    const page = await (await ctx.http.get('/mod/users/max', { as: ctx.manager })).text();
    expect(page).toContain('Only admins can silence or suspend community managers.');
    expect(page).not.toContain('action="/mod/users/max/silence"');
    expect(location(await ctx.http.post('/mod/users/max/silence', { days: '1', reason: 'Heated replies' }, { as: ctx.admin }))).toBe('/mod/users/max?done=silence');
    expect(user(other.id).silence_reason).toBe('Heated replies');
  });
});

describe('roles and scope', () => {
  it('lets admins change a role: audited, sessions ended', async () => {
    const promoted = await makeUser(ctx.services, { username: 'pat' });
    const cookie = cookieFor(promoted.id);
    const response = await ctx.http.post('/mod/users/pat/role', { role: 'manager' }, { as: ctx.admin });
    expect(location(response)).toBe('/mod/users/pat?done=role');
    expect(user(promoted.id).role).toBe('manager');
    expect(ctx.row<{ n: number }>('select count(*) as n from sessions where user_id = ?', promoted.id).n).toBe(0);
    expect(await (await ctx.http.get('/', { cookie })).text()).not.toContain('href="/u/pat"');
    expect(lastLog()).toMatchObject({ action: 'role_change', actor_id: ctx.admin.id, target_user_id: promoted.id, details: JSON.stringify({ from: 'member', to: 'manager' }) });
    expect(await (await ctx.http.get('/mod/users/pat', { as: ctx.admin })).text()).toContain('Categories <bdi>pat</bdi> moderates');
  });

  it('refuses managers, an admin’s own role and unknown roles', async () => {
    expect((await ctx.http.post('/mod/users/bob/role', { role: 'manager' }, { as: ctx.manager })).status).toBe(403);
    expect(await (await ctx.http.get('/mod/users/bob', { as: ctx.manager })).text()).not.toContain('action="/mod/users/bob/role"');
    expect((await ctx.http.post('/mod/users/ada/role', { role: 'member' }, { as: ctx.admin })).status).toBe(403);
    const invalid = await ctx.http.post('/mod/users/bob/role', { role: 'emperor' }, { as: ctx.admin });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('Role must be one of: member, manager, admin.');
    expect(user(ctx.other.id).role).toBe('member');
  });

  it('lets admins limit a manager to some categories, and clear it', async () => {
    const kettles = ctx.row<{ id: number }>("select id from categories where slug = 'kettles'").id;
    const response = await ctx.http.post('/mod/users/max/scope', { categories: [String(kettles), String(ctx.strict.id)] }, { as: ctx.admin });
    expect(location(response)).toBe('/mod/users/max?done=scope');
    expect(ctx.rows('select category_id from manager_scopes where user_id = ? order by category_id', other.id)).toEqual([{ category_id: kettles }, { category_id: ctx.strict.id }]);
    expect(lastLog()).toMatchObject({ action: 'scope_change', actor_id: ctx.admin.id, target_user_id: other.id, details: JSON.stringify({ categories: ['kettles', 'grinders'] }) });
    await ctx.http.post('/mod/users/max/scope', {}, { as: ctx.admin });
    expect(ctx.rows('select category_id from manager_scopes where user_id = ?', other.id)).toEqual([]);
    expect((await ctx.http.post('/mod/users/max/scope', { categories: '99999' }, { as: ctx.admin })).status).toBe(422);
    expect((await ctx.http.post('/mod/users/bob/scope', { categories: String(kettles) }, { as: ctx.admin })).status).toBe(409);
    expect((await ctx.http.post('/mod/users/max/scope', { categories: String(kettles) }, { as: ctx.manager })).status).toBe(403);
  });

  it('drops a manager’s scope when they stop being a manager', async () => {
    const kettles = ctx.row<{ id: number }>("select id from categories where slug = 'kettles'").id;
    await makeUser(ctx.services, { username: 'quinn', role: 'manager' });
    await ctx.http.post('/mod/users/quinn/scope', { categories: String(kettles) }, { as: ctx.admin });
    await ctx.http.post('/mod/users/quinn/role', { role: 'member' }, { as: ctx.admin });
    expect(ctx.rows("select category_id from manager_scopes where user_id = (select id from users where username = 'quinn')")).toEqual([]);
  });

  it('shows the member’s history of sanctions and role changes', async () => {
    const page = await (await ctx.http.get('/mod/users/bob', { as: ctx.manager })).text();
    expect(page).toMatch(/<bdi>mia<\/bdi> silenced a member: <bdi>“Cooling off after an argument”<\/bdi>/);
    expect(page).toContain('href="/mod/log?target=bob"');
  });
});
