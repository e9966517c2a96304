import { Hono, type Context } from 'hono';
import { changePassword, listSessions, signOutOtherSessions, signOutSession } from '../auth/account.js';
import { emailStatus, resendVerification } from '../auth/email-verification.js';
import { setEmailPreference } from '../email/preferences.js';
import { ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { accountPage } from '../../views/pages/account.js';
import { signIn } from './auth.js';
import type { AppEnv } from './env.js';
import { loginRedirect, readForm, type FormErrors } from './forms.js';
import { renderPage, fieldTexts } from './render.js';

function render(c: Context<AppEnv>, errors: FormErrors = {}, status: 200 | 422 | 429 = 200, notice?: string) {
  const viewer = c.var.viewer!;
  const sessions = listSessions(c.var.services, viewer, c.var.sessionId);
  const email = emailStatus(c.var.services, viewer);
  return renderPage(c, accountPage({ username: viewer.username, sessions, email, errors, ...(notice ? { notice } : {}) }), { title: 'Your account' }, status);
}

const notices: Record<string, string> = {
  password: 'Your password was changed. Every other device has been signed out.',
  others: 'Every other device has been signed out.',
  ended: 'That device has been signed out.',
  email: 'Your email settings were saved.',
  verification: 'We sent a new confirmation link. It works for 48 hours.',
};

export const accountRoutes = new Hono<AppEnv>()
  .get('/account', (c) => {
    if (!c.var.viewer) return loginRedirect(c);
    return render(c, {}, 200, notices[c.req.query('done') ?? '']);
  })
  .post('/account/password', async (c) => {
    if (!c.var.viewer) return loginRedirect(c);
    const form = await readForm(c);
    try {
      await changePassword(c.var.services, c.var.viewer, { current: form['current'] ?? '', next: form['next'] ?? '', confirm: form['confirm'] ?? '' });
    } catch (error) {
      if (error instanceof ValidationError) return render(c, fieldTexts(c, error.fields), 422);
      throw error;
    }
    // Every session ended with the change; this browser gets a fresh one.
    c.set('sessionId', null);
    signIn(c, c.var.viewer);
    return c.redirect('/account?done=password', 303);
  })
  .post('/account/email', async (c) => {
    if (!c.var.viewer) return loginRedirect(c);
    const form = await readForm(c);
    try {
      setEmailPreference(c.var.services, c.var.viewer, form['preference'] ?? '');
    } catch (error) {
      if (error instanceof ValidationError) return render(c, fieldTexts(c, error.fields), 422);
      throw error;
    }
    return c.redirect('/account?done=email', 303);
  })
  .post('/account/email/verify', (c) => {
    if (!c.var.viewer) return loginRedirect(c);
    const wait = c.var.limits.wait(`verify-mail:${c.var.viewer.id}`, rules.verificationPerMember);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return render(c, {}, 429, c.var.i18n.t('rateLimit.verificationWait', { minutes: Math.ceil(wait / 60) }));
    }
    resendVerification(c.var.services, c.var.viewer);
    c.var.limits.take(`verify-mail:${c.var.viewer.id}`, rules.verificationPerMember);
    return c.redirect('/account?done=verification', 303);
  })
  .post('/account/sessions/end-others', (c) => {
    signOutOtherSessions(c.var.services, c.var.viewer, c.var.sessionId);
    return c.redirect('/account?done=others', 303);
  })
  .post('/account/sessions/:id/end', (c) => {
    signOutSession(c.var.services, c.var.viewer, c.req.param('id'));
    return c.redirect('/account?done=ended', 303);
  });
