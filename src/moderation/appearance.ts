import type { Db } from '../db/client.js';
import { getSetting, setSetting } from '../db/settings.js';
import { normalizeText } from '../forum/validation.js';
import { msg, type Message } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { AA_NORMAL_TEXT, brandContrast, formatRatio, parseCssColor, toHex } from '../lib/contrast.js';
import { assertValid } from '../lib/errors.js';
import { recordModAction } from './audit.js';
import { requireConfigurer } from './staff.js';

/*
 * How the community looks, chosen on /admin/appearance and stored in the settings table as one
 * JSON value (one read, one atomic write). Every server process follows it the way it follows the
 * site's name (src/routes/site-settings.ts). A field left empty falls back to the environment
 * (SITE_NAME, BRAND_COLOR) and then to the built-in default.
 */

export const APPEARANCE_KEY = 'appearance';
export const HEADER_LINKS_MAX = 3;
export const FOOTER_MAX = 280;
const NAME_MAX = 60;
const LABEL_MAX = 40;
const URL_MAX = 500;

export type HeaderLink = { label: string; url: string };
export type Appearance = { name: string | null; brandColor: string | null; logoUrl: string | null; links: HeaderLink[]; footer: string };

export const noAppearance: Appearance = { name: null, brandColor: null, logoUrl: null, links: [], footer: '' };

/** The stored appearance; anything unreadable counts as not chosen. */
export function readAppearance(db: Db): Appearance {
  const stored = getSetting(db, APPEARANCE_KEY);
  if (!stored) return noAppearance;
  try {
    return { ...noAppearance, ...(JSON.parse(stored) as Partial<Appearance>) };
  } catch {
    return noAppearance;
  }
}

function colorError(text: string): Message | undefined {
  if (text === '') return undefined;
  const ratio = brandContrast(text);
  if (ratio === null) return msg('appearance.colorInvalid');
  return ratio < AA_NORMAL_TEXT ? msg('appearance.colorContrast', { ratio: formatRatio(ratio), needed: AA_NORMAL_TEXT.toFixed(1) }) : undefined;
}

function isHttps(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/** An https URL, or a path on this site (`/static/logo.svg`, never `//elsewhere`). */
function logoError(text: string): Message | undefined {
  if (text === '') return undefined;
  const ownPath = text.startsWith('/') && !text.startsWith('//') && !/[\s\\"'<>]/.test(text);
  return text.length <= URL_MAX && (ownPath || isHttps(text)) ? undefined : msg('appearance.logoInvalid');
}

export type AppearanceInput = { name: unknown; brandColor: unknown; logoUrl: unknown; linkLabels: unknown[]; linkUrls: unknown[]; footer: unknown };

const trimmed = (value: unknown) => normalizeText(value).trim();

function linksFrom(input: AppearanceInput): { links: HeaderLink[]; error: Message | undefined } {
  const links: HeaderLink[] = [];
  let error: Message | undefined;
  for (let index = 0; index < Math.max(input.linkLabels.length, input.linkUrls.length); index += 1) {
    const label = trimmed(input.linkLabels[index]);
    const url = trimmed(input.linkUrls[index]);
    if (label === '' && url === '') continue;
    if (label === '' || label.length > LABEL_MAX) error ??= msg('appearance.linkLabel', { max: LABEL_MAX });
    else if (url.length > URL_MAX || !isHttps(url)) error ??= msg('appearance.linkUrl', { label });
    links.push({ label, url });
  }
  if (links.length > HEADER_LINKS_MAX) error ??= msg('appearance.linkCount', { max: HEADER_LINKS_MAX });
  return { links, error };
}

export function saveAppearance(ctx: ServiceContext, viewer: Viewer, input: AppearanceInput): Appearance {
  const actor = requireConfigurer(viewer);
  const name = trimmed(input.name).normalize('NFC');
  const color = trimmed(input.brandColor);
  const logoUrl = trimmed(input.logoUrl);
  const footer = trimmed(input.footer);
  const { links, error: linksError } = linksFrom(input);
  assertValid({
    name: name !== '' && (name.length < 2 || name.length > NAME_MAX) ? msg('appearance.nameLength', { max: NAME_MAX }) : undefined,
    brandColor: colorError(color),
    logoUrl: logoError(logoUrl),
    links: linksError,
    footer: footer.length > FOOTER_MAX ? msg('appearance.footerLength', { max: FOOTER_MAX }) : undefined,
  });
  const parsed = color === '' ? null : parseCssColor(color);
  const next: Appearance = { name: name || null, brandColor: parsed ? toHex(parsed) : null, logoUrl: logoUrl || null, links, footer };
  const before = readAppearance(ctx.db);
  const changed = (Object.keys(next) as (keyof Appearance)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
  if (changed.length === 0) return before;
  ctx.db.transaction(
    (tx) => {
      setSetting(tx, APPEARANCE_KEY, JSON.stringify(next));
      const details = { from: Object.fromEntries(changed.map((key) => [key, before[key]])), to: Object.fromEntries(changed.map((key) => [key, next[key]])) };
      recordModAction(tx, { actorId: actor.id, action: 'appearance_settings', details, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
  return next;
}
