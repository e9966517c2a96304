import { SOURCE_LOCALE } from '../i18n/catalog.js';
import { msg, type Message } from '../i18n/message.js';
import { localeFormat } from '../i18n/translator.js';

// The rules for which sites may frame embeds, shared by EMBED_ORIGINS (src/config.ts) and the
// admin page so both accept exactly the same origins. Pure functions: no db, no config.

/** Plain http is only for a developer's own machine; anything else on http could be tampered with. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: Message };

function refuse(message: Message): OriginCheck {
  return { ok: false, message };
}

/** A refusal in English: EMBED_ORIGINS is checked when the server starts, for the operator. */
export function inEnglish(message: Message): string {
  return localeFormat(SOURCE_LOCALE, 'UTC').t(message.key, message.values);
}

/**
 * Parses what someone typed into a canonical origin (`https://help.example.com`), or explains why
 * it cannot frame embeds. Scheme and host are lower-cased and a default port or one trailing
 * slash is dropped; everything else the URL parser would silently "fix" (a path, a user name,
 * backslashes, spaces) is refused, so what is stored is what was meant.
 */
export function parseEmbedOrigin(input: string): OriginCheck {
  const value = input.trim();
  if (value === '') return refuse(msg('embed.origin.empty'));
  if (value === 'null') return refuse(msg('embed.origin.null'));
  if (value.includes('*')) return refuse(msg('embed.origin.wildcard'));
  const shape = /^(https?):\/\/([^/?#\\@\s]+)\/?$/i.exec(value);
  if (!shape) {
    if (/^https?:\/\/[^/?#]*@/i.test(value)) return refuse(msg('embed.origin.userName', { value }));
    if (/^https?:\/\/[^/?#\\\s]+[/?#]/i.test(value)) return refuse(msg('embed.origin.path', { value }));
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:/i.test(value)) return refuse(msg('embed.origin.scheme'));
    return refuse(msg('embed.origin.notOrigin', { value }));
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse(msg('embed.origin.invalid', { value }));
  }
  if (url.hostname.endsWith('.')) return refuse(msg('embed.origin.trailingDot', { value }));
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return refuse(msg('embed.origin.plainHttp', { value, host: url.host }));
  }
  return { ok: true, origin: url.origin };
}

/** Why an origin cannot be used, in English, or undefined when it is fine. */
export function embedOriginError(input: string): string | undefined {
  const check = parseEmbedOrigin(input);
  return check.ok ? undefined : inEnglish(check.message);
}

/**
 * The allowed origin that `candidate` imitates, if any: `https://help.example.com.evil.net`
 * starts with the host of `https://help.example.com` but belongs to evil.net. Such a look-alike
 * is refused when saved, so an admin cannot be talked into allowing it by a glance at the name.
 */
export function lookalikeOf(candidate: string, allowed: readonly string[]): string | undefined {
  const host = hostOf(candidate);
  if (host === null) return undefined;
  return allowed.find((other) => {
    const otherHost = hostOf(other);
    return other !== candidate && otherHost !== null && host.startsWith(`${otherHost}.`);
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).hostname;
  } catch {
    return null;
  }
}

export function lookalikeMessage(candidate: string, imitated: string): Message {
  const realSite = (hostOf(candidate) ?? '').slice((hostOf(imitated) ?? '').length + 1);
  return msg('embed.origin.lookalike', { candidate, imitated, realSite });
}

/** Exact comparison only: no prefix, suffix or pattern matching, so look-alikes never match. */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): origin is string {
  return origin !== undefined && allowed.includes(origin);
}
