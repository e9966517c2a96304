import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { SAVED_REPLIES_PAGE_SIZE } from '../../src/moderation/saved-replies.js';
import { createForumContext, location } from '../helpers/forum.js';

// Saved replies (/mod/saved-replies) and the picker in staff's reply box, which works without
// JavaScript: "Insert" posts the form to a preview step that fills the box and posts nothing.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let sam: SignedIn;
beforeAll(async () => {
  ctx = await createForumContext();
  const scales = makeCategory(ctx.services, { name: 'Kitchen Scales', slug: 'scales' });
  sam = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(scales.id)] }, { as: ctx.admin })).status).toBe(303);
});
afterAll(() => ctx.close());

const rows = () => ctx.db.$client.prepare('select id, title, body, created_by_id as createdById, updated_by_id as updatedById from saved_replies order by id').all() as { id: number; title: string; body: string; createdById: number; updatedById: number }[];
const page = async (path: string, as?: SignedIn) => (await ctx.http.get(path, as ? { as } : {})).text();

async function addReply(title: string, body: string, as: SignedIn = ctx.manager): Promise<number> {
  expect(location(await ctx.http.post('/mod/saved-replies', { title, body }, { as }))).toBe('/mod/saved-replies?done=created');
  return rows().find((row) => row.title === title)!.id;
}

describe('/mod/saved-replies', () => {
  it('lets a manager add a saved reply, another staff member edit it, and any delete it after confirming', async () => {
    const id = await addReply('How to descale', 'Fill with **citric acid** solution and boil twice.');
    const list = await page('/mod/saved-replies?done=created', ctx.manager);
    expect(list).toContain('Saved reply added.');
    expect(list).toContain(`href="/mod/saved-replies/${id}/edit"`);
    expect(list).toContain('How to descale');
    expect(list).toContain('href="/mod/saved-replies" aria-current="page"');
    const edit = await page(`/mod/saved-replies/${id}/edit`, ctx.admin);
    expect(edit).toContain('Fill with **citric acid** solution and boil twice.</textarea>');
    expect(location(await ctx.http.post(`/mod/saved-replies/${id}/edit`, { title: 'Descaling the kettle', body: 'Use citric acid.' }, { as: ctx.admin }))).toBe('/mod/saved-replies?done=saved');
    expect(rows().find((row) => row.id === id)).toMatchObject({ title: 'Descaling the kettle', body: 'Use citric acid.', createdById: ctx.manager.id, updatedById: ctx.admin.id });
    // The first press asks; nothing is gone yet.
    const asked = await ctx.http.post(`/mod/saved-replies/${id}/delete`, {}, { as: sam });
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('Descaling the kettle');
    expect(question).toContain('name="confirm" value="yes"');
    expect(rows().some((row) => row.id === id)).toBe(true);
    expect(location(await ctx.http.post(`/mod/saved-replies/${id}/delete`, { confirm: 'yes' }, { as: sam }))).toBe('/mod/saved-replies?done=deleted');
    expect(rows().some((row) => row.id === id)).toBe(false);
    expect((await ctx.http.get(`/mod/saved-replies/${id}/edit`, { as: ctx.manager })).status).toBe(404);
  });

  it('shows the forms again with 422, the errors and the text kept', async () => {
    const longTitle = 'x'.repeat(121);
    const refused = await ctx.http.post('/mod/saved-replies', { title: longTitle, body: 'Kept body text' }, { as: ctx.manager });
    expect(refused.status).toBe(422);
    const text = await refused.text();
    expect(text).toContain('The title is 121 characters long; please keep it to 120.');
    expect(text).toContain(`value="${longTitle}"`);
    expect(text).toContain('Kept body text</textarea>');
    const empty = await ctx.http.post('/mod/saved-replies', { title: '  ', body: '' }, { as: ctx.manager });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Give the saved reply a title');
    const id = await addReply('Serial number', 'It is under the base.');
    const badEdit = await ctx.http.post(`/mod/saved-replies/${id}/edit`, { title: 'Serial number', body: '   ' }, { as: ctx.manager });
    expect(badEdit.status).toBe(422);
    expect(await badEdit.text()).toContain('value="Serial number"');
    expect(rows().find((row) => row.id === id)!.body).toBe('It is under the base.');
  });

  it('is for staff only', async () => {
    const id = await addReply('Warranty', 'Two years from purchase.');
    expect((await ctx.http.get('/mod/saved-replies', { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post('/mod/saved-replies', { title: 'Mine', body: 'Mine' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/mod/saved-replies/${id}/edit`, { title: 'Mine', body: 'Mine' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/mod/saved-replies/${id}/delete`, { confirm: 'yes' }, { as: ctx.member })).status).toBe(403);
    expect(location(await ctx.http.get('/mod/saved-replies'))).toContain('/login');
    expect(rows().find((row) => row.id === id)!.title).toBe('Warranty');
  });

  it('pages the list by title', async () => {
    for (let index = 0; index < SAVED_REPLIES_PAGE_SIZE; index++) await addReply(`Zz paged ${String(index).padStart(2, '0')}`, 'Body');
    const first = await page('/mod/saved-replies', ctx.manager);
    const next = first.match(/href="\/mod\/saved-replies\?after=([0-9]+)"/);
    expect(next).not.toBeNull();
    const second = await page(`/mod/saved-replies?after=${next![1]}`, ctx.manager);
    expect(second).toContain('Zz paged 49');
    expect(first).not.toContain('Zz paged 49');
    expect(second).not.toContain('rel="next"');
  });
});

describe('the saved-reply picker in the reply box', () => {
  it('fills the box without JavaScript, keeping the typed text, and posts nothing', async () => {
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Kettle shows E3', body: 'What does E3 mean?' });
    const id = await addReply('Error codes', 'E3 means the kettle is **dry**: fill it <above> the minimum.');
    const path = `/t/${thread.threadId}/${thread.slug}`;
    const staffPage = await page(path, ctx.manager);
    expect(staffPage).toContain('<select id="field-savedReply" name="savedReply"');
    expect(staffPage).toContain(`<option value="${id}" data-body="E3 means the kettle is **dry**: fill it &lt;above&gt; the minimum.">Error codes</option>`);
    const submission = staffPage.match(/name="submission" value="([^"]+)"/)![1]!;
    const posts = () => ctx.db.$client.prepare('select count(*) from posts where thread_id = ?').pluck().get(thread.threadId) as number;
    const before = posts();
    const filled = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Hi alice,', savedReply: String(id), intent: 'insert', submission }, { as: ctx.manager });
    expect(filled.status).toBe(200);
    const text = await filled.text();
    expect(text).toContain('Hi alice,\n\nE3 means the kettle is **dry**: fill it &lt;above&gt; the minimum.</textarea>');
    expect(text).toContain(`name="submission" value="${submission}"`);
    expect(posts()).toBe(before);
    // Sending it then posts the reply as usual.
    expect((await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Hi alice,\n\nE3 means the kettle is dry.', submission }, { as: ctx.manager })).status).toBe(303);
    expect(posts()).toBe(before + 1);
  });

  it('says what to do when no saved reply was chosen, keeping the text', async () => {
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Kettle handle is hot', body: 'Is that normal?' });
    await addReply('Handle heat', 'The handle stays cool on all our models.');
    const refused = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'My typed text', savedReply: '', intent: 'insert' }, { as: ctx.manager });
    expect(refused.status).toBe(422);
    const text = await refused.text();
    expect(text).toContain('Choose a saved reply to insert');
    expect(text).toContain('My typed text</textarea>');
  });

  it('is never shown to members, and a member cannot use the insert step', async () => {
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Kettle base wobbles', body: 'Mine wobbles.' });
    const id = await addReply('Wobbly base', 'Check the four feet are in place.');
    const path = `/t/${thread.threadId}/${thread.slug}`;
    for (const viewer of [ctx.manager, ctx.member, ctx.other, sam, undefined]) {
      const theirs = await page(path, viewer);
      const staff = viewer === ctx.manager;
      expect(theirs.includes('name="savedReply"'), viewer?.username ?? 'anonymous').toBe(staff);
      expect(theirs.includes('Check the four feet'), viewer?.username ?? 'anonymous').toBe(staff);
    }
    const refused = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Typed', savedReply: String(id), intent: 'insert' }, { as: ctx.member });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('Check the four feet');
  });

  it('shows a saved reply added, changed or deleted at the next view', async () => {
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Kettle is noisy', body: 'It rumbles.' });
    const path = `/t/${thread.threadId}/${thread.slug}`;
    await page(path, ctx.manager);
    const id = await addReply('Noise', 'Some rumbling is normal before the boil.');
    expect(await page(path, ctx.manager)).toContain('>Noise</option>');
    await ctx.http.post(`/mod/saved-replies/${id}/edit`, { title: 'Noise while heating', body: 'Rumbling is normal.' }, { as: ctx.manager });
    const changed = await page(path, ctx.manager);
    expect(changed).toContain('>Noise while heating</option>');
    expect(changed).toContain('data-body="Rumbling is normal."');
    await ctx.http.post(`/mod/saved-replies/${id}/delete`, { confirm: 'yes' }, { as: ctx.manager });
    expect(await page(path, ctx.manager)).not.toContain('Noise while heating');
  });
});
