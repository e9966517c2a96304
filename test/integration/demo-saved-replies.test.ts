import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGER_USERNAME } from '../../src/demo/demo-content.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

// The demo community's team has saved replies ready, so a manager can answer with one at once.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.services);
});
afterAll(() => t.close());

describe('the demo’s saved replies', () => {
  it('lists three, written by the demo’s manager, on /mod/saved-replies', async () => {
    const manager = t.db.$client.prepare('select id from users where username = ?').get(MANAGER_USERNAME) as { id: number };
    const rows = t.db.$client.prepare('select title, created_by_id as createdById from saved_replies order by title').all() as { title: string; createdById: number }[];
    expect(rows.map((row) => row.title)).toEqual(['Battery warranty', 'Error codes E-07, E-21 and E-30', 'Ride app does not reconnect (Android)']);
    expect(rows.every((row) => row.createdById === manager.id)).toBe(true);
    const page = await (await t.http.get('/mod/saved-replies', { as: manager })).text();
    for (const row of rows) expect(page).toContain(row.title);
  });
});
