import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext, location } from '../helpers/forum.js';

// A new username once per 30 days: the old one redirects (profile and avatar), stays the member's
// (nobody may sign up with it), and mentions of it keep reaching them, old posts and new.

const DAY = 24 * 60 * 60_000;
let ctx: Awaited<ReturnType<typeof createForumContext>>;
let serial = 0;
beforeAll(async () => {
  ctx = await createForumContext({ rateLimit: false });
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

const member = (): Promise<SignedIn> => makeUser(ctx.services, { username: `renamer${++serial}` });
const rename = (who: SignedIn, username: string) => ctx.http.post('/account/username', { username }, { as: who });
const mentionsOf = (userId: number) => ctx.db.$client.prepare("select count(*) from notifications where user_id = ? and kind = 'mention'").pluck().get(userId) as number;

describe('changing the username', () => {
  it('moves the profile, redirects the old name permanently, and audits the change', async () => {
    const renamer = await member();
    const old = renamer.username;
    const changed = await rename(renamer, `new-${old}`);
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toBe('/account?done=username');

    const profile = await ctx.http.get(`/u/${old}`);
    expect(profile.status).toBe(301);
    expect(profile.headers.get('location')).toBe(`/u/new-${old}`);
    const paged = await ctx.http.get(`/u/${old.toUpperCase()}?before=1.1`);
    expect(paged.headers.get('location')).toBe(`/u/new-${old}?before=1.1`);
    const avatar = await ctx.http.get(`/u/${old}/avatar.svg?v=abc`);
    expect(avatar.status).toBe(301);
    expect(avatar.headers.get('location')).toBe(`/u/new-${old}/avatar.svg?v=abc`);
    expect((await ctx.http.get(`/u/new-${old}`)).status).toBe(200);
    expect((await ctx.http.get(`/u/never-was-${serial}`)).status).toBe(404);

    const audit = ctx.db.$client.prepare("select actor_id as actorId, target_user_id as targetUserId, details from mod_log where action = 'username_change' and actor_id = ?").get(renamer.id) as { actorId: number; targetUserId: number; details: string };
    expect(audit.targetUserId).toBe(renamer.id);
    expect(JSON.parse(audit.details)).toEqual({ from: old, to: `new-${old}` });
  });

  it('allows it once per 30 days, and says from when', async () => {
    const renamer = await member();
    expect((await rename(renamer, `first-${serial}`)).status).toBe(303);
    const account = await (await ctx.http.get('/account', { as: renamer })).text();
    expect(account).not.toContain('action="/account/username"');
    expect(account).toContain('You can change it again from');
    const early = await rename(renamer, `second-${serial}`);
    expect(early.status).toBe(403);
    expect(await early.text()).toContain('once every 30 days');
    ctx.clock.advance(30 * DAY);
    expect((await rename(renamer, `second-${serial}`)).status).toBe(303);
  });

  it('refuses names taken now or before by someone else, under the signup rules, keeping what was typed', async () => {
    const [renamer, earlier] = [await member(), await member()];
    const released = earlier.username;
    expect((await rename(earlier, `moved-${released}`)).status).toBe(303);
    for (const name of ['bob', released, released.toUpperCase(), 'no spaces', 'ab']) {
      const refused = await rename(renamer, name);
      expect(refused.status, name).toBe(422);
      expect(await refused.text()).toContain(`value="${name}"`);
    }
    // Nor can a new account sign up with the old name.
    const signup = await ctx.http.post('/signup', { username: released, email: `fresh${serial}@example.com`, password: 'a long enough passphrase' });
    expect(signup.status).toBe(422);
    expect(await signup.text()).toContain('That username is already taken');
  });

  it('lets a member take back a name they had before', async () => {
    const renamer = await member();
    const original = renamer.username;
    await rename(renamer, `interim-${serial}`);
    ctx.clock.advance(30 * DAY);
    expect((await rename(renamer, original)).status).toBe(303);
    expect((await ctx.http.get(`/u/${original}`)).status).toBe(200);
    expect((await ctx.http.get(`/u/interim-${serial}`)).headers.get('location')).toBe(`/u/${original}`);
  });

  it('keeps mentions working: old posts’ @old links lead to the profile, and new posts naming @old notify the member', async () => {
    const [renamer, writer] = [await member(), await member()];
    const old = renamer.username;
    const before = await makeThread(ctx.services, writer, { category: 'kettles', title: `Asking @${old} ${serial}`, body: `Thanks @${old} for the tip.` });
    expect(mentionsOf(renamer.id)).toBe(1);
    await rename(renamer, `renamed-${serial}`);

    const page = await (await ctx.http.get(`/t/${before.threadId}/${before.slug}`)).text();
    const link = /<a class="mention" href="([^"]+)"/.exec(page)![1]!;
    const followed = await ctx.http.get(link);
    expect(followed.status).toBe(301);
    expect(followed.headers.get('location')).toBe(`/u/renamed-${serial}`);

    const after = await ctx.http.post('/t', { category: 'kettles', title: `Again for ${serial}`, body: `Still asking @${old}.` }, { as: writer });
    expect(location(after)).toMatch(/^\/t\//);
    expect(mentionsOf(renamer.id)).toBe(2);
  });
});
