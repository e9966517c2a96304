import { Hono, type Context } from 'hono';
import { RateLimited, ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { findSimilarThreads } from '../search/similar.js';
import type { AppEnv } from './env.js';
import { sentences } from './forms.js';
import { clientAddress } from './limits.js';

/** Similar-thread lookups and previews run searches and renders: limited per address like search. */
export function limitLookups(c: Context<AppEnv>, kind: 'similar' | 'preview'): void {
  c.get('limits').take(`${kind}:${clientAddress(c)}`, rules.searchPerIp);
}

// GET /similar?title=…[&category=slug] for static/similar.js on the new-thread form: JSON, and
// errors as JSON too ({ error: { message } }), since a script reads them. Each thread's reply count
// comes as words too (`replies`), in the reader's language: the script has no plural rules.
export const similarRoutes = new Hono<AppEnv>().get('/similar', (c) => {
  const i18n = c.get('i18n');
  try {
    limitLookups(c, 'similar');
    const threads = findSimilarThreads(c.get('services'), { title: c.req.query('title'), category: c.req.query('category') });
    return c.json({ threads: threads.map((thread) => ({ ...thread, replies: i18n.t('similar.replies', { count: thread.replyCount }) })) });
  } catch (error) {
    if (error instanceof ValidationError) return c.json({ error: { message: sentences(i18n, Object.values(error.fields).map((text) => i18n.message(text))) } }, 400);
    if (error instanceof RateLimited) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json({ error: { message: i18n.message(error.text) } }, 429);
    }
    throw error;
  }
});
