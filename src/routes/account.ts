import { Hono, type Context } from 'hono';
import { changePassword, listSessions, signOutOtherSessions, signOutSession } from '../auth/account.js';
import { ValidationError } from '../lib/errors.js';
import { accountPage } from '../../views/pages/account.js';
import { signIn } from './auth.js';
import type { AppEnv } from './env.js';
import { loginRedirect, readForm, type FormErrors } from './forms.js';
import { renderPage } from './render.js';

function render(c: Context<AppEnv>, errors: FormErrors = {}, status: 200 | 422 = 200, notice?: string) {
  const viewer = c.var.viewer!;
  const sessions = listSessions(c.var.services, viewer, c.var.sessionId);
  return renderPage(c, accountPage({ username: viewer.username, sessions, errors, ...(notice ? { notice } : {}) }), { title: 'Your account' }, status);
}

const notices: Record<string, string> = {
  password: 'Your password was changed. Every other device has been signed out.',
  others: 'Every other device has been signed out.',
  ended: 'That device has been signed out.',
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
      if (error instanceof ValidationError) return render(c, error.fields, 422);
      throw error;
    }
    // Every session ended with the change; this browser gets a fresh one.
    c.set('sessionId', null);
    signIn(c, c.var.viewer);
    return c.redirect('/account?done=password', 303);
  })
  .post('/account/sessions/end-others', (c) => {
    signOutOtherSessions(c.var.services, c.var.viewer, c.var.sessionId);
    return c.redirect('/account?done=others', 303);
  })
  .post('/account/sessions/:id/end', (c) => {
    signOutSession(c.var.services, c.var.viewer, c.req.param('id'));
    return c.redirect('/account?done=ended', 303);
  });
