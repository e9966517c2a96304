import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext, location } from '../helpers/forum.js';

// Claims (src/moderation/claims.ts): staff who moderate a thread's category say "I am on it".
// mia (manager) and ada (admin) moderate everything; sam is a manager scoped to `scales`.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let sam: SignedIn;
let carol: SignedIn;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Kettle questions', slug: 'help', kind: 'questions' });
  const scales = makeCategory(ctx.services, { name: 'Kitchen Scales', slug: 'scales' });
  sam = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  carol = await makeUser(ctx.services, { username: 'carol' });
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(scales.id)] }, { as: ctx.admin })).status).toBe(303);
});
afterAll(() => ctx.close());

async function question(title: string) {
  const thread = await makeThread(ctx.services, ctx.member, { category: 'help', title, body: 'My kettle stops at 90 °C, why?' });
  return { ...thread, path: `/t/${thread.threadId}/${thread.slug}` };
}

/** A page's bytes without its per-response nonces. */
const withoutNonces = (text: string) => text.replace(/nonce="[^"]*"/g, 'nonce=""');
const page = async (path: string, as?: SignedIn) => (await ctx.http.get(path, as ? { as } : {})).text();
const claimOf = (threadId: number) => ctx.db.$client.prepare('select user_id as userId from thread_claims where thread_id = ?').get(threadId) as { userId: number } | undefined;
const auditOf = (threadId: number) =>
  ctx.db.$client.prepare('select action, actor_id as actorId, target_user_id as targetUserId, details from mod_log where target_thread_id = ? order by id').all(threadId) as {
    action: string;
    actorId: number;
    targetUserId: number | null;
    details: string | null;
  }[];

describe('claiming a thread', () => {
  it('lets a manager claim from the thread page, shows it to staff, and audits it', async () => {
    const q = await question('Kettle stops early');
    expect(await page(q.path, ctx.manager)).toContain(`action="/t/${q.threadId}/claim"`);
    expect(location(await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.manager }))).toBe(q.path);
    expect(claimOf(q.threadId)).toEqual({ userId: ctx.manager.id });
    const mias = await page(q.path, ctx.manager);
    expect(mias).toContain('You are on it');
    expect(mias).toContain(`action="/t/${q.threadId}/release"`);
    expect(await page(q.path, ctx.admin)).toMatch(/<strong><bdi>mia<\/bdi><\/strong> is on it/);
    expect(auditOf(q.threadId)).toEqual([{ action: 'claim_thread', actorId: ctx.manager.id, targetUserId: null, details: null }]);
    // Claiming one's own claim again changes nothing.
    expect((await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.manager })).status).toBe(303);
    expect(auditOf(q.threadId)).toHaveLength(1);
  });

  it('refuses a thread another manager claimed, naming who has it', async () => {
    const q = await question('Kettle beeps twice');
    await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.manager });
    const refused = await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.admin });
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).toContain('mia is already on this thread');
    expect(text).toContain(`href="/t/${q.threadId}"`);
    expect(claimOf(q.threadId)).toEqual({ userId: ctx.manager.id });
  });

  it('lets other staff release someone else’s claim, naming its owner in the audit log', async () => {
    const q = await question('Kettle lid will not close');
    await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.manager });
    expect(await page(q.path, ctx.admin)).toContain('Release their claim');
    expect(location(await ctx.http.post(`/t/${q.threadId}/release`, {}, { as: ctx.admin }))).toBe(q.path);
    expect(claimOf(q.threadId)).toBeUndefined();
    expect(auditOf(q.threadId).at(-1)).toEqual({ action: 'release_thread', actorId: ctx.admin.id, targetUserId: ctx.manager.id, details: JSON.stringify({ claimedBy: 'mia' }) });
    expect(await page('/mod/log', ctx.admin)).toContain('claimed by mia');
    // Now ada may claim it, and release her own without naming anyone.
    expect((await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.admin })).status).toBe(303);
    expect((await ctx.http.post(`/t/${q.threadId}/release`, {}, { as: ctx.admin })).status).toBe(303);
    expect(auditOf(q.threadId).at(-1)).toMatchObject({ action: 'release_thread', actorId: ctx.admin.id, targetUserId: null, details: null });
  });

  it('refuses members, visitors and managers of other categories', async () => {
    const q = await question('Kettle smells of plastic');
    for (const action of ['claim', 'release']) {
      expect((await ctx.http.post(`/t/${q.threadId}/${action}`, {}, { as: ctx.member })).status).toBe(403);
      expect((await ctx.http.post(`/t/${q.threadId}/${action}`, {}, { as: sam })).status).toBe(403);
      expect(location(await ctx.http.post(`/t/${q.threadId}/${action}`))).toBe(`/login?next=${encodeURIComponent(`/t/${q.threadId}`)}`);
    }
    expect((await ctx.http.post('/t/999999/claim', {}, { as: ctx.manager })).status).toBe(404);
    expect(claimOf(q.threadId)).toBeUndefined();
    // sam's own category is his to claim.
    const scaleThread = await makeThread(ctx.services, carol, { category: 'scales', title: 'Scale shows Err 4', body: 'What does Err 4 mean?' });
    expect((await ctx.http.post(`/t/${scaleThread.threadId}/claim`, {}, { as: sam })).status).toBe(303);
    expect(claimOf(scaleThread.threadId)).toEqual({ userId: sam.id });
  });

  it('never shows a claim to members or visitors, nor changes the cached page', async () => {
    const q = await question('Kettle light stays red');
    const anonymousBefore = await ctx.http.get(q.path);
    const etag = anonymousBefore.headers.get('etag');
    const before = withoutNonces(await anonymousBefore.text());
    await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.manager });
    const anonymousAfter = await ctx.http.get(q.path);
    expect(anonymousAfter.headers.get('etag')).toBe(etag);
    expect(withoutNonces(await anonymousAfter.text())).toBe(before);
    for (const viewer of [ctx.member, carol, sam, undefined]) {
      const theirs = await page(q.path, viewer);
      expect(theirs, viewer?.username ?? 'anonymous').not.toContain('is on it');
      expect(theirs, viewer?.username ?? 'anonymous').not.toContain('/claim"');
      expect(theirs, viewer?.username ?? 'anonymous').not.toContain('/release"');
      expect(theirs, viewer?.username ?? 'anonymous').not.toContain('claim-status');
    }
    // Staff views in between do not leak into the next member's page.
    await page(q.path, ctx.manager);
    expect(await page(q.path, carol)).not.toContain('claim-status');
  });
});

describe('claims released by an answer', () => {
  it('ends when a staff member replies, not when a member does', async () => {
    const q = await question('Kettle switch is loose');
    await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.manager });
    await makeReply(ctx.services, ctx.other, { threadId: q.threadId, body: 'Mine too, it is normal.' });
    expect(claimOf(q.threadId)).toEqual({ userId: ctx.manager.id });
    // Another staff member's reply releases it as well.
    expect((await ctx.http.post(`/t/${q.threadId}/replies`, { body: 'The switch clicks in a little: that is by design.' }, { as: ctx.admin })).status).toBe(303);
    expect(claimOf(q.threadId)).toBeUndefined();
    expect(await page(q.path, ctx.manager)).toContain(`action="/t/${q.threadId}/claim"`);
  });

  it('ends when an answer is accepted', async () => {
    const q = await question('Kettle will not pair with the app');
    const bobs = await makeReply(ctx.services, ctx.other, { threadId: q.threadId, body: 'Turn Bluetooth off and on again.' });
    await ctx.http.post(`/t/${q.threadId}/claim`, {}, { as: ctx.manager });
    expect((await ctx.http.post(`/p/${bobs.postId}/accept`, {}, { as: ctx.member })).status).toBe(303);
    expect(claimOf(q.threadId)).toBeUndefined();
  });
});
