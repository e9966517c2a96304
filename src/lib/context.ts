import type { Db } from '../db/client.js';
import type { Role } from '../db/schema.js';
import type { MarkdownRenderer } from '../markdown/renderer.js';

/** The signed-in user as the rest of the code sees them. */
export type SignedIn = {
  id: number;
  username: string;
  role: Role;
  createdAt: number;
  /** Until when they may read but not post or flag (ms); null or past when not silenced. */
  silencedUntil?: number | null;
  /** Set until the member confirms their email address; pages then show a reminder. */
  emailUnverified?: boolean;
  /** Categories a scoped manager moderates; undefined means everywhere. */
  scope?: number[];
  /** The member's own interface language and time zone; undefined follows the community's. */
  locale?: string;
  timeZone?: string;
};

/** Who is asking: a signed-in user, or null for an anonymous visitor. */
export type Viewer = SignedIn | null;

/** What services need besides the viewer and their input. */
export type ServiceContext = {
  db: Db;
  markdown: MarkdownRenderer;
  /** Milliseconds since the epoch; injected so tests can move time. */
  now: () => number;
};
