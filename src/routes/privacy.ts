import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { clearSessionCookie } from '../auth/cookie.js';
import { listSignIns } from '../privacy/sign-in-events.js';
import { allowedPostChoices, deleteOwnAccount, hasLocalPassword } from '../privacy/delete-account.js';
import { exportForDownload, listExports, nextExportAt, requestExport } from '../privacy/exports.js';
import { canDeleteOwnAccount } from '../forum/permissions.js';
import { Forbidden, NotFound, RateLimited, ValidationError } from '../lib/errors.js';
import { accountDeletedPage, deleteAccountPage, type AccountPrivacyProps, type DeletionProps } from '../../views/pages/account-privacy.js';
import { exportPage } from '../../views/pages/account-export.js';
import { loginLockout, noStore } from './auth.js';
import type { AppEnv } from './env.js';
import { loginRedirect, readForm } from './forms.js';
import { fieldTexts, renderError, renderPage } from './render.js';

// Members' own data: the export (GET|POST /account/export, the download by its mailed link) and
// "Delete my account" (POST /account/delete). The account page shows their sections.

/** The delete form's facts for the signed-in member: how they prove it is them, and which choices there are. */
function deletion(c: Context<AppEnv>, extra: Partial<DeletionProps> = {}): DeletionProps {
  const services = c.get('services');
  const viewer = c.get('viewer')!;
  const refusal = canDeleteOwnAccount(viewer, { role: viewer.role, isBrand: false }) ? undefined : c.get('i18n').t('privacy.adminAccount');
  return { localPassword: hasLocalPassword(services, viewer), choices: allowedPostChoices(services.db), errors: {}, ...(refusal ? { refusal } : {}), ...extra };
}

/** The sections the account page adds for privacy: recent sign-ins, the export, the danger zone. */
export function accountPrivacy(c: Context<AppEnv>): AccountPrivacyProps {
  return { signIns: listSignIns(c.get('services'), c.get('viewer')), deletion: deletion(c) };
}

function renderExports(c: Context<AppEnv>, status: 200 | 429 = 200, notice?: string) {
  const services = c.get('services');
  const i18n = c.get('i18n');
  const page = exportPage({ i18n, exports: listExports(services, c.get('viewer')), nextAt: nextExportAt(services, c.get('viewer')), ...(notice ? { notice } : {}) });
  return renderPage(c, page, { title: i18n.t('privacy.exportHeading') }, status);
}

export const privacyRoutes = new Hono<AppEnv>()
  .get('/account/export', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    return renderExports(c, 200, c.req.query('done') === 'requested' ? c.get('i18n').t('privacy.exportRequested') : undefined);
  })
  .post('/account/export', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    try {
      requestExport(c.get('services'), c.get('viewer'));
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      c.header('Retry-After', String(error.retryAfterSeconds));
      const next = nextExportAt(c.get('services'), c.get('viewer'));
      return renderExports(c, 429, next === null ? undefined : c.get('i18n').t('privacy.exportWait', { when: c.get('i18n').dateTime(next) }));
    }
    return c.redirect('/account/export?done=requested', 303);
  })
  // The mailed link (`id.secret`, like a session token: logs show it as :token): only the member it
  // was made for, signed in, before it expires.
  .get('/account/export/:token', (c) => {
    noStore(c);
    if (!c.get('viewer')) return loginRedirect(c);
    try {
      const { fileName } = exportForDownload(c.get('services'), c.get('viewer'), c.req.param('token'));
      const path = join(c.get('config').exportsDir, fileName);
      const bytes = statSync(path).size;
      const date = new Date(c.get('services').now()).toISOString().slice(0, 10);
      c.header('Content-Type', 'application/zip');
      c.header('Content-Length', String(bytes));
      c.header('Content-Disposition', `attachment; filename="community-data-${date}.zip"`);
      return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream);
    } catch (error) {
      if (error instanceof NotFound || (error as NodeJS.ErrnoException).code === 'ENOENT') return renderError(c, 404, c.get('i18n').t('privacy.exportGone'));
      throw error;
    }
  })
  .get('/account/delete', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    return renderPage(c, deleteAccountPage(c.get('i18n'), deletion(c)), { title: c.get('i18n').t('privacy.deleteHeading') });
  })
  .post('/account/delete', async (c) => {
    noStore(c);
    if (!c.get('viewer')) return loginRedirect(c);
    const form = await readForm(c);
    try {
      const input = { password: form['password'] ?? '', posts: form['posts'], exportsDir: c.get('config').exportsDir, sessionId: c.get('sessionId'), lockout: loginLockout(c) };
      await deleteOwnAccount(c.get('services'), c.get('viewer'), input);
    } catch (error) {
      const i18n = c.get('i18n');
      if (error instanceof ValidationError) return renderPage(c, deleteAccountPage(i18n, deletion(c, { errors: fieldTexts(c, error.fields), posts: form['posts'] ?? '' })), { title: i18n.t('privacy.deleteHeading') }, 422);
      if (error instanceof Forbidden) return renderError(c, 403, error.text, { back: { href: '/account', label: i18n.t('account.heading') } });
      throw error;
    }
    // Every session went with the account; this browser forgets its cookie too.
    clearSessionCookie(c, c.get('config').secureCookies);
    c.set('viewer', null);
    c.set('sessionId', null);
    return c.redirect('/account/deleted', 303);
  })
  .get('/account/deleted', (c) => renderPage(c, accountDeletedPage(c.get('i18n')), { title: c.get('i18n').t('privacy.deletedHeading') }));
