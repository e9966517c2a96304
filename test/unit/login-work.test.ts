import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { logIn, type LoginLockout } from '../../src/auth/accounts.js';
import { makeUser } from '../../src/demo/factories.js';
import { localeFormat } from '../../src/i18n/translator.js';
import { ValidationError, type ErrorText } from '../../src/lib/errors.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

// A failed sign-in must cost the same whatever the reason: an unknown account, a wrong password, a
// locked-out account (even with the right password). Counting argon2 verifications shows the work
// without timing anything.

const verified = vi.hoisted(() => ({ hashes: [] as string[] }));
vi.mock('../../src/auth/password.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/auth/password.js')>();
  return {
    ...real,
    verifyPassword: (stored: string, password: string) => {
      verified.hashes.push(stored);
      return real.verifyPassword(stored, password);
    },
  };
});

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await makeUser(ctx.services, { username: 'ingrid', email: 'ingrid@example.com', password: 'ingrid has a long password' });
});
afterAll(() => ctx.close());
beforeEach(() => void (verified.hashes.length = 0));

const locked: LoginLockout = { isLocked: () => true, recordFailure: () => undefined };

/** What the member is told, in English. */
function englishText(text: ErrorText | undefined): string | undefined {
  return text === undefined || typeof text === 'string' ? text : localeFormat('en', 'UTC').t(text.key, text.values);
}

async function failure(attempt: Promise<unknown>): Promise<string | undefined> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return error instanceof ValidationError ? englishText(error.fields['form']) : 'did not fail';
}

describe('the work behind a failed sign-in', () => {
  it('verifies exactly one argon2id hash for an unknown account, a wrong password and a locked account', async () => {
    const wrong = await failure(logIn(ctx.services, { login: 'ingrid', password: 'not the password' }));
    const unknown = await failure(logIn(ctx.services, { login: 'nobody-here', password: 'not the password' }));
    const lockedOut = await failure(logIn(ctx.services, { login: 'ingrid@example.com', password: 'ingrid has a long password' }, locked));
    expect(unknown).toBe(wrong);
    expect(lockedOut).toBe(wrong);
    expect(verified.hashes).toHaveLength(3);
    for (const hash of verified.hashes) expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('keys the lockout on the account found, whichever name was typed, and on the typed name otherwise', async () => {
    const keys: string[] = [];
    const recording: LoginLockout = { isLocked: (key) => (keys.push(key), false), recordFailure: () => undefined };
    await failure(logIn(ctx.services, { login: 'INGRID', password: 'x' }, recording));
    await failure(logIn(ctx.services, { login: ' Ingrid@Example.com ', password: 'x' }, recording));
    await failure(logIn(ctx.services, { login: 'Nobody-Here', password: 'x' }, recording));
    expect(keys[0]).toMatch(/^account:\d+$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe('login:nobody-here');
  });
});
