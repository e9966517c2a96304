import { makeCategory, makeUser } from '../../src/demo/factories.js';
import type { Config } from '../../src/config.js';
import { createTestContext } from './app.js';

/** A fresh app with one category and a member, another member, a manager and an admin. */
export async function createForumContext(overrides: Partial<Config> = {}) {
  const ctx = await createTestContext(overrides);
  const category = makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing, descaling, the app.' });
  const [member, other, manager, admin] = await Promise.all([
    makeUser(ctx.services, { username: 'alice' }),
    makeUser(ctx.services, { username: 'bob' }),
    makeUser(ctx.services, { username: 'mia', role: 'manager' }),
    makeUser(ctx.services, { username: 'ada', role: 'admin' }),
  ]);
  return { ...ctx, category, member, other, manager, admin };
}

/** The redirect target of a 303, checked to be one. */
export function location(response: Response): string {
  const target = response.headers.get('location');
  if (response.status < 300 || response.status > 399 || !target) {
    throw new Error(`expected a redirect, got ${response.status} ${target ?? ''}`);
  }
  return target;
}
