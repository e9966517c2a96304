import type { MiddlewareHandler } from 'hono';
import { threadPlace } from '../forum/page-versions.js';
import type { PurgePages } from '../lib/cache-purge.js';
import { threadPath } from '../lib/slug.js';
import type { AppEnv } from './env.js';

// Which cached pages a write changed, for purge on write (src/lib/cache-purge.ts). A write that
// touches a thread (a new thread, a reply, an edit, a delete, a vote, an answer) is a POST whose
// URL or redirect names the thread (`/t/:id/…`; post routes redirect to the post's thread page).
// Its pages are the thread's first page, the page the redirect shows, its category and home.
// Other writes (staff tools, settings) are left to s-maxage, as without purge.

const THREAD_PATH = /^\/t\/([1-9][0-9]{0,14})(?:[/?#]|$)/;

function threadIdIn(path: string | null | undefined): number | undefined {
  const id = path ? THREAD_PATH.exec(path)?.[1] : undefined;
  return id === undefined ? undefined : Number(id);
}

export function purgeOnWrite(purge: PurgePages): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'POST' || c.res.status >= 400) return;
    const location = c.res.headers.get('location');
    const threadId = threadIdIn(location) ?? threadIdIn(c.req.path);
    if (threadId === undefined) return;
    const place = threadPlace(c.get('services').db, threadId);
    if (!place) return;
    const shown = location && threadIdIn(location) === threadId ? location.split('#', 1)[0]! : undefined;
    purge([threadPath(threadId, place.slug), ...(shown ? [shown] : []), `/c/${place.category}`, '/']);
  };
}
