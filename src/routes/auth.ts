import { localeFromCookieHeader } from '../i18n/request-locale.js';
import { isUntilLifted } from '../moderation/sanction-end.js';
import { Hono, type Context } from 'hono';
import { AccountSuspended, logIn, MESSAGES, type LoginLockout } from '../auth/accounts.js';
import { clearSessionCookie, writeSessionCookie } from '../auth/cookie.js';
import { createSession, invalidateSession } from '../auth/session.js';
import { signUp } from '../auth/signup.js';
import type { SignInMethod } from '../db/schema.js';
import { recordSignIn } from '../privacy/sign-in-events.js';
import { Forbidden, RateLimited, ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { clientAddress } from './limits.js';
import { quotedReasonKey } from '../../views/components/notification-text.js';
import { loginPage, type LoginPageProps } from '../../views/pages/login.js';
import { signupPage } from '../../views/pages/signup.js';
import type { AppEnv } from './env.js';
import { forgetProviderSignIn, localOnlyRefusal, loginChoices, signsOutAtProvider } from './oidc-local.js';
import { renderPage, fieldTexts } from './render.js';

const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * `next` is only followed to a path on this site: one leading `/`, never `//` or `/\` (both mean
 * "another host" to browsers), no control characters (browsers drop tabs and newlines, which could
 * turn `/\t/evil` into `//evil`). Anything else sends people home instead of to another site.
 */
export function localPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || CONTROL_OR_BACKSLASH.test(value)) return undefined;
  const base = 'http://hearth.invalid';
  try {
    return new URL(value, base).origin === base ? value : undefined;
  } catch {
    return undefined;
  }
}

type Form = Record<string, string | File | (string | File)[]>;

/** A text field from a urlencoded form; a missing, repeated or file field counts as empty. */
function text(form: Form, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** Pages that depend on the session cookie must never be stored by a shared cache. */
export function noStore(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'private, no-store');
}

/**
 * Starts a fresh session (a new token at every sign-in) and ends the one the browser had. `method`
 * records the sign-in in the member's history; a new session after a password change is none.
 */
export function signIn(c: Context<AppEnv>, user: { id: number }, method?: SignInMethod): void {
  const { db, now } = c.get('services');
  const sessionId = c.get('sessionId');
  if (sessionId) invalidateSession(db, sessionId);
  const { token, session } = createSession(db, user.id, now(), c.req.header('user-agent'));
  writeSessionCookie(c, token, session, c.get('config').secureCookies);
  if (method) recordSignIn(db, { userId: user.id, method, address: clientAddress(c), userAgent: c.req.header('user-agent'), now: now() });
}

/** Failed sign-ins per account (or per unknown login), counted in the app's rate limiter. */
export function loginLockout(c: Context<AppEnv>): LoginLockout {
  const limits = c.get('limits');
  const rule = rules.loginFailuresPerAccount;
  return {
    isLocked: (key) => limits.wait(`login-failures:${key}`, rule) > 0,
    recordFailure: (key) => {
      try {
        limits.take(`login-failures:${key}`, rule);
      } catch {
        // Already locked: the answer stays the same.
      }
    },
  };
}

/** Why a right password still does not sign in: a suspension says until when, in the reader's time zone. */
export function refusal(c: Context<AppEnv>, error: Forbidden): string {
  const i18n = c.get('i18n');
  if (!(error instanceof AccountSuspended)) return i18n.message(error.text);
  const reason = error.reason ? i18n.t(quotedReasonKey(error.reason.trim()), { reason: error.reason.trim() }) : null;
  if (isUntilLifted(error.until)) return reason ? i18n.t('login.suspendedUntilLiftedWithReason', { reason }) : i18n.t('login.suspendedUntilLifted');
  const until = i18n.dateTime(error.until);
  return reason ? i18n.t('login.suspendedWithReason', { until, reason }) : i18n.t('login.suspended', { until });
}

export const authRoutes = new Hono<AppEnv>()
  .get('/signup', (c) => {
    noStore(c);
    if (c.get('viewer')) return c.redirect('/', 303);
    const refused = localOnlyRefusal(c, 'signup');
    if (refused) return refused;
    const next = localPath(c.req.query('next'));
    return renderPage(c, signupPage({ i18n: c.get('i18n'), values: {}, errors: {}, next }), { title: c.get('i18n').t('layout.signUp') });
  })
  .post('/signup', async (c) => {
    noStore(c);
    const refused = localOnlyRefusal(c, 'signup');
    if (refused) return refused;
    const form = await c.req.parseBody();
    const input = { username: text(form, 'username'), email: text(form, 'email'), password: text(form, 'password') };
    const next = localPath(text(form, 'next'));
    const values = { username: input.username, email: input.email };
    try {
      c.get('limits').take(`signup:${clientAddress(c)}`, rules.signupPerIp);
      // The same answer whether or not the address was taken (src/auth/signup.ts).
      // A language the visitor chose (the picker's cookie) becomes the new member's own, so the
      // confirmation email and their pages stay in it; the community's default is not a choice.
      const locale = localeFromCookieHeader(c.req.header('cookie'));
      signIn(c, await signUp(c.get('services'), c.get('viewer'), { ...input, locale }), 'password');
      return c.redirect(next ?? '/', 303);
    } catch (error) {
      if (error instanceof RateLimited) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return renderPage(c, signupPage({ i18n: c.get('i18n'), values, errors: { form: c.get('i18n').message(error.text) }, next }), { title: c.get('i18n').t('layout.signUp') }, 429);
      }
      if (!(error instanceof ValidationError)) throw error;
      return renderPage(c, signupPage({ i18n: c.get('i18n'), values, errors: fieldTexts(c, error.fields), next }), { title: c.get('i18n').t('layout.signUp') }, 422);
    }
  })
  .get('/login', (c) => {
    noStore(c);
    if (c.get('viewer')) return c.redirect('/', 303);
    const next = localPath(c.req.query('next'));
    const notice = c.req.query('reset') === '1' ? c.get('i18n').t('login.resetNotice') : undefined;
    return renderPage(c, loginPage({ i18n: c.get('i18n'), values: {}, errors: {}, next, notice, ...loginChoices(c, c.req.query('local')) }), { title: c.get('i18n').t('layout.logIn') });
  })
  .post('/login', async (c) => {
    noStore(c);
    const form = await c.req.parseBody();
    const input = { login: text(form, 'login'), password: text(form, 'password') };
    const next = localPath(text(form, 'next'));
    const choices = loginChoices(c, text(form, 'local'));
    const refused = localOnlyRefusal(c, 'login', choices.breakGlass);
    if (refused) return refused;
    const page = (props: Omit<LoginPageProps, 'i18n' | 'next'>) => loginPage({ i18n: c.get('i18n'), next, ...choices, ...props });
    try {
      c.get('limits').take(`login:${clientAddress(c)}`, rules.loginPerIp);
      // A locked-out account answers exactly like a wrong password, after the same work.
      const user = await logIn(c.get('services'), input, loginLockout(c));
      // The break-glass path signs in administrators only; anyone else is told the same as a wrong password.
      if (choices.breakGlass && user.role !== 'admin') throw new ValidationError({ form: MESSAGES.loginFailed }, MESSAGES.loginFailed);
      if (choices.breakGlass) c.get('log')(`Break-glass password sign-in by administrator ${user.username} from ${clientAddress(c)}`);
      signIn(c, user, 'password');
      forgetProviderSignIn(c);
      return c.redirect(next ?? '/', 303);
    } catch (error) {
      if (error instanceof RateLimited) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return renderPage(c, page({ values: { login: input.login }, errors: { form: c.get('i18n').message(error.text) } }), { title: c.get('i18n').t('layout.logIn') }, 429);
      }
      if (error instanceof Forbidden) {
        return renderPage(c, page({ values: { login: input.login }, errors: { form: refusal(c, error) } }), { title: c.get('i18n').t('layout.logIn') }, 403);
      }
      if (!(error instanceof ValidationError)) throw error;
      return renderPage(c, page({ values: { login: input.login }, errors: fieldTexts(c, error.fields) }), { title: c.get('i18n').t('layout.logIn') }, 422);
    }
  })
  .post('/logout', (c) => {
    noStore(c);
    const sessionId = c.get('sessionId');
    if (sessionId) invalidateSession(c.get('services').db, sessionId);
    clearSessionCookie(c, c.get('config').secureCookies);
    // Signed in through the provider: sign out there too (src/routes/oidc.ts, RP-initiated logout).
    return c.redirect(signsOutAtProvider(c) ? '/auth/oidc/logout' : '/', 303);
  });
