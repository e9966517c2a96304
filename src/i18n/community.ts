import type { Db } from '../db/client.js';
import { getSetting, setSetting } from '../db/settings.js';
import { canConfigure } from '../forum/permissions.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, Unauthenticated } from '../lib/errors.js';
import { msg } from './message.js';
import { supportedLocale } from './negotiate.js';
import { isTimeZone } from './time-zones.js';

// The community's own language and time zone: what anonymous readers see unless they pick another
// language, and what members see until they choose their own. DEFAULT_LOCALE and TIME_ZONE set
// them; an admin's choice (settings table) overrides both. Read on every request, so kept in memory
// per database and replaced when the admin saves.

export type CommunityLocale = { locale: string; timeZone: string };

const settingKeys = { locale: 'default_locale', timeZone: 'time_zone' } as const;
const loaded = new WeakMap<Db, CommunityLocale>();

export function communityLocale(db: Db, defaults: CommunityLocale): CommunityLocale {
  let current = loaded.get(db);
  if (!current) {
    const locale = supportedLocale(getSetting(db, settingKeys.locale)) ?? defaults.locale;
    const zone = getSetting(db, settingKeys.timeZone);
    current = { locale, timeZone: zone !== undefined && isTimeZone(zone) ? zone : defaults.timeZone };
    loaded.set(db, current);
  }
  return current;
}

/** The community's language and time zone as one string, for the page cache's ETags (src/lib/page-cache.ts). */
export function communityRendering(community: CommunityLocale): string {
  return `${community.locale} ${community.timeZone}`;
}

/** Saves the admin's choice (already validated by the caller) and uses it from the next request. */
export function saveCommunityLocale(db: Db, choice: CommunityLocale): void {
  db.transaction((tx) => {
    setSetting(tx, settingKeys.locale, choice.locale);
    setSetting(tx, settingKeys.timeZone, choice.timeZone);
  });
  loaded.set(db, { ...choice });
}

/** The admin's form on /admin/language: a shipped locale and an IANA time zone, both required. */
export function setCommunityLocale(ctx: ServiceContext, viewer: Viewer, input: { locale: unknown; timeZone: unknown }): CommunityLocale {
  const requested = typeof input.locale === 'string' ? input.locale : '';
  const zone = typeof input.timeZone === 'string' ? input.timeZone.trim() : '';
  const locale = supportedLocale(requested);
  assertValid({
    locale: locale === undefined ? msg('locale.invalid') : undefined,
    timeZone: isTimeZone(zone) ? undefined : msg('locale.invalidTimeZone'),
  });
  if (viewer === null) throw new Unauthenticated();
  if (!canConfigure(viewer)) throw new Forbidden(msg('language.adminsOnly'));
  const choice = { locale: locale!, timeZone: zone };
  saveCommunityLocale(ctx.db, choice);
  return choice;
}
