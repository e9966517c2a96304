import { Hono, type Context } from 'hono';
import { RateLimited, ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { findSimilarThreads } from '../search/similar.js';
import type { AppEnv } from './env.js';
import { clientAddress } from './limits.js';

/** Similar-thread lookups and previews run searches and renders: limited per address like search. */
export function limitLookups(c: Context<AppEnv>, kind: 'similar' | 'preview'): void {
  c.var.limits.take(`${kind}:${clientAddress(c)}`, rules.searchPerIp);
}

// GET /similar?title=…[&category=slug] for static/similar.js on the new-thread form: JSON, and
// errors as JSON too ({ error: { message } }), since a script reads them.
export const similarRoutes = new Hono<AppEnv>().get('/similar', (c) => {
  try {
    limitLookups(c, 'similar');
    const threads = findSimilarThreads(c.var.services, { title: c.req.query('title'), category: c.req.query('category') });
    return c.json({ threads });
  } catch (error) {
    if (error instanceof ValidationError) return c.json({ error: { message: Object.values(error.fields).join(' ') } }, 400);
    if (error instanceof RateLimited) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json({ error: { message: error.message } }, 429);
    }
    throw error;
  }
});
