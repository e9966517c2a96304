import { shippedLocales } from '../i18n/catalog.js';
import { LOCALE_COOKIE } from '../i18n/request-locale.js';

// Purge on write for a shared cache in front (deploy/nginx.conf with nginx's cache-purge module,
// docs/proxy-and-cdn.md). That cache keys a page on its URL and the hearth_locale cookie, and a
// PURGE of the same URL with the same cookie removes exactly that entry, so each page is purged
// once without the cookie and once per shipped language. Purging is a shortcut, not what keeps
// pages right: s-maxage already bounds how long a page can be old. So it runs after the response,
// one batch at a time, and a failure is logged, never passed on to the write that caused it.

export type PurgePages = (paths: string[]) => void;
export type PurgeLog = (message: string, error?: unknown) => void;

/** Past this many paths waiting (a cache that stopped answering), new ones are dropped. */
const MAX_WAITING_PATHS = 1_000;
const TIMEOUT_MS = 2_000;

export function createCachePurger(purgeUrl: string, log: PurgeLog, send: typeof fetch = fetch): PurgePages {
  const origin = purgeUrl.replace(/\/+$/, '');
  const variants: (string | undefined)[] = [undefined, ...shippedLocales.map((locale) => `${LOCALE_COOKIE}=${locale}`)];
  let queue = Promise.resolve();
  let waiting = 0;
  let failing = false;

  async function purgeOne(path: string, cookie: string | undefined): Promise<void> {
    const response = await send(`${origin}${path}`, {
      method: 'PURGE',
      headers: cookie ? { cookie } : {},
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer();
    // 404 is "nothing cached under that key", which is fine; anything else says purge is not set up.
    if (response.status !== 200 && response.status !== 404) throw new Error(`PURGE ${path} answered ${response.status}`);
  }

  async function purgeBatch(paths: string[]): Promise<void> {
    try {
      for (const path of paths) for (const cookie of variants) await purgeOne(path, cookie);
      failing = false;
    } catch (error) {
      // One line when purging starts failing, not one per write.
      if (!failing) log(`Cache purge at ${origin} failed; cached pages now refresh within s-maxage only.`, error);
      failing = true;
    } finally {
      waiting -= paths.length;
    }
  }

  return (paths) => {
    const unique = [...new Set(paths)];
    if (unique.length === 0 || waiting + unique.length > MAX_WAITING_PATHS) return;
    waiting += unique.length;
    queue = queue.then(() => purgeBatch(unique));
  };
}
