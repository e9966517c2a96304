import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { resourceCsp } from '../lib/csp.js';
import { faviconIco } from '../lib/favicon.js';
import { faviconSvg } from '../../views/favicon.js';
import type { AppEnv } from './env.js';

// /favicon.svg and /favicon.ico in the brand colour, made once per colour. Browsers that
// read the layout's links take the SVG; /favicon.ico is what older clients and crawlers ask for
// without looking. A colour the ICO cannot be drawn in (none the configuration accepts today)
// sends that request to the SVG instead.

type Icon = { body: Uint8Array<ArrayBuffer>; type: string; etag: string };

function icon(body: Buffer, type: string): Icon {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body: new Uint8Array(body), type, etag };
}

function iconsIn(brandColor: string): Map<string, Icon> {
  const svg = icon(Buffer.from(faviconSvg(brandColor)), 'image/svg+xml');
  const ico = faviconIco(brandColor);
  return new Map([['/favicon.svg', svg], ...(ico ? [['/favicon.ico', icon(ico, 'image/x-icon')] as const] : [])]);
}

/** `brandColor` is BRAND_COLOR; a colour chosen in Admin → Appearance (the site's look) wins. */
export function faviconRoutes(brandColor: string): Hono<AppEnv> {
  // Drawn once per colour: the one in force, and the one before it while processes catch up.
  const drawn = new Map<string, Map<string, Icon>>();
  const iconsFor = (color: string) => {
    let icons = drawn.get(color);
    if (!icons) {
      if (drawn.size >= 4) drawn.clear();
      drawn.set(color, (icons = iconsIn(color)));
    }
    return icons;
  };
  iconsFor(brandColor);
  const app = new Hono<AppEnv>();
  const serve = (c: Context<AppEnv>) => {
    const found = iconsFor(c.get('site').look?.brandColor ?? brandColor).get(c.req.path);
    if (!found) return c.redirect('/favicon.svg', 302);
    // A day: the colour rarely changes, and the ETag tells a changed one apart when the browser asks again.
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Content-Security-Policy', resourceCsp);
    c.header('ETag', found.etag);
    if (c.req.header('if-none-match') === found.etag) return c.body(null, 304);
    c.header('Content-Type', found.type);
    return c.body(found.body);
  };
  app.get('/favicon.svg', serve);
  app.get('/favicon.ico', serve);
  return app;
}
