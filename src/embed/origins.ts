// The rules for which sites may frame embeds, shared by EMBED_ORIGINS (src/config.ts) and the
// admin page so both accept exactly the same origins. Pure functions: no db, no config.

/** Plain http is only for a developer's own machine; anything else on http could be tampered with. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

const EXAMPLE = 'an exact origin such as https://help.example.com';

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

function refuse(message: string): OriginCheck {
  return { ok: false, message };
}

/**
 * Parses what someone typed into a canonical origin (`https://help.example.com`), or explains why
 * it cannot frame embeds. Scheme and host are lower-cased and a default port or one trailing
 * slash is dropped; everything else the URL parser would silently "fix" (a path, a user name,
 * backslashes, spaces) is refused, so what is stored is what was meant.
 */
export function parseEmbedOrigin(input: string): OriginCheck {
  const value = input.trim();
  if (value === '') return refuse(`Enter ${EXAMPLE}.`);
  if (value === 'null') return refuse('"null" is the origin of sandboxed frames and local files, which any page can fake. Enter a real site such as https://help.example.com.');
  if (value.includes('*')) return refuse(`Wildcards are not allowed: list each site as ${EXAMPLE}.`);
  const shape = /^(https?):\/\/([^/?#\\@\s]+)\/?$/i.exec(value);
  if (!shape) {
    if (/^https?:\/\/[^/?#]*@/i.test(value)) return refuse(`"${value}" contains a user name ("…@"), which would hide the real host. Enter ${EXAMPLE}.`);
    if (/^https?:\/\/[^/?#\\\s]+[/?#]/i.test(value)) return refuse(`"${value}" has a path, query or fragment. An origin is only the scheme and host, e.g. https://help.example.com.`);
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:/i.test(value)) return refuse(`Only https:// sites can embed (http:// only for localhost or 127.0.0.1). Enter ${EXAMPLE}.`);
    return refuse(`"${value}" is not an origin. Enter ${EXAMPLE}.`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse(`"${value}" is not a valid web address. Enter ${EXAMPLE}.`);
  }
  if (url.hostname.endsWith('.')) return refuse(`"${value}" ends with a dot. Remove it: browsers send the origin without it.`);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return refuse(`"${value}" uses plain http, which is allowed only for localhost or 127.0.0.1 during development. Use https://${url.host}.`);
  }
  return { ok: true, origin: url.origin };
}

/** The message for an origin that cannot be used, or undefined when it is fine. */
export function embedOriginError(input: string): string | undefined {
  const check = parseEmbedOrigin(input);
  return check.ok ? undefined : check.message;
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

export function lookalikeMessage(candidate: string, imitated: string): string {
  const realSite = (hostOf(candidate) ?? '').slice((hostOf(imitated) ?? '').length + 1);
  return `${candidate} looks like ${imitated} but is a different site (${realSite}). Look-alike origins are refused; check the address with whoever asked for it.`;
}

/** Exact comparison only: no prefix, suffix or pattern matching, so look-alikes never match. */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): origin is string {
  return origin !== undefined && allowed.includes(origin);
}
