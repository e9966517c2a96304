import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// A manager scoped to some categories is staff there and a member everywhere else: waiting,
// rejected and hidden posts, edit history and audit entries of other categories stay out of
// sight; author-deleted text is for admins only; sanctions need a manager of every category.
// sam moderates `kettles`; `scales` (open) and `grinders` (everything waits) are outside.

let ctx: ModerationContext;
let sam: SignedIn;
let erin: SignedIn;
let scalesThread: { threadId: number; postId: number };
let hiddenOutside: number;
let hiddenInside: number;
let deletedOutside: number;
let waitingOutside: { threadId: number; postId: number };

beforeAll(async () => {
  ctx = await createModerationContext();
  sam = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  erin = await makeUser(ctx.services, { username: 'erin' });
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(ctx.category.id)] }, { as: ctx.admin })).status).toBe(303);
  makeCategory(ctx.services, { name: 'Kitchen Scales', slug: 'scales' });

  scalesThread = await makeThread(ctx.services, ctx.admin, { category: 'scales', title: 'Calibrating the S1 scale', body: 'Which weight do you use?' });
  // Hidden outside sam's scope, after an edit, so it has history.
  hiddenOutside = (await makeReply(ctx.services, ctx.carol, { threadId: scalesThread.threadId, body: 'Original outside zanzibarword text' })).postId;
  expect((await ctx.http.post(`/p/${hiddenOutside}/edit`, { body: 'Edited outside zanzibarword text' }, { as: ctx.carol })).status).toBe(303);
  expect((await ctx.http.post(`/p/${hiddenOutside}/hide`, { reason: 'Outside hiding reason' }, { as: ctx.admin })).status).toBe(303);
  // Deleted by its author after an edit.
  deletedOutside = (await makeReply(ctx.services, ctx.dave, { threadId: scalesThread.threadId, body: 'Deleted first draft quokkaword' })).postId;
  expect((await ctx.http.post(`/p/${deletedOutside}/edit`, { body: 'Deleted second draft quokkaword' }, { as: ctx.dave })).status).toBe(303);
  expect((await ctx.http.post(`/p/${deletedOutside}/delete`, {}, { as: ctx.dave })).status).toBe(303);
  // Waiting in the pre-moderated category.
  waitingOutside = await ctx.pendingThread(ctx.carol, 'Waiting grinder question', 'Waiting outside wombatword text');
  // Hidden inside sam's scope.
  const kettle = await ctx.publishedThread(ctx.member, 'Kettle lid squeaks');
  hiddenInside = (await makeReply(ctx.services, ctx.carol, { threadId: kettle.threadId, body: 'Hidden inside kettle text' })).postId;
  expect((await ctx.http.post(`/p/${hiddenInside}/hide`, { reason: 'Inside hiding reason' }, { as: ctx.admin })).status).toBe(303);
  // Sanctions: audit entries without a category; bob's is lifted, dave's is in force.
  expect((await ctx.http.post('/mod/users/bob/silence', { days: '2', reason: 'Earlier sanction reason' }, { as: ctx.manager })).status).toBe(303);
  expect((await ctx.http.post('/mod/users/bob/unsilence', {}, { as: ctx.manager })).status).toBe(303);
  expect((await ctx.http.post('/mod/users/dave/silence', { days: '2', reason: 'Community-wide sanction reason' }, { as: ctx.manager })).status).toBe(303);
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

const text = async (path: string, as: SignedIn) => {
  const response = await ctx.http.get(path, { as });
  return { status: response.status, page: await response.text() };
};

describe('profiles', () => {
  it('show a scoped manager waiting and hidden posts only in their categories', async () => {
    const { page } = await text('/u/carol', sam);
    expect(page).toContain('Hidden inside kettle text');
    expect(page).not.toContain('zanzibarword');
    expect(page).not.toContain('wombatword');
  });

  it('show managers of every category and admins everything but deleted posts', async () => {
    for (const viewer of [ctx.manager, ctx.admin]) {
      const { page } = await text('/u/carol', viewer);
      expect(page).toContain('Hidden inside kettle text');
      expect(page).toContain('Edited outside zanzibarword text');
      expect(page).toContain('Waiting outside wombatword text');
    }
    expect((await text('/u/dave', ctx.admin)).page).not.toContain('quokkaword');
  });
});

describe('edit history', () => {
  it('of a hidden post is refused to a manager outside its category', async () => {
    const { status, page } = await text(`/p/${hiddenOutside}/revisions`, sam);
    expect(status).toBe(403);
    expect(page).not.toContain('zanzibarword');
    expect(page).toContain('community managers of this category');
  });

  it('of a hidden post is open to managers of every category, admins and its author', async () => {
    for (const viewer of [ctx.manager, ctx.admin, ctx.carol]) {
      const { status, page } = await text(`/p/${hiddenOutside}/revisions`, viewer);
      expect(status).toBe(200);
      expect(page).toContain('Original outside zanzibarword text');
    }
  });

  it('of a post its author deleted is for admins only, as its text is gone from the thread page', async () => {
    for (const viewer of [sam, ctx.manager, ctx.dave]) {
      const { status, page } = await text(`/p/${deletedOutside}/revisions`, viewer);
      expect(status, viewer.username).toBe(404);
      expect(page).not.toContain('quokkaword');
    }
    const { status, page } = await text(`/p/${deletedOutside}/revisions`, ctx.admin);
    expect(status).toBe(200);
    expect(page).toContain('Deleted first draft quokkaword');
  });

  it('is linked on the thread page, with the hidden text, only for those who may read it', async () => {
    const path = `/t/${scalesThread.threadId}/calibrating-the-s1-scale`;
    const outside = (await text(path, sam)).page;
    expect(outside).not.toContain(`/p/${hiddenOutside}/revisions"`);
    expect(outside).not.toContain('zanzibarword');
    const everywhere = (await text(path, ctx.manager)).page;
    expect(everywhere).toContain(`/p/${hiddenOutside}/revisions"`);
    expect(everywhere).toContain('Edited outside zanzibarword text');
  });
});

describe('the audit log', () => {
  it('shows a scoped manager only the entries of their categories', async () => {
    const { page } = await text('/mod/log', sam);
    expect(page).toContain('Inside hiding reason');
    expect(page).not.toContain('Outside hiding reason');
    expect(page).not.toContain('Community-wide sanction reason');
    expect((await text('/mod/log?target=carol', sam)).page).not.toContain('Outside hiding reason');
  });

  it('shows managers of every category and admins every entry, those without a category included', async () => {
    for (const viewer of [ctx.manager, ctx.admin]) {
      const { page } = await text('/mod/log', viewer);
      expect(page).toContain('Inside hiding reason');
      expect(page).toContain('Outside hiding reason');
      expect(page).toContain('Community-wide sanction reason');
    }
  });
});

describe('search and the API', () => {
  // Both read only what the public may read, whoever asks; these guard that it stays so.
  it('search finds no hidden, waiting or deleted post for a scoped manager', async () => {
    for (const word of ['zanzibarword', 'wombatword', 'quokkaword']) {
      const { page } = await text(`/search?q=${word}`, sam);
      expect(page, word).not.toContain(`${word} text`);
      expect(page, word).not.toContain('draft');
    }
  });

  it('the thread API gives a hidden post without its text, whoever asks', async () => {
    const response = await ctx.http.get(`/api/v1/threads/${scalesThread.threadId}`, { as: sam });
    const body = (await response.json()) as { posts: { id: number; state: string; html: string | null }[] };
    expect(body.posts.find((post) => post.id === hiddenOutside)).toMatchObject({ state: 'hidden', html: null });
    expect(JSON.stringify(body)).not.toContain('zanzibarword');
    expect((await ctx.http.get(`/api/v1/threads/${waitingOutside.threadId}`, { as: sam })).status).toBe(404);
  });
});

describe('sanction history', () => {
  // Audit entries without a category: as in the log, only the community-wide team reads them.
  it('is left off the member page for a scoped manager', async () => {
    const { status, page } = await text('/mod/users/bob', sam);
    expect(status).toBe(200);
    expect(page).not.toContain('Earlier sanction reason');
    expect(page).toContain('The history of sanctions and role changes is for admins and managers of every category');
    expect((await text('/mod/users/bob', ctx.manager)).page).toContain('Earlier sanction reason');
  });

  it('is left off the review queue for a scoped manager', async () => {
    const inside = await ctx.publishedThread(ctx.other, 'Kettle descaling from bob');
    await ctx.flag(ctx.member, inside.postId, 'spam');
    const queue = await text('/mod/queue', sam);
    expect(queue.page).toContain('Kettle descaling from bob');
    expect(queue.page).not.toContain('Earlier sanction reason');
    expect(queue.page).not.toContain('Earlier sanctions');
    expect((await text('/mod/queue', ctx.manager)).page).toContain('Earlier sanction reason');
  });
});

describe('sanctions', () => {
  const standing = (id: number) => ctx.row<{ silenced_until: number | null; suspended_until: number | null }>('select silenced_until, suspended_until from users where id = ?', id);
  const logCount = () => ctx.row<{ n: number }>('select count(*) as n from mod_log').n;

  it('are refused to a scoped manager, with nothing changed', async () => {
    const before = logCount();
    for (const kind of ['silence', 'suspend']) {
      const response = await ctx.http.post(`/mod/users/erin/${kind}`, { days: '3', reason: 'Rude' }, { as: sam });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('managers of every category');
    }
    expect((await ctx.http.post('/mod/users/dave/unsilence', {}, { as: sam })).status).toBe(403);
    expect(standing(erin.id)).toEqual({ silenced_until: null, suspended_until: null });
    expect(standing(ctx.dave.id).silenced_until).not.toBeNull();
    expect(logCount()).toBe(before);
  });

  it('work for a manager of every category and for an admin', async () => {
    expect(location(await ctx.http.post('/mod/users/erin/silence', { days: '3', reason: 'Rude' }, { as: ctx.manager }))).toBe('/mod/users/erin?done=silence');
    expect(location(await ctx.http.post('/mod/users/erin/unsilence', {}, { as: ctx.admin }))).toBe('/mod/users/erin?done=unsilence');
    expect(location(await ctx.http.post('/mod/users/erin/suspend', { days: '1', reason: 'Spam' }, { as: ctx.admin }))).toBe('/mod/users/erin?done=suspend');
    expect(location(await ctx.http.post('/mod/users/erin/unsuspend', {}, { as: ctx.manager }))).toBe('/mod/users/erin?done=unsuspend');
  });

  it('the member page tells a scoped manager who can sanction, and offers no sanction form', async () => {
    const { status, page } = await text('/mod/users/dave', sam);
    expect(status).toBe(200);
    expect(page).toContain('Silencing and suspending apply to the whole community, so only admins and managers of every category can do them.');
    expect(page).not.toContain('/mod/users/dave/silence"');
    expect(page).not.toContain('/mod/users/dave/suspend"');
    expect(page).not.toContain('/mod/users/dave/unsilence"');
    // Whether a sanction is in force concerns their categories too; its reason is in the history.
    expect(page).toContain('Silenced until');
    expect(page).not.toContain('Community-wide sanction reason');
    const full = await text('/mod/users/dave', ctx.manager);
    expect(full.page).toContain('/mod/users/dave/suspend"');
    expect(full.page).toContain('Community-wide sanction reason');
  });
});
