import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGER_USERNAME } from '../../src/demo/demo-content.js';
import { runReviewAlerts } from '../../src/moderation/review-alerts.js';
import { demoSpammer } from '../../src/demo/demo-spammer.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

// The demo community's team has saved replies ready, so a manager can answer with one at once,
// and a spammer to clean up.

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

describe('the demo’s spammer', () => {
  it('shows in the lounge until the manager cleans them up in one action, blocking their domain', async () => {
    const manager = t.db.$client.prepare('select id from users where username = ?').get(MANAGER_USERNAME) as { id: number };
    const lounge = async () => (await t.http.get('/c/lounge')).text();
    const [spam] = demoSpammer.threads;
    expect(await lounge()).toContain(spam!.title);
    const panel = await (await t.http.get(`/mod/users/${demoSpammer.username}`, { as: manager })).text();
    expect(panel).toContain('cheap-parts.example');
    const cleaned = await t.http.post(`/mod/users/${demoSpammer.username}/spam-cleanup`, { confirm: 'yes', blockDomain: 'yes' }, { as: manager });
    expect(cleaned.status).toBe(303);
    expect(await lounge()).not.toContain(spam!.title);
    const hidden = t.db.$client.prepare('select count(*) from posts p join users u on u.id = p.author_id where u.username = ? and p.hidden_at is not null').pluck().get(demoSpammer.username);
    expect(hidden).toBe(demoSpammer.threads.reduce((sum, thread) => sum + 1 + thread.bumps.length, 0));
    expect(t.db.$client.prepare('select domain from blocked_email_domains').pluck().all()).toEqual(['cheap-parts.example']);
  });
});

describe('the demo’s alerts', () => {
  it('emails the manager at once, on the first check, about the post that has waited for review', () => {
    const manager = t.db.$client.prepare('select id, email from users where username = ?').get(MANAGER_USERNAME) as { id: number; email: string };
    expect(runReviewAlerts(t.db, t.clock.now()).notified).toBeGreaterThanOrEqual(1);
    const mail = t.db.$client.prepare("select subject from email_outbox where to_address = ? and kind <> 'verify_email'").pluck().all(manager.email) as string[];
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatch(/review/i);
  });
});

describe('the demo’s help articles', () => {
  it('embeds three with their discussions, and ranks the one failing its readers first in the insights', async () => {
    const manager = t.db.$client.prepare('select id from users where username = ?').get(MANAGER_USERNAME) as { id: number };
    const keys = t.db.$client.prepare('select key from thread_keys order by key').pluck().all();
    expect(keys).toEqual(['help-center.charging-the-battery', 'help-center.error-e07', 'help-center.pairing-the-ride-app']);
    const answers = t.db.$client.prepare('select embed_key as key, count(*) as answers, sum(helpful) as yes, count(comment) as comments from thread_feedback group by embed_key order by embed_key').all();
    expect(answers).toEqual([
      { key: 'help-center.charging-the-battery', answers: 13, yes: 9, comments: 3 },
      { key: 'help-center.error-e07', answers: 9, yes: 2, comments: 5 },
      { key: 'help-center.pairing-the-ride-app', answers: 9, yes: 8, comments: 1 },
    ]);
    const csv = await (await t.http.get('/mod/insights?period=30d&format=csv&table=feedback', { as: manager })).text();
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[1]).toContain('help-center.error-e07');
    const page = await (await t.http.get('/mod/insights?period=30d', { as: manager })).text();
    expect(page).toContain('What does the blinking orange light mean?');
  });
});
