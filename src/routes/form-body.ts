import type { MiddlewareHandler } from 'hono';
import { BadRequest } from '../lib/errors.js';
import type { AppEnv } from './env.js';

const FORM_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);

/**
 * Reads a form body once, before any route: a body that cannot be parsed (a multipart body without
 * its boundary, say) is the client's mistake and answers 400, not a 500 from whichever route read
 * it first. Hono caches the parsed form, so routes reading it again cost nothing.
 */
export const formBodyGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && mediaType !== undefined && FORM_TYPES.has(mediaType)) {
    try {
      await c.req.parseBody();
    } catch {
      throw new BadRequest('We could not read that form. Please reload the page and send it again.');
    }
  }
  await next();
};
