import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_LOCAL_PASSWORD } from '../../src/auth/oidc-members.js';
import { makeCategory, makeUser } from '../../src/demo/factories.js';
import { parseProxyTrust, type ProxyTrust } from '../../src/lib/client-address.js';
import { deletesRows, personalData } from '../../src/privacy/personal-data.js';
import { createTestContext, type TestContext } from '../helpers/app.js';
import { location } from '../helpers/forum.js';
import { leaveTraces, makePerson, type Person } from '../helpers/privacy.js';

// "Delete my account" and an admin's erasure: after either, no personal field of the member is
// left in any table (checked from the map of personal data, and by searching every text column
// of the whole database for who they were), their posts are anonymised or deleted as they chose,
// and others' replies stay.

let ctx: TestContext;
let quill: Person;
let bob: Person;
let traces: Awaited<ReturnType<typeof leaveTraces>>;

beforeEach(async () => {
  ctx = await createTestContext({ trustProxy: parseProxyTrust('1') as ProxyTrust });
  const category = makeCategory(ctx.services, { name: 'Kettles', slug: 'kettles' });
  quill = await makePerson(ctx, 'quillon', 'Zephyrine', '203.0.113.7');
  bob = await makePerson(ctx, 'bobbington', 'Marmalade', '198.51.100.9');
  traces = await leaveTraces(ctx, category, quill, bob);
  await leaveTraces(ctx, category, bob, quill);
  expect((await ctx.http.post('/account/export', {}, { cookie: quill.cookie })).status).toBe(303);
});
afterEach(() => ctx.close());

const all = <T>(sql: string, ...values: unknown[]) => ctx.db.$client.prepare(sql).all(...values) as T[];
const one = <T>(sql: string, ...values: unknown[]) => ctx.db.$client.prepare(sql).get(...values) as T;

/** Every text value anywhere in the database that contains `needle` (case-sensitively), as table.column. */
function findText(needle: string): string[] {
  const found: string[] = [];
  for (const table of Object.keys(personalData)) {
    for (const column of all<{ name: string; type: string }>('select name, type from pragma_table_info(?)', table)) {
      if (column.type.toLowerCase() !== 'text') continue;
      const hits = one<{ count: number }>(`select count(*) as count from "${table}" where instr("${column.name}", ?) > 0`, needle).count;
      if (hits > 0) found.push(`${table}.${column.name}`);
    }
  }
  return found;
}

/** What the map says must be gone is gone: rows deleted, columns emptied. */
function expectErased(person: Person, choice: 'anonymize' | 'delete') {
  const id = person.user.id;
  const left: string[] = [];
  for (const [table, map] of Object.entries(personalData)) {
    if (!map.owner || !map.personal) continue;
    const rows = all<Record<string, unknown>>(`select * from "${table}" where "${map.owner}" = ?`, id);
    if (deletesRows(map)) {
      if (rows.length > 0) left.push(`${table}: ${rows.length} rows`);
      continue;
    }
    for (const row of rows) {
      for (const [column, fate] of Object.entries(map.personal)) {
        if (fate === 'null' && row[column] !== null) left.push(`${table}.${column}`);
        if (fate === 'posts' && choice === 'delete' && table === 'posts' && row[column] !== '' && row[column] !== null) left.push(`${table}.${column}`);
      }
    }
  }
  expect(left).toEqual([]);
  for (const value of [person.email, person.user.username, person.displayName, person.bio]) expect({ value, found: findText(value) }).toEqual({ value, found: [] });
  const account = one<{ username: string; email: string; deletedAt: number | null; passwordHash: string }>('select username, email, deleted_at as deletedAt, password_hash as passwordHash from users where id = ?', id);
  expect(account.deletedAt).not.toBeNull();
  expect(account.email).toBe('');
}

async function signedIn(cookie: string): Promise<boolean> {
  return (await ctx.http.get('/account', { cookie })).status === 200;
}

describe('POST /account/delete', () => {
  it('erases every personal field, deletes the posts, keeps the thread others replied to with their reply', async () => {
    const response = await ctx.http.post('/account/delete', { password: quill.password, posts: 'delete' }, { cookie: quill.cookie });
    expect(location(response)).toBe('/account/deleted');
    expect(response.headers.getSetCookie().join(';')).toMatch(/hearth_session=;|Max-Age=0/);
    expectErased(quill, 'delete');
    expect(all('select id from threads where id = ?', traces.alone.threadId)).toEqual([]);
    const answered = await (await ctx.http.get(`/t/${traces.answered.threadId}/${traces.answered.slug}`)).text();
    expect(answered).toContain('Marmalade reply to Zephyrine');
    expect(answered).not.toContain('Zephyrine opening answered');
    expect(answered).not.toContain('Zephyrine own reply');
    // Bob's own data is untouched.
    expect(findText(bob.email).length).toBeGreaterThan(0);
    expect(one<{ count: number }>('select count(*) as count from flags where flagger_id = ?', bob.user.id).count).toBe(1);
  });

  it('keeps the posts under "Deleted member" when the member chooses so, on cached pages too', async () => {
    const threadPath = `/t/${traces.answered.threadId}/${traces.answered.slug}`;
    expect(await (await ctx.http.get(threadPath)).text()).toContain('quillon');
    expect(location(await ctx.http.post('/account/delete', { password: quill.password, posts: 'anonymize' }, { cookie: quill.cookie }))).toBe('/account/deleted');
    expectErased(quill, 'anonymize');
    const page = await (await ctx.http.get(`/t/${traces.answered.threadId}/${traces.answered.slug}`)).text();
    expect(page).toContain('Zephyrine opening answered');
    expect(page).toContain('Deleted member');
    expect(page).not.toContain('quillon');
    expect(await (await ctx.http.get('/')).text()).not.toContain('quillon');
  });

  it('signs the member out everywhere, for good', async () => {
    const other = (await ctx.http.post('/login', { login: 'quillon', password: quill.password })).headers.getSetCookie()[0]!.split(';')[0]!;
    expect(await signedIn(other)).toBe(true);
    await ctx.http.post('/account/delete', { password: quill.password, posts: 'anonymize' }, { cookie: quill.cookie });
    expect(await signedIn(quill.cookie)).toBe(false);
    expect(await signedIn(other)).toBe(false);
    for (const login of ['quillon', quill.email]) expect((await ctx.http.post('/login', { login, password: quill.password })).status).toBe(422);
    expect((await ctx.http.get('/u/quillon')).status).toBe(404);
  });

  it('is audited with the account id and the choice only', async () => {
    await ctx.http.post('/account/delete', { password: quill.password, posts: 'delete' }, { cookie: quill.cookie });
    expect(all('select actor_id as actorId, target_user_id as targetUserId, reason, details from mod_log where action = ?', 'erase_account')).toEqual([
      { actorId: quill.user.id, targetUserId: quill.user.id, reason: null, details: '{"posts":"delete"}' },
    ]);
  });

  it('refuses a wrong password with the form shown again, the choice kept, and nothing erased', async () => {
    const response = await ctx.http.post('/account/delete', { password: 'not the password at all', posts: 'delete' }, { cookie: quill.cookie });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('That password is not right');
    expect(page).toMatch(/value="delete" required checked/);
    expect(await signedIn(quill.cookie)).toBe(true);
    expect(findText(quill.email).length).toBeGreaterThan(0);
  });

  it('counts wrong passwords as the sign-in form does: after ten, even the right one is refused for a while', async () => {
    const limited = await createTestContext({ rateLimit: true });
    try {
      const member = await makeUser(limited.services, { username: 'guessed', password: 'the real passphrase' });
      for (let attempt = 0; attempt < 10; attempt++) expect((await limited.http.post('/account/delete', { password: `guess ${attempt} wrong`, posts: 'delete' }, { as: member })).status).toBe(422);
      const locked = await limited.http.post('/account/delete', { password: 'the real passphrase', posts: 'delete' }, { as: member });
      expect(locked.status).toBe(422);
      expect(await locked.text()).toContain('That password is not right');
      expect(limited.db.$client.prepare('select deleted_at from users where id = ?').pluck().get(member.id)).toBeNull();
    } finally {
      await limited.close();
    }
  });

  it('asks what happens to the posts, and offers only what the community allows (Admin → Privacy)', async () => {
    expect((await ctx.http.post('/account/delete', { password: quill.password }, { cookie: quill.cookie })).status).toBe(422);
    const admin = await makeUser(ctx.services, { username: 'adminna', role: 'admin' });
    expect((await ctx.http.post('/admin/privacy', { posts: 'anonymize' }, { as: bob.user })).status).toBe(403);
    expect((await ctx.http.post('/admin/privacy', { posts: 'sometimes' }, { as: admin })).status).toBe(422);
    expect(location(await ctx.http.post('/admin/privacy', { posts: 'anonymize' }, { as: admin }))).toBe('/admin/privacy?done=saved');
    expect(await (await ctx.http.get('/admin/privacy', { as: admin })).text()).toMatch(/value="anonymize" checked/);
    expect(all("select details from mod_log where action = 'privacy_settings'")).toEqual([{ details: '{"from":"both","to":"anonymize"}' }]);
    const page = await (await ctx.http.get('/account', { cookie: quill.cookie })).text();
    expect(page).not.toContain('value="delete"');
    expect((await ctx.http.post('/account/delete', { password: quill.password, posts: 'delete' }, { cookie: quill.cookie })).status).toBe(422);
    expect(await signedIn(quill.cookie)).toBe(true);
  });

  it('asks a member without a password to have signed in within the last minutes', async () => {
    ctx.db.$client.prepare('update users set password_hash = ? where id = ?').run(NO_LOCAL_PASSWORD, quill.user.id);
    ctx.clock.advance(11 * 60_000);
    const stale = await ctx.http.post('/account/delete', { posts: 'anonymize' }, { cookie: quill.cookie });
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain('sign out and sign in again');
    const fresh = await ctx.http.post('/account/delete', { posts: 'anonymize' }, { as: quill.user });
    expect(location(fresh)).toBe('/account/deleted');
  });

  it('refuses an administrator’s own account', async () => {
    const admin = await makeUser(ctx.services, { username: 'adminna', role: 'admin', password: 'admin passphrase long' });
    expect((await ctx.http.post('/account/delete', { password: 'admin passphrase long', posts: 'anonymize' }, { as: admin })).status).toBe(403);
  });
});

describe('POST /mod/users/:username/erase', () => {
  it('lets an admin erase a member’s account after confirming, and no one else', async () => {
    const admin = await makeUser(ctx.services, { username: 'adminna', role: 'admin' });
    const otherAdmin = await makeUser(ctx.services, { username: 'adminno', role: 'admin' });
    const manager = await makeUser(ctx.services, { username: 'managera', role: 'manager' });
    expect((await ctx.http.post('/mod/users/quillon/erase', { posts: 'delete', confirm: 'yes' }, { as: manager })).status).toBe(403);
    expect((await ctx.http.post('/mod/users/adminno/erase', { posts: 'delete', confirm: 'yes' }, { as: admin })).status).toBe(403);
    expect((await ctx.http.post('/mod/users/adminna/erase', { posts: 'delete', confirm: 'yes' }, { as: admin })).status).toBe(403);
    expect((await ctx.http.get('/mod/users/quillon', { as: manager })).status).toBe(200);
    expect(await (await ctx.http.get('/mod/users/quillon', { as: manager })).text()).not.toContain('/erase');
    expect(await (await ctx.http.get('/mod/users/quillon', { as: admin })).text()).toContain('/mod/users/quillon/erase');
    const unconfirmed = await ctx.http.post('/mod/users/quillon/erase', { posts: 'delete' }, { as: admin });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('Please tick the box');
    expect(location(await ctx.http.post('/mod/users/quillon/erase', { posts: 'delete', confirm: 'yes' }, { as: admin }))).toBe('/mod/users?done=erased');
    expectErased(quill, 'delete');
    expect(one<{ actorId: number }>("select actor_id as actorId from mod_log where action = 'erase_account'").actorId).toBe(admin.id);
    void otherAdmin;
  });
});
