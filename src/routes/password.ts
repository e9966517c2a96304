import { Hono, type Context } from 'hono';
import { checkResetToken, requestPasswordReset, resetPassword } from '../auth/password-reset.js';
import { clearSessionCookie } from '../auth/cookie.js';
import { BadToken } from '../email/unsubscribe.js';
import { RateLimited, ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { badLinkPage, forgotPasswordPage, resetPasswordPage } from '../../views/pages/email-links.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import { clientAddress } from './limits.js';
import { renderPage, fieldTexts } from './render.js';
import { tokenOf } from './email-links.js';

function badLink(c: Context<AppEnv>, error: BadToken) {
  const i18n = c.get('i18n');
  return renderPage(c, badLinkPage({ i18n, message: i18n.message(error.text), retry: { href: '/password/forgot', label: i18n.t('password.askNewLink') } }), { title: i18n.t('password.resetTitle') }, 400);
}

// Whether or not an account matches, POST /password/forgot answers with the same redirect and
// page; only the rate limits differ by input, and they count attempts, not accounts.
export const passwordRoutes = new Hono<AppEnv>()
  .get('/password/forgot', (c) => {
    c.header('Cache-Control', 'private, no-store');
    return renderPage(c, forgotPasswordPage({ i18n: c.get('i18n'), values: {}, errors: {}, sent: c.req.query('sent') === '1' }), { title: c.get('i18n').t('login.forgot') });
  })
  .post('/password/forgot', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const form = await readForm(c);
    const login = (form['login'] ?? form['email'] ?? '').slice(0, 1000);
    try {
      c.get('limits').take(`reset:${clientAddress(c)}`, rules.resetPerIp);
      c.get('limits').take(`reset-for:${login.normalize('NFKC').trim().toLowerCase()}`, rules.resetPerAddress);
      requestPasswordReset(c.get('services'), { login });
    } catch (error) {
      if (error instanceof RateLimited) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return renderPage(c, forgotPasswordPage({ i18n: c.get('i18n'), values: { login }, errors: { form: c.get('i18n').message(error.text) } }), { title: c.get('i18n').t('login.forgot') }, 429);
      }
      if (error instanceof ValidationError) return renderPage(c, forgotPasswordPage({ i18n: c.get('i18n'), values: { login }, errors: fieldTexts(c, error.fields) }), { title: c.get('i18n').t('login.forgot') }, 422);
      throw error;
    }
    return c.redirect('/password/forgot?sent=1', 303);
  })
  .get('/password/reset', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const token = await tokenOf(c);
    try {
      checkResetToken(c.get('services'), token);
    } catch (error) {
      if (error instanceof BadToken) return badLink(c, error);
      throw error;
    }
    return renderPage(c, resetPasswordPage({ i18n: c.get('i18n'), token, errors: {} }), { title: c.get('i18n').t('password.resetHeading') });
  })
  .post('/password/reset', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const form = await readForm(c);
    const token = (form['token'] ?? '').slice(0, 200);
    try {
      await resetPassword(c.get('services'), { token, password: form['password'] ?? '', confirm: form['confirm'] ?? '' });
    } catch (error) {
      if (error instanceof BadToken) return badLink(c, error);
      if (error instanceof ValidationError) return renderPage(c, resetPasswordPage({ i18n: c.get('i18n'), token, errors: fieldTexts(c, error.fields) }), { title: c.get('i18n').t('password.resetHeading') }, 422);
      throw error;
    }
    // Every session of the account ended, this browser's too: sign in again with the new password.
    clearSessionCookie(c, c.get('config').secureCookies);
    return c.redirect('/login?reset=1', 303);
  });
