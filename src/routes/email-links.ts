import { Hono, type Context } from 'hono';
import { checkVerificationToken, verifyEmail } from '../auth/email-verification.js';
import { BadToken, checkUnsubscribeToken, unsubscribe } from '../email/unsubscribe.js';
import { badLinkPage, emailVerifiedPage, unsubscribedPage, unsubscribePage, verifyEmailPage } from '../../views/pages/email-links.js';
import type { MessageKey } from '../i18n/catalog.js';
import { checkEmailChangeToken, confirmEmailChange } from '../profiles/email-change.js';
import { confirmEmailChangePage, emailChangedPage } from '../../views/pages/email-change.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import { renderPage } from './render.js';

/** A link's token from the form, else from the query string (RFC 8058 posts to the link itself). */
export async function tokenOf(c: Context<AppEnv>): Promise<string> {
  const form = c.req.method === 'POST' ? await readForm(c) : {};
  return (form['token'] ?? c.req.query('token') ?? '').trim().slice(0, 200);
}

/** A link from an email that does not work: what went wrong, and the account page to go on from. */
function badLink(c: Context<AppEnv>, error: BadToken, title: MessageKey) {
  const i18n = c.get('i18n');
  return renderPage(c, badLinkPage({ i18n, message: i18n.message(error.text), retry: { href: '/account', label: i18n.t('emailLink.goToAccount') } }), { title: i18n.t(title) }, 400);
}

const badVerification = (c: Context<AppEnv>, error: BadToken) => badLink(c, error, 'emailLink.verifyHeading');
const badChange = (c: Context<AppEnv>, error: BadToken) => badLink(c, error, 'emailLink.changeHeading');
const badUnsubscribe = (c: Context<AppEnv>, error: BadToken) => badLink(c, error, 'emailLink.unsubscribe');

export const emailLinkRoutes = new Hono<AppEnv>()
  .get('/unsubscribe', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const token = await tokenOf(c);
    try {
      const { username } = checkUnsubscribeToken(c.get('services'), token);
      return renderPage(c, unsubscribePage({ i18n: c.get('i18n'), token, username }), { title: c.get('i18n').t('emailLink.unsubscribe') });
    } catch (error) {
      if (error instanceof BadToken) return badUnsubscribe(c, error);
      throw error;
    }
  })
  // Mail clients post here with `List-Unsubscribe=One-Click` and no cookie or Origin (src/app.ts
  // lets exactly this route past the CSRF check): the signed token is the only authority.
  .post('/unsubscribe', async (c) => {
    try {
      unsubscribe(c.get('services'), await tokenOf(c));
    } catch (error) {
      if (error instanceof BadToken) return badUnsubscribe(c, error);
      throw error;
    }
    return c.redirect('/unsubscribe/done', 303);
  })
  .get('/unsubscribe/done', (c) => renderPage(c, unsubscribedPage({ i18n: c.get('i18n') }), { title: c.get('i18n').t('emailLink.unsubscribedHeading') }))
  .get('/verify-email', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const token = await tokenOf(c);
    try {
      checkVerificationToken(c.get('services'), token);
    } catch (error) {
      if (error instanceof BadToken) return badVerification(c, error);
      throw error;
    }
    return renderPage(c, verifyEmailPage({ i18n: c.get('i18n'), token }), { title: c.get('i18n').t('emailLink.verifyHeading') });
  })
  .post('/verify-email', async (c) => {
    try {
      verifyEmail(c.get('services'), await tokenOf(c));
    } catch (error) {
      if (error instanceof BadToken) return badVerification(c, error);
      throw error;
    }
    return c.redirect('/verify-email/done', 303);
  })
  .get('/verify-email/done', (c) => renderPage(c, emailVerifiedPage({ i18n: c.get('i18n') }), { title: c.get('i18n').t('emailLink.verifiedHeading') }))
  // A new address confirmed by the link mailed to it (src/profiles/email-change.ts).
  .get('/email-change', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const token = await tokenOf(c);
    try {
      const { email } = checkEmailChangeToken(c.get('services'), token);
      return renderPage(c, confirmEmailChangePage({ i18n: c.get('i18n'), token, email }), { title: c.get('i18n').t('emailLink.changeHeading') });
    } catch (error) {
      if (error instanceof BadToken) return badChange(c, error);
      throw error;
    }
  })
  .post('/email-change', async (c) => {
    try {
      confirmEmailChange(c.get('services'), await tokenOf(c));
    } catch (error) {
      if (error instanceof BadToken) return badChange(c, error);
      throw error;
    }
    return c.redirect('/email-change/done', 303);
  })
  .get('/email-change/done', (c) => renderPage(c, emailChangedPage({ i18n: c.get('i18n') }), { title: c.get('i18n').t('emailLink.changedHeading') }));
