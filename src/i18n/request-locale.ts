import { supportedLocale } from './negotiate.js';

// Which language a request reads in, first match wins:
//   1. `?locale=` on a GET: the hreflang alternates of public pages are such URLs, so a crawler
//      (or a shared link) gets that language whatever cookie it has;
//   2. a signed-in member's own choice (users.locale);
//   3. the `hearth_locale` cookie, set by the language picker (POST /locale);
//   4. the community's default.
// Accept-Language never decides a page, so anonymous pages stay one cache entry per URL and
// cookie: it only preselects the picker on /locale.

export const LOCALE_COOKIE = 'hearth_locale';

const cookiePattern = new RegExp(`(?:^|;)\\s*${LOCALE_COOKIE}=([^;]*)`);

/** The shipped locale the cookie names, or undefined (absent or not a shipped locale). */
export function localeFromCookieHeader(cookie: string | undefined): string | undefined {
  if (cookie === undefined || !cookie.includes(LOCALE_COOKIE)) return undefined;
  const value = cookiePattern.exec(cookie)?.[1];
  return value === undefined ? undefined : supportedLocale(decodeURIComponentSafe(value.trim()));
}

/** The shipped locale a URL's `?locale=` names, or undefined. */
export function localeFromUrl(url: string): string | undefined {
  const query = url.indexOf('?');
  if (query < 0 || !url.includes('locale=', query)) return undefined;
  return supportedLocale(new URLSearchParams(url.slice(query + 1)).get('locale'));
}

/**
 * The anonymous page cache's key for a URL (path and query) read with a Cookie header: the page's
 * language is part of it. The cookie's locale, or nothing for "the community's default" (the cache
 * is emptied when an admin changes the default); `?locale=` is part of the URL already.
 */
export function pageCacheKey(cookie: string | undefined, url: string): string {
  const locale = localeFromCookieHeader(cookie);
  return locale === undefined ? url : `${locale} ${url}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
