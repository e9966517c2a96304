import { createHash } from 'node:crypto';
import { buildId } from './build-id.js';
import { splitAtNonces, type NonceParts } from './csp.js';

// Rendered anonymous pages, kept in memory and reused while the versions they were rendered from
// are unchanged (see migrations/0002: triggers bump them inside every write's transaction).
// Only anonymous requests read or fill it, so it can never show anyone more than the public sees.

export type CachedPage = {
  /** UTF-8 bytes around the CSP nonce placeholders: serving is a concat with a fresh nonce. */
  parts: NonceParts;
  /** The parts' bytes together: a view's Content-Length is this plus its nonces'. */
  length: number;
  etag: string;
  version: string;
  /** The page's current version (undefined once it is gone), for serving hits outside the router. */
  revalidate?: () => string | undefined;
};

// How stale a cached hit served before the app may be about settings another process changed.
const FOLLOW_INTERVAL_MS = 1000;

// Key, version, ETag strings and the Map slot: a rough but honest per-entry overhead.
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * What else the bytes of a page depend on besides its key and version, so every process serving
 * the same build, site and community gives the same ETag (a 304 from any of them, and across a
 * restart), and a change of any of them gives new ETags.
 */
export type Rendering = {
  /** src/lib/build-id.ts: the code, templates, catalogs and static files. */
  build: string;
  /** The site settings rendered into public pages: name, BASE_URL, brand colour. */
  site: string;
  /** The community's default language and time zone: keys without a locale mean this one. */
  community: string;
};

export type PageCacheOptions = { maxBytes?: number; maxEntries?: number; build?: string };

/**
 * A kept page and its place in the order of use. The entries are linked from the least to the most
 * recently used, so a hit moves its entry to the end with a few pointer writes, where deleting
 * and re-inserting it in the Map cost two hash operations and left a hole to compact.
 */
type Entry = CachedPage & { key: string; bytes: number; older: Entry | undefined; newer: Entry | undefined };

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private oldest: Entry | undefined;
  private newest: Entry | undefined;
  private bytes = 0;
  private rendering: Rendering;
  /** A digest of `rendering`, the first part of every ETag. */
  private prefix: string;
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  private follow: (() => void) | undefined;
  private followedAt = 0;

  constructor(options: PageCacheOptions = {}) {
    // A 20-post thread page with its JSON-LD is ~36 KB: 128 MB holds ~3,500 of them, the hot set
    // of a large community (64 MB missed a fifth of the benchmark's 2,000 threads at 1M posts).
    this.maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
    this.maxEntries = options.maxEntries ?? 20_000;
    this.rendering = { build: options.build ?? buildId(), site: '', community: '' };
    this.prefix = digest(this.rendering);
  }

  /**
   * Records what pages are now rendered with (createApp gives the site and the community's
   * language at start; /admin/language a new default). A change forgets every page and changes
   * every ETag: pages rendered afterwards may differ at equal versions.
   */
  describe(change: Partial<Rendering>): void {
    const next = { ...this.rendering, ...change };
    const prefix = digest(next);
    if (prefix === this.prefix) return;
    this.rendering = next;
    this.prefix = prefix;
    this.entries.clear();
    this.oldest = this.newest = undefined;
    this.bytes = 0;
  }

  /**
   * `check` brings the rendering up to date (calling describe() when it changed; createApp's
   * src/routes/site-settings.ts, which notices other processes' changes). Requests the app handles
   * run it themselves; hits served before the app (src/lib/cached-pages.ts) run it at most once per
   * FOLLOW_INTERVAL_MS through peek(), so a change saved by another process reaches them within it.
   */
  followRendering(check: () => void): void {
    this.follow = check;
  }

  /** Runs the check now: after this process saved a setting pages render, hits before the app must not wait for the interval. */
  recheck(): void {
    this.followedAt = performance.now();
    this.follow?.();
  }

  etag(key: string, version: string): string {
    return `"${this.prefix}-${createHash('sha1').update(key).digest('base64url').slice(0, 10)}-${version}"`;
  }

  get(key: string, version: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.delete(key);
      return undefined;
    }
    if (entry !== this.newest) {
      this.unlink(entry);
      this.append(entry);
    }
    return entry;
  }

  /** The entry as stored, whatever its version: the caller revalidates it. */
  peek(key: string): CachedPage | undefined {
    if (this.follow) {
      const now = performance.now();
      if (now - this.followedAt >= FOLLOW_INTERVAL_MS) {
        this.followedAt = now;
        this.follow();
      }
    }
    return this.entries.get(key);
  }

  /** `body`: the page as a string, or already as bytes around its nonces (src/routes/fragments.ts). */
  set(key: string, version: string, body: string | NonceParts, revalidate?: () => string | undefined): CachedPage {
    this.delete(key);
    const parts = typeof body === 'string' ? splitAtNonces(body) : body;
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    const bytes = length + ENTRY_OVERHEAD_BYTES + key.length * 2;
    const entry: Entry = { parts, length, version, etag: this.etag(key, version), key, bytes, older: undefined, newer: undefined, revalidate };
    this.entries.set(key, entry);
    this.append(entry);
    this.bytes += entry.bytes;
    while (this.bytes > this.maxBytes || this.entries.size > this.maxEntries) {
      if (this.oldest === undefined) break;
      this.delete(this.oldest.key);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.unlink(entry);
    this.entries.delete(key);
  }

  /** Puts the entry at the most recently used end. */
  private append(entry: Entry): void {
    entry.older = this.newest;
    entry.newer = undefined;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  private unlink(entry: Entry): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = undefined;
  }
}

function digest(rendering: Rendering): string {
  return createHash('sha256').update(JSON.stringify(rendering)).digest('base64url').slice(0, 12);
}
