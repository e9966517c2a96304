import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { setMemberLanguage } from '../i18n/member-locale.js';
import { fromAcceptLanguage, supportedLocale } from '../i18n/negotiate.js';
import { LOCALE_COOKIE } from '../i18n/request-locale.js';
import { localePage } from '../../views/pages/locale.js';
import { localPath } from './auth.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** The page the picker was on, from the Referer when it is a page of this site (the footer form has no `next`). */
function sameSitePath(c: Context<AppEnv>): string | undefined {
  const referer = c.req.header('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    const own = new URL(c.get('config').baseUrl).origin;
    return url.origin === own || url.origin === new URL(c.req.url).origin ? localPath(url.pathname + url.search) : undefined;
  } catch {
    return undefined;
  }
}

function renderChooser(c: Context<AppEnv>, selected: string, next: string, error?: string) {
  const i18n = c.get('i18n');
  return renderPage(c, localePage({ i18n, selected, next, ...(error ? { error } : {}) }), { title: i18n.t('locale.heading') }, error ? 422 : 200);
}

export const localeRoutes = new Hono<AppEnv>()
  // The chooser page: the only place Accept-Language counts, to preselect the reader's likely language.
  .get('/locale', (c) => {
    const next = localPath(c.req.query('next')) ?? '/';
    const cookieChoice = supportedLocale(c.req.query('locale'));
    return renderChooser(c, cookieChoice ?? fromAcceptLanguage(c.req.header('accept-language')) ?? c.get('i18n').locale, next);
  })
  .post('/locale', async (c) => {
    const form = await c.req.parseBody();
    const requested = typeof form['locale'] === 'string' ? form['locale'] : '';
    const next = localPath(form['next']) ?? sameSitePath(c) ?? '/';
    const locale = supportedLocale(requested);
    if (!locale) return renderChooser(c, c.get('i18n').locale, next, c.get('i18n').t('locale.invalid'));
    if (c.get('viewer')) setMemberLanguage(c.get('services'), c.get('viewer'), locale);
    setCookie(c, LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'Lax', httpOnly: true, secure: c.get('config').secureCookies });
    return c.redirect(next, 303);
  });
