import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema.js';
import { makeUser } from '../../src/demo/factories.js';
import { brandAccount } from '../../src/embed/brand-account.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const reset = () => ctx.db.delete(users).where(eq(users.isBrand, true)).run();

describe('the brand account', () => {
  it.each([
    ['Brewline', 'Brewline'],
    ['Kettle & Co.', 'Kettle-Co'],
    ['A very long brand name indeed', 'A-very-long-brand'],
    ['咖啡', 'Official'],
    ['Ab', 'Official'],
  ])('takes its username from the site name %j', (siteName, username) => {
    reset();
    expect(brandAccount(ctx.services, { siteName }).username).toBe(username);
  });

  it('adds a number when the name is a member’s, and is made only once', async () => {
    reset();
    await makeUser(ctx.services, { username: 'Kettleco' });
    const first = brandAccount(ctx.services, { siteName: 'Kettleco' });
    expect(first.username).toBe('Kettleco2');
    expect(brandAccount(ctx.services, { siteName: 'Another name' }).id).toBe(first.id);
    expect(ctx.db.select().from(users).where(eq(users.isBrand, true)).all()).toHaveLength(1);
  });
});
