import { and, eq } from 'drizzle-orm';
import { users, type Role } from '../db/schema.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { assertValid, Forbidden, ValidationError, type FieldErrors } from '../lib/errors.js';
import { characterCount } from '../lib/text.js';
import { hashPassword, verifyPassword } from './password.js';
import { msg, type Message } from '../i18n/message.js';
import { usernameKeyTaken } from '../profiles/username-keys.js';

// Usernames are ASCII letters, digits, `_` and `-` only. We do apply NFKC first, so full-width
// input from an IME (`ＡＬＩＣＥ`) folds to the ASCII name it looks like instead of being refused;
// but we do not accept other scripts, because mixed-script look-alikes (Cyrillic `а` for Latin `a`)
// would let one member impersonate another, and a brand's staff must be recognisable.

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 20;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

const USERNAME_PATTERN = /^[A-Za-z0-9_-]+$/;
// Deliberately loose: something@something.tld. The only real check is a message that arrives.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const MESSAGES = {
  usernameMissing: msg('signup.usernameMissing'),
  usernameLength: msg('signup.usernameLength', { min: USERNAME_MIN, max: USERNAME_MAX }),
  usernameCharacters: msg('signup.usernameCharacters'),
  usernameTaken: msg('signup.usernameTaken'),
  emailMissing: msg('signup.emailMissing'),
  emailInvalid: msg('signup.emailInvalid'),
  emailLong: msg('signup.emailLong', { max: EMAIL_MAX }),
  // A taken address is not confirmed outright, so signup cannot be used to test who has an account.
  emailTaken: msg('signup.emailTaken'),
  passwordShort: msg('password.tooShort', { min: PASSWORD_MIN }),
  passwordLong: msg('password.tooLong', { max: PASSWORD_MAX }),
  loginMissing: msg('login.missing'),
  passwordMissing: msg('login.passwordMissing'),
  loginFailed: msg('login.failed'),
  alreadySignedIn: msg('signup.alreadySignedIn'),
} as const;

/**
 * A suspended member who gave the right password: the route says until when, in the reader's
 * language and time zone (a date cannot be formatted here, where the reader is unknown).
 */
export class AccountSuspended extends Forbidden {
  constructor(
    readonly until: number,
    readonly reason: string | null,
  ) {
    super(msg('login.suspended', { until: new Date(until).toISOString() }));
  }
}

/** `verified`: the address is known to work (accounts made by an operator or the demo seed). */
export type NewUser = { username: string; email: string; password: string; role?: Role; verified?: boolean };

const length = characterCount;

export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim();
}

export function usernameKey(username: string): string {
  return normalizeUsername(username).toLowerCase();
}

export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim();
}

export function emailKey(email: string): string {
  return normalizeEmail(email).toLowerCase();
}

export function usernameError(username: string): Message | undefined {
  if (username.length === 0) return MESSAGES.usernameMissing;
  if (length(username) < USERNAME_MIN || length(username) > USERNAME_MAX) return MESSAGES.usernameLength;
  if (!USERNAME_PATTERN.test(username)) return MESSAGES.usernameCharacters;
  return undefined;
}

export function emailError(email: string): Message | undefined {
  if (email.length === 0) return MESSAGES.emailMissing;
  if (length(email) > EMAIL_MAX) return MESSAGES.emailLong;
  if (!EMAIL_PATTERN.test(email)) return MESSAGES.emailInvalid;
  return undefined;
}

export function passwordError(password: string): Message | undefined {
  if (length(password) < PASSWORD_MIN) return MESSAGES.passwordShort;
  if (length(password) > PASSWORD_MAX) return MESSAGES.passwordLong;
  return undefined;
}

/** The one account that owns an address (others made with it at signup never do: see users.addressTaken). */
export function addressOwner(key: string) {
  return and(eq(users.emailKey, key), eq(users.addressTaken, false));
}

function takenErrors(ctx: ServiceContext, keys: { usernameKey: string; emailKey: string }): FieldErrors {
  const { db } = ctx;
  const errors: FieldErrors = {};
  if (usernameKeyTaken(db, keys.usernameKey)) {
    errors['username'] = MESSAGES.usernameTaken;
  }
  if (db.select({ id: users.id }).from(users).where(addressOwner(keys.emailKey)).get()) {
    errors['email'] = MESSAGES.emailTaken;
  }
  return errors;
}

/** Maps a UNIQUE violation (two signups racing for one name) to the message a slower check gives. */
export function uniqueViolation(error: unknown): FieldErrors | undefined {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') continue;
    if (cause.message.includes('users.username_key')) return { username: MESSAGES.usernameTaken };
    if (cause.message.includes('users.email_key')) return { email: MESSAGES.emailTaken };
  }
  return undefined;
}

/** Creates an account without a viewer check: signup, the CLI, the demo seed and test factories. */
export async function createUser(ctx: ServiceContext, input: NewUser): Promise<SignedIn> {
  const username = normalizeUsername(input.username);
  const email = normalizeEmail(input.email);
  assertValid({ username: usernameError(username), email: emailError(email), password: passwordError(input.password) });

  const keys = { usernameKey: username.toLowerCase(), emailKey: email.toLowerCase() };
  const taken = takenErrors(ctx, keys);
  if (Object.keys(taken).length > 0) throw new ValidationError(taken);

  const passwordHash = await hashPassword(input.password);
  const createdAt = ctx.now();
  const role = input.role ?? 'member';
  try {
    const row = ctx.db
      .insert(users)
      .values({ username, email, ...keys, passwordHash, role, createdAt, emailVerifiedAt: input.verified ? createdAt : null })
      .returning({ id: users.id })
      .get();
    return { id: row.id, username, role, createdAt };
  } catch (error) {
    const fields = uniqueViolation(error);
    if (fields) throw new ValidationError(fields);
    throw error;
  }
}

// Unknown accounts are checked against this hash so a failed login takes as long whether or not the
// account exists. Made lazily with the current parameters, so it keeps matching real hashes' cost.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('hearth-dummy-password-never-matches');
  return dummyHash;
}

/**
 * Failed-login lockout, kept by the caller (the route's rate limiter). Keys name the account found
 * (`account:ID`, so its username and its address share one count) or, for a login that matches no
 * account, the typed string (`login:STRING`), so unknown accounts lock out like real ones.
 */
export type LoginLockout = { isLocked(key: string): boolean; recordFailure(key: string): void };

const noLockout: LoginLockout = { isLocked: () => false, recordFailure: () => undefined };

function findLoginAccount(ctx: ServiceContext, login: string) {
  const where = login.includes('@') ? addressOwner(login.toLowerCase()) : eq(users.usernameKey, login.toLowerCase());
  return ctx.db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      createdAt: users.createdAt,
      passwordHash: users.passwordHash,
      suspendedUntil: users.suspendedUntil,
      suspendReason: users.suspendReason,
    })
    .from(users)
    .where(where)
    .get();
}

/**
 * Checks a username-or-email and password; returns the user to start a session for. The same
 * password-hash work is done whether the account exists, is locked out or not: the answer's
 * timing tells nothing (a locked account is not even told that the right password was right).
 */
export async function logIn(ctx: ServiceContext, input: { login: string; password: string }, lockout: LoginLockout = noLockout): Promise<SignedIn> {
  const login = input.login.normalize('NFKC').trim();
  assertValid({
    login: login.length === 0 ? MESSAGES.loginMissing : undefined,
    password: input.password.length === 0 ? MESSAGES.passwordMissing : undefined,
  });

  const row = findLoginAccount(ctx, login);
  const key = row ? `account:${row.id}` : `login:${login.toLowerCase()}`;
  const locked = lockout.isLocked(key);
  const matches = await verifyPassword(row?.passwordHash ?? (await getDummyHash()), input.password);
  if (!row || !matches || locked) {
    lockout.recordFailure(key);
    throw new ValidationError({ form: MESSAGES.loginFailed }, MESSAGES.loginFailed);
  }
  // Told only after the right password, so suspension reveals nothing about who has an account.
  if (row.suspendedUntil !== null && row.suspendedUntil > ctx.now()) {
    throw new AccountSuspended(row.suspendedUntil, row.suspendReason);
  }
  return { id: row.id, username: row.username, role: row.role, createdAt: row.createdAt };
}
