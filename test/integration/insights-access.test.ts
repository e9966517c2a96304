import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { setManagerScope } from '../../src/auth/roles.js';
import { createForumContext } from '../helpers/forum.js';

// Who may open /mod/insights, and how bad filters are answered.

let t: Awaited<ReturnType<typeof createForumContext>>;
beforeEach(async () => {
  t = await createForumContext();
  t.clock.set(Date.UTC(2026, 10, 20, 12));
});
afterEach(() => t.close());

describe('GET /mod/insights', () => {
  it('answers staff with the dashboard and members with 403', async () => {
    await makeThread(t.services, t.member, { category: 'kettles', title: 'Kettle will not heat', body: 'It clicks off at once.' });
    expect((await t.http.get('/mod/insights', { as: t.admin })).status).toBe(200);
    expect((await t.http.get('/mod/insights', { as: t.manager })).status).toBe(200);
    expect((await t.http.get('/mod/insights', { as: t.member })).status).toBe(403);
    expect((await t.http.get('/mod/insights?format=csv', { as: t.member })).status).toBe(403);
    const anonymous = await t.http.get('/mod/insights');
    expect(anonymous.status).toBe(303);
  });

  it('refuses a bad period with 422', async () => {
    const response = await t.http.get('/mod/insights?from=2026-11-10&to=2026-11-02', { as: t.admin });
    expect(response.status).toBe(422);
  });

  it('answers a CSV request with bad values with 422 and the reason as plain text', async () => {
    const response = await t.http.get('/mod/insights?format=csv&from=2026-11-01&to=2027-01-01', { as: t.admin });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('The to date is in the future. Choose 2026-11-20 or an earlier day.');
    const table = await t.http.get('/mod/insights?format=csv&table=everything', { as: t.admin });
    expect(table.status).toBe(422);
    expect(await table.text()).toBe('There is no such table to export. Choose one of: summary, categories, weeks, unanswered, helpers, moderation, feedback, feedback_comments.');
    for (const query of ['period=12d', 'from=2026-11-01', 'from=2026-02-30&to=2026-03-01', 'from=2025-01-01&to=2026-01-02']) {
      expect((await t.http.get(`/mod/insights?format=csv&${query}`, { as: t.admin })).status, query).toBe(422);
    }
  });

  it('guards CSV cells that members wrote against spreadsheet formulas', async () => {
    const titles = ['=HYPERLINK("http://evil.example","Click")', '+1 kettle', '-2 degrees', '@SUM(A1)', 'Plain, with a comma'];
    for (const title of titles) {
      await makeThread(t.services, t.member, { category: 'kettles', title, body: 'Please help with this.' });
      t.clock.advance(60_000);
    }
    t.clock.advance(2 * 86_400_000);
    const response = await t.http.get('/mod/insights?format=csv&table=unanswered', { as: t.admin });
    const cells = (await response.text()).split('\r\n').slice(1, -1).map((line) => line.split(',')[1]);
    expect(cells).toEqual(['"\'=HYPERLINK(""http://evil.example""', "'+1 kettle", "'-2 degrees", "'@SUM(A1)", '"Plain']);
  });

  it('exports the whole worklist, not only its first page', async () => {
    for (let index = 1; index <= 51; index += 1) {
      await makeThread(t.services, t.member, { category: 'kettles', title: `Unanswered question number ${index}`, body: 'Anyone?' });
      t.clock.advance(1000);
    }
    t.clock.advance(2 * 86_400_000);
    const csv = await (await t.http.get('/mod/insights?format=csv&table=unanswered', { as: t.admin })).text();
    expect(csv.split('\r\n').length - 2).toBe(51);
  });

  it('answers 404 for an unknown category and for one outside a scoped manager’s categories', async () => {
    const other = makeCategory(t.services, { name: 'Secret Launches', slug: 'launches' });
    expect((await t.http.get('/mod/insights?category=nowhere', { as: t.admin })).status).toBe(404);
    expect((await t.http.get('/mod/insights?category=launches', { as: t.admin })).status).toBe(200);
    const scoped = await makeUser(t.services, { username: 'sam', role: 'manager' });
    setManagerScope(t.services, t.admin, { username: 'sam', categoryIds: [t.category.id] });
    const refused = await t.http.get('/mod/insights?category=launches', { as: scoped });
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('Secret Launches');
    expect(other.id).toBeGreaterThan(0);
  });
});
