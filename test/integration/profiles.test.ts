import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext } from '../helpers/forum.js';

// Display name, bio and the admin's fields: saved on /account, shown on the profile and beside
// posts (the anonymous cached thread page included), refused with the member's text kept.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let serial = 0;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

const member = async (): Promise<SignedIn> => makeUser(ctx.services, { username: `writer${++serial}` });
const text = async (path: string, as?: SignedIn) => (await ctx.http.get(path, as ? { as } : {})).text();

describe('the profile form on /account', () => {
  it('saves a display name in any script and a bio, and shows them on the profile and beside posts, the cached anonymous page included', async () => {
    const writer = await member();
    const thread = await makeThread(ctx.services, writer, { category: 'kettles', title: 'Descaling every week?', body: 'Mine furs up fast.' });
    const path = `/t/${thread.threadId}/${thread.slug}`;
    expect(await text(path)).not.toContain('Leyla Öztürk');
    expect(await text(path, ctx.other)).not.toContain('Leyla Öztürk');

    const saved = await ctx.http.post('/account/profile', { displayName: '  Leyla Öztürk  ', bio: 'Hard water here.\nTwo kettles.' }, { as: writer });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/account?done=profile');

    const profile = await text(`/u/${writer.username}`);
    expect(profile).toContain('<bdi>Leyla Öztürk</bdi>');
    expect(profile).toContain(`@<bdi>${writer.username}</bdi>`);
    expect(profile).toContain('<p class="profile-bio" dir="auto">Hard water here.\nTwo kettles.</p>');
    expect(profile).toMatch(new RegExp(`<img class="avatar-large" src="/u/${writer.username}/avatar\\.svg\\?v=[0-9a-z]+" width="96" height="96" alt=""`));

    // The anonymous page was cached before the change; the trigger's new version renews it.
    const page = await text(path);
    expect(page).toContain('<bdi class="display-name">Leyla Öztürk</bdi>');
    expect(page).toContain(`<a class="author" href="/u/${writer.username}" dir="ltr">@${writer.username}</a>`);
    expect(page).toMatch(new RegExp(`<img class="avatar" src="/u/${writer.username}/avatar\\.svg\\?v=[0-9a-z]+" width="32" height="32" alt=""`));
    // And the signed-in page, built from frames kept per thread version.
    expect(await text(path, ctx.other)).toContain('<bdi class="display-name">Leyla Öztürk</bdi>');
  });

  it('shows Arabic and Chinese names, and clears a name left empty', async () => {
    const writer = await member();
    await makeThread(ctx.services, writer, { category: 'kettles', title: 'Kettle in two languages', body: 'Hello.' });
    expect((await ctx.http.post('/account/profile', { displayName: 'ليلى', bio: '' }, { as: writer })).status).toBe(303);
    expect(await text(`/u/${writer.username}`)).toContain('<bdi>ليلى</bdi>');
    expect((await ctx.http.post('/account/profile', { displayName: '王小明', bio: '' }, { as: writer })).status).toBe(303);
    expect(await text(`/u/${writer.username}`)).toContain('<bdi>王小明</bdi>');
    expect((await ctx.http.post('/account/profile', { displayName: '   ', bio: '' }, { as: writer })).status).toBe(303);
    expect(ctx.db.$client.prepare('select display_name from users where id = ?').pluck().get(writer.id)).toBeNull();
  });

  it('refuses bad input with 422 and keeps what the member typed', async () => {
    const writer = await member();
    const longBio = 'b'.repeat(501);
    const tooLong = await ctx.http.post('/account/profile', { displayName: 'x'.repeat(51), bio: longBio }, { as: writer });
    expect(tooLong.status).toBe(422);
    const page = await tooLong.text();
    expect(page).toContain(`value="${'x'.repeat(51)}"`);
    expect(page).toContain(longBio);
    expect(page).toContain('Please keep your display name to 50 characters or fewer (it has 51).');
    expect(page).toContain('Please keep your bio to 500 characters or fewer (it has 501).');

    const override = await ctx.http.post('/account/profile', { displayName: 'Ali\u202Ecilbup', bio: '' }, { as: writer });
    expect(override.status).toBe(422);
    expect(await override.text()).toContain('invisible or control characters');
    const twoLines = await ctx.http.post('/account/profile', { displayName: 'One\nTwo', bio: '' }, { as: writer });
    expect(twoLines.status).toBe(422);
    expect(ctx.db.$client.prepare('select display_name from users where id = ?').pluck().get(writer.id)).toBeNull();
  });

  it('refuses a display name that is another member’s username, however it is dressed', async () => {
    const writer = await member();
    for (const name of ['bob', 'BOB', '@bob', 'ｂｏｂ', ' b o b ']) {
      const response = await ctx.http.post('/account/profile', { displayName: name, bio: '' }, { as: writer });
      expect(response.status, name).toBe(422);
      expect(await response.text()).toContain('another member&#39;s username');
    }
    // Their own username is fine: it is who they are.
    expect((await ctx.http.post('/account/profile', { displayName: writer.username.toUpperCase(), bio: '' }, { as: writer })).status).toBe(303);
  });

  it('asks anonymous visitors to sign in and refuses cross-site posts', async () => {
    expect((await ctx.http.post('/account/profile', { displayName: 'Someone' })).status).toBe(303);
    const crossSite = await ctx.http.post('/account/profile', { displayName: 'Someone' }, { as: ctx.member, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
  });
});

describe('the generated avatar', () => {
  it('is an SVG of the initials in the brand colour, served from this site with a long cache', async () => {
    const writer = await member();
    await ctx.http.post('/account/profile', { displayName: 'Ada Lovelace', bio: '' }, { as: writer });
    const response = await ctx.http.get(`/u/${writer.username}/avatar.svg?v=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const svg = await response.text();
    expect(svg).toContain('>AL</text>');
    expect(svg).toContain(`fill="${ctx.config.brandColor}"`);
    const again = await ctx.http.get(`/u/${writer.username}/avatar.svg?v=1`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('escapes the name it is drawn from', async () => {
    const writer = await member();
    // No letters: the first characters themselves are the initials.
    await ctx.http.post('/account/profile', { displayName: '<< &&', bio: '' }, { as: writer });
    const svg = await text(`/u/${writer.username}/avatar.svg`);
    expect(svg).toContain('>&lt;&amp;</text>');
    await ctx.http.post('/account/profile', { displayName: '<script>alert(1)</script>', bio: '' }, { as: writer });
    expect(await text(`/u/${writer.username}/avatar.svg`)).not.toContain('<script');
  });

  it('answers 404 for nobody', async () => {
    expect((await ctx.http.get('/u/nobody-here/avatar.svg')).status).toBe(404);
  });
});

describe('admin-defined fields', () => {
  it('are filled in on /account, shown on the profile in order, and refused past 100 characters', async () => {
    for (const label of ['Which bike do you ride?', 'Where do you ride?']) {
      expect((await ctx.http.post('/admin/profile-fields', { label }, { as: ctx.admin })).status).toBe(303);
    }
    const [bike, place] = ctx.db.$client.prepare('select id from profile_fields order by position').pluck().all() as number[];
    const writer = await member();
    const account = await text('/account', writer);
    expect(account).toContain(`name="field-${bike}"`);
    expect(account).toContain('Which bike do you ride?');

    const tooLong = await ctx.http.post('/account/profile', { displayName: '', bio: '', [`field-${bike}`]: 'y'.repeat(101), [`field-${place}`]: 'Alps' }, { as: writer });
    expect(tooLong.status).toBe(422);
    const kept = await tooLong.text();
    expect(kept).toContain(`value="${'y'.repeat(101)}"`);
    expect(kept).toContain('value="Alps"');

    expect((await ctx.http.post('/account/profile', { displayName: '', bio: '', [`field-${bike}`]: 'Gravel, 2021', [`field-${place}`]: 'Alps' }, { as: writer })).status).toBe(303);
    const profile = await text(`/u/${writer.username}`);
    expect(profile.indexOf('Which bike do you ride?')).toBeLessThan(profile.indexOf('Where do you ride?'));
    expect(profile).toContain('<dd dir="auto">Gravel, 2021</dd>');

    // Reordered by an admin, profiles follow.
    expect((await ctx.http.post(`/admin/profile-fields/${place}/move`, { direction: 'up' }, { as: ctx.admin })).status).toBe(303);
    const reordered = await text(`/u/${writer.username}`);
    expect(reordered.indexOf('Where do you ride?')).toBeLessThan(reordered.indexOf('Which bike do you ride?'));

    // Removing asks first, then deletes the answers with the field.
    const confirm = await text(`/admin/profile-fields/${bike}/remove`, ctx.admin);
    expect(confirm).toContain('The answer 1 member gave is deleted with it');
    expect((await ctx.http.post(`/admin/profile-fields/${bike}/remove`, {}, { as: ctx.admin })).status).toBe(303);
    expect(ctx.db.$client.prepare('select count(*) from profile_field_values where field_id = ?').pluck().get(bike)).toBe(0);
    expect(await text(`/u/${writer.username}`)).not.toContain('Gravel, 2021');
    await ctx.http.post(`/admin/profile-fields/${place}/remove`, {}, { as: ctx.admin });
  });

  it('renames a field, refuses an empty label with 422, and audits each change', async () => {
    expect((await ctx.http.post('/admin/profile-fields', { label: 'Favourite tea' }, { as: ctx.admin })).status).toBe(303);
    const id = ctx.db.$client.prepare("select id from profile_fields where label = 'Favourite tea'").pluck().get() as number;
    const empty = await ctx.http.post(`/admin/profile-fields/${id}`, { label: '  ' }, { as: ctx.admin });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Please write the field&#39;s label');
    expect((await ctx.http.post(`/admin/profile-fields/${id}`, { label: 'Favourite tea or coffee' }, { as: ctx.admin })).status).toBe(303);
    expect(await text('/admin/profile-fields', ctx.admin)).toContain('value="Favourite tea or coffee"');
    const log = await text('/mod/log', ctx.admin);
    expect(log).toContain('added a profile field');
    expect(log).toContain('<bdi>Favourite tea</bdi>');
    const actions = ctx.db.$client.prepare("select action from mod_log where action like 'profile_field_%' order by id").pluck().all();
    expect(actions).toEqual(expect.arrayContaining(['profile_field_add', 'profile_field_rename', 'profile_field_move', 'profile_field_remove']));
    await ctx.http.post(`/admin/profile-fields/${id}/remove`, {}, { as: ctx.admin });
  });

  it('are for admins only', async () => {
    expect((await ctx.http.get('/admin/profile-fields', { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.get('/admin/profile-fields', { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.post('/admin/profile-fields', { label: 'Sneaky' }, { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.get('/admin/profile-fields')).status).toBe(303);
    expect(ctx.db.$client.prepare("select count(*) from profile_fields where label = 'Sneaky'").pluck().get()).toBe(0);
    expect(await text('/admin/profile-fields', ctx.admin)).toContain('href="/admin/profile-fields" aria-current="page"');
  });
});

describe('replies show the display name too', () => {
  it('beside each reply, with one avatar per post', async () => {
    const [asker, helper] = [await member(), await member()];
    const thread = await makeThread(ctx.services, asker, { category: 'kettles', title: 'Which filter fits?', body: 'The round one?' });
    await makeReply(ctx.services, helper, { threadId: thread.threadId, body: 'The square one.' });
    await ctx.http.post('/account/profile', { displayName: 'Helpful Hana', bio: '' }, { as: helper });
    const page = await text(`/t/${thread.threadId}/${thread.slug}`);
    expect(page).toContain('<bdi class="display-name">Helpful Hana</bdi>');
    expect(page.match(/<img class="avatar"/g)).toHaveLength(2);
  });
});

describe('elsewhere authors show', () => {
  it('names who started a thread by display name in the category list and renews the cached list', async () => {
    const starter = await member();
    await makeThread(ctx.services, starter, { category: 'kettles', title: 'Started by a renamed member', body: 'Hello.' });
    expect(await text('/c/kettles')).not.toContain('Starting Stella');
    await ctx.http.post('/account/profile', { displayName: 'Starting Stella', bio: '' }, { as: starter });
    expect(await text('/c/kettles')).toContain(`<bdi>Starting Stella</bdi> <span class="handle">@<bdi>${starter.username}</bdi></span>`);
  });

  it('names the accepted answer’s author by display name beside the @username', async () => {
    makeCategory(ctx.services, { name: 'Questions', slug: 'questions', kind: 'questions' });
    const [asker, helper] = [await member(), await member()];
    const thread = await makeThread(ctx.services, asker, { category: 'questions', title: 'How do I descale it?', body: 'It is furred up.' });
    const reply = await makeReply(ctx.services, helper, { threadId: thread.threadId, body: 'Citric acid, then rinse twice.' });
    await ctx.http.post('/account/profile', { displayName: 'Answering Ana', bio: '' }, { as: helper });
    expect((await ctx.http.post(`/p/${reply.postId}/accept`, {}, { as: asker })).status).toBe(303);
    const page = await text(`/t/${thread.threadId}/${thread.slug}`);
    const box = page.slice(page.indexOf('<aside class="accepted-answer"'));
    expect(box).toContain(`<bdi class="display-name">Answering Ana</bdi> <a class="author" href="/u/${helper.username}" dir="ltr">@${helper.username}</a>`);
  });

  it('names the actor of a notification by display name beside the @username, with their picture', async () => {
    const [writer, reader] = [await member(), await member()];
    await ctx.http.post('/account/profile', { displayName: 'Mention Maker', bio: '' }, { as: writer });
    await makeThread(ctx.services, writer, { category: 'kettles', title: 'A question for a friend', body: `What do you think, @${reader.username}?` });
    const page = await text('/notifications', reader);
    expect(page).toContain(`<bdi>Mention Maker (@${writer.username})</bdi>`);
    expect(page).toContain(`<img class="avatar" src="/u/${writer.username}/avatar.svg?v=`);
  });

  it('shows the display name and the picture in embedded threads', async () => {
    const writer = await member();
    await ctx.http.post('/account/profile', { displayName: 'Embedded Emma', bio: '' }, { as: writer });
    const thread = await makeThread(ctx.services, writer, { category: 'kettles', title: 'Embedded thread here', body: 'Shown in the help centre.' });
    const frame = await text(`/embed/t/${thread.threadId}`);
    expect(frame).toContain('<bdi class="embed-display-name">Embedded Emma</bdi>');
    expect(frame).toContain(`src="${ctx.config.baseUrl}/u/${writer.username}/avatar.svg?v=`);
  });
});
