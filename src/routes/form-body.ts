import type { Context, MiddlewareHandler } from 'hono';
import { msg } from '../i18n/message.js';
import { BadRequest } from '../lib/errors.js';
import type { AppEnv } from './env.js';

const FORM_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);

/*
 * Hono parses every form through a web Response (`new Response(body).formData()`): a stream, its
 * reader and undici's parser for a few hundred bytes of `body=…&submission=…`, ~8% of the request
 * thread's time under a stream of replies. An urlencoded body is parsed here with URLSearchParams
 * instead (the same WHATWG parser, UTF-8 only) and left where Hono looks first, so `parseBody()`
 * everywhere reads it from there; the text stays cached too, for anyone asking for it.
 */
async function cacheUrlencodedForm(c: Context<AppEnv>): Promise<void> {
  const text = await c.req.raw.text();
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
  // Hono keeps promises there, whatever its BodyCache type says (its request.js reads them with .then).
  const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
  cache['text'] = Promise.resolve(text);
  cache['formData'] = Promise.resolve(form);
}

/**
 * Reads a form body once, before any route: a body that cannot be parsed (a multipart body without
 * its boundary, say) is the client's mistake and answers 400, not a 500 from whichever route read
 * it first. Hono caches the parsed form, so routes reading it again cost nothing.
 */
export const formBodyGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && mediaType !== undefined && FORM_TYPES.has(mediaType)) {
    try {
      if (mediaType === 'application/x-www-form-urlencoded') await cacheUrlencodedForm(c);
      else await c.req.parseBody();
    } catch {
      throw new BadRequest(msg('request.unreadableForm'));
    }
  }
  await next();
};
