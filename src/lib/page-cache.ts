import { createHash } from 'node:crypto';
import { buildId } from './build-id.js';
import { splitAtNonces, type NonceParts } from './csp.js';

// Rendered anonymous pages, kept in memory and reused while the versions they were rendered from
// are unchanged (see migrations/0002: triggers bump them inside every write's transaction).
// Only anonymous requests read or fill it, so it can never show anyone more than the public sees.

export type CachedPage = {
  /** UTF-8 bytes around the CSP nonce placeholders: serving is a concat with a fresh nonce. */
  parts: NonceParts;
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

export class PageCache {
  private readonly entries = new Map<string, CachedPage & { bytes: number }>();
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
    // Re-insert to mark it recently used (a Map iterates in insertion order: the oldest goes first).
    this.entries.delete(key);
    this.entries.set(key, entry);
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
    const bytes = parts.reduce((sum, part) => sum + part.length, ENTRY_OVERHEAD_BYTES + key.length * 2);
    const entry = { parts, version, etag: this.etag(key, version), bytes, ...(revalidate ? { revalidate } : {}) };
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    while (this.bytes > this.maxBytes || this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
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
    this.entries.delete(key);
  }
}

function digest(rendering: Rendering): string {
  return createHash('sha256').update(JSON.stringify(rendering)).digest('base64url').slice(0, 12);
}
