import { Hono, type Context } from 'hono';
import { changePassword, listSessions, signOutOtherSessions, signOutSession } from '../auth/account.js';
import { emailStatus, resendVerification } from '../auth/email-verification.js';
import { setEmailPreference } from '../email/preferences.js';
import { changeUsername, usernameChangeState } from '../auth/username-change.js';
import { accountProfileProps } from './account-profile.js';
import type { ProfileInput } from '../profiles/profile.js';
import type { MessageKey } from '../i18n/catalog.js';
import { communityLocale } from '../i18n/community.js';
import { setMemberLocale } from '../i18n/member-locale.js';
import { Forbidden, ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { accountPage } from '../../views/pages/account.js';
import type { LocaleChoice } from '../../views/pages/account-locale.js';
import { signIn } from './auth.js';
import { accountPrivacy } from './privacy.js';
import type { AppEnv } from './env.js';
import { loginRedirect, readForm, type FormErrors } from './forms.js';
import { renderError, renderPage, fieldTexts } from './render.js';
import { avatarOf } from '../uploads/avatars.js';

export type RenderOptions = {
  errors?: FormErrors;
  status?: 200 | 422 | 429;
  notice?: string;
  locale?: { locale: string; timeZone: string };
  username?: string;
  /** The profile form as sent, kept when refused. */
  profile?: ProfileInput;
  newEmail?: string;
};

/** The member's saved language and time zone (empty for the community's default), or what they just sent. */
function localeChoice(c: Context<AppEnv>, sent: RenderOptions['locale']): LocaleChoice {
  const viewer = c.get('viewer');
  const config = c.get('config');
  const services = c.get('services');
  const community = communityLocale(services.db, { locale: config.defaultLocale, timeZone: config.timeZone });
  return { locale: sent?.locale ?? viewer?.locale ?? '', timeZone: sent?.timeZone ?? viewer?.timeZone ?? '', community };
}

/** The account page; also for the forms mounted elsewhere (the avatar's, src/routes/uploads.ts). */
export function renderAccount(c: Context<AppEnv>, options: RenderOptions = {}) {
  const viewer = c.get('viewer');
  const i18n = c.get('i18n');
  const sessions = listSessions(c.get('services'), viewer, c.get('sessionId'));
  const email = emailStatus(c.get('services'), viewer);
  const usernameChange = usernameChangeState(c.get('services'), viewer);
  const errors = options.errors ?? {};
  const kept = { ...(options.username === undefined ? {} : { usernameValue: options.username }), ...(options.newEmail === undefined ? {} : { newEmail: options.newEmail }) };
  const profile = accountProfileProps(c, options.profile, errors);
  const avatarUrl = avatarOf(c.get('services'), viewer);
  const page = accountPage({ i18n, username: viewer!.username, sessions, email, privacy: accountPrivacy(c), locale: localeChoice(c, options.locale), errors, usernameChange, profile, avatarUrl, ...kept, ...(options.notice ? { notice: options.notice } : {}) });
  return renderPage(c, page, { title: i18n.t('account.heading') }, options.status ?? 200);
}

const notices: Record<string, MessageKey> = {
  password: 'account.passwordChanged',
  others: 'account.othersSignedOut',
  ended: 'account.deviceSignedOut',
  email: 'account.emailSaved',
  verification: 'account.verificationSent',
  locale: 'account.localeSaved',
  username: 'account.usernameChanged',
  avatar: 'avatar.saved',
  'avatar-removed': 'avatar.removed',
  profile: 'account.profileSaved',
  'email-change': 'account.changeEmailSent',
};

export const accountRoutes = new Hono<AppEnv>()
  .get('/account', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const notice = notices[c.req.query('done') ?? ''];
    return renderAccount(c, notice ? { notice: c.get('i18n').t(notice) } : {});
  })
  .post('/account/password', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return loginRedirect(c);
    const form = await readForm(c);
    try {
      await changePassword(c.get('services'), viewer, { current: form['current'] ?? '', next: form['next'] ?? '', confirm: form['confirm'] ?? '' });
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(c, { errors: fieldTexts(c, error.fields), status: 422 });
      throw error;
    }
    // Every session ended with the change; this browser gets a fresh one.
    c.set('sessionId', null);
    signIn(c, viewer);
    return c.redirect('/account?done=password', 303);
  })
  // Once per 30 days (src/auth/username-change.ts); the old name redirects to the new.
  .post('/account/username', async (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const form = await readForm(c);
    const username = form['username'] ?? '';
    try {
      changeUsername(c.get('services'), c.get('viewer'), { username });
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(c, { errors: fieldTexts(c, error.fields), status: 422, username });
      if (error instanceof Forbidden) return renderError(c, 403, error.text, { back: { href: '/account', label: c.get('i18n').t('account.heading') } });
      throw error;
    }
    return c.redirect('/account?done=username', 303);
  })
  .post('/account/email', async (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const form = await readForm(c);
    try {
      setEmailPreference(c.get('services'), c.get('viewer'), form['preference'] ?? '');
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(c, { errors: fieldTexts(c, error.fields), status: 422 });
      throw error;
    }
    return c.redirect('/account?done=email', 303);
  })
  // The member's own language and time zone; the next page is already in them.
  .post('/account/locale', async (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const form = await readForm(c);
    const sent = { locale: (form['locale'] ?? '').slice(0, 64), timeZone: (form['timeZone'] ?? '').slice(0, 64) };
    try {
      setMemberLocale(c.get('services'), c.get('viewer'), sent);
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(c, { errors: fieldTexts(c, error.fields), status: 422, locale: sent });
      throw error;
    }
    return c.redirect('/account?done=locale', 303);
  })
  .post('/account/email/verify', (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return loginRedirect(c);
    const wait = c.get('limits').wait(`verify-mail:${viewer.id}`, rules.verificationPerMember);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return renderAccount(c, { status: 429, notice: c.get('i18n').t('account.verificationWait', { minutes: Math.ceil(wait / 60) }) });
    }
    resendVerification(c.get('services'), viewer);
    c.get('limits').take(`verify-mail:${viewer.id}`, rules.verificationPerMember);
    return c.redirect('/account?done=verification', 303);
  })
  .post('/account/sessions/end-others', (c) => {
    signOutOtherSessions(c.get('services'), c.get('viewer'), c.get('sessionId'));
    return c.redirect('/account?done=others', 303);
  })
  .post('/account/sessions/:id/end', (c) => {
    signOutSession(c.get('services'), c.get('viewer'), c.req.param('id'));
    return c.redirect('/account?done=ended', 303);
  });
