import type { Db, Tx } from '../db/client.js';
import { getSetting, setSetting } from '../db/settings.js';
import { supportedLocale } from './negotiate.js';
import { isTimeZone } from './time-zones.js';

// The community's own language and time zone: what anonymous readers see unless they pick another
// language, and what members see until they choose their own. DEFAULT_LOCALE and TIME_ZONE set
// them; an admin's choice (settings table) overrides both. Read on every request, so kept in memory
// per database, replaced when the admin saves, and read again when another server process has
// written to the database (src/routes/site-settings.ts).

export type CommunityLocale = { locale: string; timeZone: string };

const settingKeys = { locale: 'default_locale', timeZone: 'time_zone' } as const;
const loaded = new WeakMap<Db, CommunityLocale>();

function readCommunityLocale(db: Db, defaults: CommunityLocale): CommunityLocale {
  const locale = supportedLocale(getSetting(db, settingKeys.locale)) ?? defaults.locale;
  const zone = getSetting(db, settingKeys.timeZone);
  return { locale, timeZone: zone !== undefined && isTimeZone(zone) ? zone : defaults.timeZone };
}

export function communityLocale(db: Db, defaults: CommunityLocale): CommunityLocale {
  let current = loaded.get(db);
  if (!current) loaded.set(db, (current = readCommunityLocale(db, defaults)));
  return current;
}

/** Reads the choice again (another process may have saved one); the same object while it is unchanged. */
export function reloadCommunityLocale(db: Db, defaults: CommunityLocale): CommunityLocale {
  const current = loaded.get(db);
  const read = readCommunityLocale(db, defaults);
  if (current && current.locale === read.locale && current.timeZone === read.timeZone) return current;
  loaded.set(db, read);
  return read;
}

/** The community's language and time zone as one string, for the page cache's ETags (src/lib/page-cache.ts). */
export function communityRendering(community: CommunityLocale): string {
  return `${community.locale} ${community.timeZone}`;
}

/** Writes the admin's choice (validated by src/moderation/community-language.ts) inside their transaction. */
export function writeCommunityLocale(tx: Db | Tx, choice: CommunityLocale): void {
  setSetting(tx, settingKeys.locale, choice.locale);
  setSetting(tx, settingKeys.timeZone, choice.timeZone);
}

/** Uses a saved choice from the next request on. */
export function rememberCommunityLocale(db: Db, choice: CommunityLocale): void {
  loaded.set(db, { ...choice });
}

/** The choice in use (undefined before any request read it): what an admin's change replaces. */
export function rememberedCommunityLocale(db: Db): CommunityLocale | undefined {
  return loaded.get(db);
}
