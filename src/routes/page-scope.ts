import type { Context } from 'hono';
import type { I18n } from '../i18n/translator.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import type { Site } from '../../views/layout.js';
import type { AppEnv } from './env.js';

/**
 * What rendering a page needs from its request: who asks, in which language, on which site, and
 * the URL they asked for. Hono's context gives it to the routes; signed-in thread pages answered
 * before the router (./signed-in-threads.ts) make it from the node request, so both render the
 * same bytes with the same code.
 */
export type PageScope = {
  services: ServiceContext;
  viewer: Viewer;
  i18n: I18n;
  site: Site;
  /** The path and query, as the browser sent them. */
  url: string;
  query(name: string): string | undefined;
};

export function pageScope(c: Context<AppEnv>): PageScope {
  const url = c.req.url;
  return {
    services: c.get('services'),
    viewer: c.get('viewer'),
    i18n: c.get('i18n'),
    site: c.get('site'),
    url: url.slice(url.indexOf('/', url.indexOf('//') + 2)),
    query: (name) => c.req.query(name),
  };
}
