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

  it('refuses a bad period with 422, keeping the values, and shows the default period', async () => {
    const response = await t.http.get('/mod/insights?from=2026-11-10&to=2026-11-02', { as: t.admin });
    expect(response.status).toBe(422);
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
