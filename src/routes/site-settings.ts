import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { outsideWrites } from '../db/changes.js';
import { getSetting, settingsWrittenHere } from '../db/settings.js';
import { registerMailSite } from '../email/site.js';
import { communityRendering, reloadCommunityLocale, type CommunityLocale } from '../i18n/community.js';
import type { PageCache } from '../lib/page-cache.js';
import type { Site, SiteLook } from '../../views/layout.js';
import { noAppearance, readAppearance, type Appearance } from '../moderation/appearance.js';

/*
 * What every page is rendered with besides its own data: the site's name, address and appearance
 * (brand colour, logo, header links, footer; src/moderation/appearance.ts) and the community's
 * language and time zone. Several server processes serve one database, and an admin's
 * change is saved by one of them: each process reads these settings again whenever another has
 * written to the database since it last looked (`PRAGMA data_version`, src/db/changes.ts;
 * one read of shared memory per request, and three indexed reads after a write elsewhere). A change
 * gives the page cache new ETags and forgets its pages, and gives email the new name.
 */

export type SiteSettings = { site: Site; community: CommunityLocale };

type Options = { db: Db; config: Config; pageCache: PageCache; fallbackName: string };

export function followSiteSettings({ db, config, pageCache, fallbackName }: Options): () => SiteSettings {
  const defaults = { locale: config.defaultLocale, timeZone: config.timeZone };
  let seen: string | undefined;
  let current: SiteSettings | undefined;
  return () => {
    const writes = `${outsideWritesOrNone(db)} ${settingsWrittenHere()}`;
    if (current && writes === seen) return current;
    seen = writes;
    const next = readSettings(db, config, defaults, fallbackName);
    if (current && next.site.name === current.site.name && next.site.look?.version === current.site.look?.version && next.community === current.community) return current;
    current = next;
    pageCache.describe({ site: JSON.stringify([next.site.name, next.site.baseUrl, next.site.look?.version, next.site.signUp]), community: communityRendering(next.community) });
    registerMailSite(db, { siteName: next.site.name, baseUrl: config.baseUrl, defaults });
    return current;
  };
}

/** An unreadable database must still give error pages (they are never cached): then the defaults stand. */
function readSettings(db: Db, config: Config, defaults: CommunityLocale, fallbackName: string): SiteSettings {
  const signUp = !config.oidc?.only;
  try {
    const appearance = readAppearance(db);
    // The admin's choice, else SITE_NAME, else the name the demo seed stored, else the fallback.
    const name = appearance.name ?? config.siteName ?? getSetting(db, 'site_name') ?? fallbackName;
    return { site: { name, baseUrl: config.baseUrl, look: siteLook(appearance, config), signUp }, community: reloadCommunityLocale(db, defaults) };
  } catch {
    return { site: { name: config.siteName ?? fallbackName, baseUrl: config.baseUrl, look: siteLook(noAppearance, config), signUp }, community: defaults };
  }
}

/** The stored brand colour wins over BRAND_COLOR, which is the default until an admin chooses one. */
function siteLook(appearance: Appearance, config: Config): SiteLook {
  const look = { brandColor: appearance.brandColor ?? config.brandColor, logoUrl: appearance.logoUrl, links: appearance.links, footer: appearance.footer };
  return { ...look, version: createHash('sha256').update(JSON.stringify(look)).digest('base64url').slice(0, 10) };
}

function outsideWritesOrNone(db: Db): number | undefined {
  try {
    return outsideWrites(db);
  } catch {
    return undefined;
  }
}
