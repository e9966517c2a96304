import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.js';
import { communityLocale, type CommunityLocale } from '../i18n/community.js';
import { SOURCE_LOCALE } from '../i18n/catalog.js';
import { fromAcceptLanguage, supportedLocale } from '../i18n/negotiate.js';
import { localeFromCookieHeader, localeFromUrl } from '../i18n/request-locale.js';
import { isTimeZone } from '../i18n/time-zones.js';
import { I18n, localeFormat } from '../i18n/translator.js';
import type { AppEnv } from './env.js';
import type { Config } from '../config.js';
import type { ServiceContext, Viewer } from '../lib/context.js';

/** An error page must still be written when the database cannot be read: then the configured defaults hold. */
export function communityOrDefaults(db: Db, defaults: CommunityLocale): CommunityLocale {
  try {
    return communityLocale(db, defaults);
  } catch {
    return defaults;
  }
}

/** The language and time zone this request reads in (the order is explained in src/i18n/request-locale.ts). */
export function requestI18n(c: Context<AppEnv>): I18n {
  return i18nFor({ services: c.get('services'), config: c.get('config'), viewer: c.get('viewer'), method: c.req.method, url: c.req.url, cookie: c.req.header('cookie') });
}

/** As requestI18n, from the request's parts (for pages answered before the router). */
export function i18nFor(request: { services: ServiceContext; config: Pick<Config, 'defaultLocale' | 'timeZone'>; viewer: Viewer; method: string; url: string; cookie: string | undefined }): I18n {
  const { services, config, viewer } = request;
  const community = communityOrDefaults(services.db, { locale: config.defaultLocale, timeZone: config.timeZone });
  const locale =
    (request.method === 'GET' ? localeFromUrl(request.url) : undefined) ??
    supportedLocale(viewer?.locale) ??
    localeFromCookieHeader(request.cookie) ??
    community.locale;
  const timeZone = viewer?.timeZone !== undefined && isTimeZone(viewer.timeZone) ? viewer.timeZone : community.timeZone;
  return new I18n(localeFormat(locale, timeZone), services.now());
}

/**
 * Embed frames and fragments: the same bytes for everyone who asks for the same URL, so proxies
 * may cache them by URL. Their language is `?locale=` (embed.js always sets it) or the community's
 * default, never a cookie or a member's choice; dates are in the community's time zone.
 */
export function embedI18n(c: Context<AppEnv>): I18n {
  const config = c.get('config');
  const services = c.get('services');
  const community = communityOrDefaults(services.db, { locale: config.defaultLocale, timeZone: config.timeZone });
  return new I18n(localeFormat(localeFromUrl(c.req.url) ?? community.locale, community.timeZone), services.now());
}

/**
 * The JSON API's messages are for developers: English unless the call asks for a language, with
 * `?locale=` or Accept-Language (its errors are never cached, and its data has no words of ours).
 */
export function apiI18n(c: Context<AppEnv>): I18n {
  const config = c.get('config');
  const services = c.get('services');
  const locale = localeFromUrl(c.req.url) ?? fromAcceptLanguage(c.req.header('accept-language')) ?? SOURCE_LOCALE;
  return new I18n(localeFormat(locale, config.timeZone), services.now());
}

/**
 * After the session is known: a member's own language and time zone replace the anonymous choice.
 * A member who chose neither reads as a visitor with the same cookie does, already resolved.
 */
export function memberI18n(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.get('viewer');
    if (viewer !== null && (viewer.locale !== undefined || viewer.timeZone !== undefined)) c.set('i18n', requestI18n(c));
    await next();
  };
}
