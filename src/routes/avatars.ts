import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { resourceCsp } from '../lib/csp.js';
import { initialsOf } from '../profiles/avatar.js';
import { findAvatarOwner } from '../profiles/public-profile.js';
import { initialsAvatarSvg } from '../../views/avatar.js';
import type { AppEnv } from './env.js';

// GET /u/:username/avatar.svg: a member's generated initials in the brand colour. Pages link it
// with `?v=` made from the display name (src/profiles/avatar.ts), so a new name is a new URL; the
// brand colour may take a day to show in caches, and the ETag lets browsers check sooner.

export const avatarRoutes = new Hono<AppEnv>().get('/u/:username/avatar.svg', (c) => {
  const found = findAvatarOwner(c.get('services'), c.req.param('username'));
  if (found.redirectTo) {
    const query = new URL(c.req.url).search;
    return c.redirect(`/u/${encodeURIComponent(found.redirectTo)}/avatar.svg${query}`, 301);
  }
  const color = c.get('site').look?.brandColor ?? c.get('config').brandColor;
  const svg = initialsAvatarSvg(initialsOf(found.displayName ?? found.username), color);
  const etag = `"${createHash('sha256').update(svg).digest('base64url').slice(0, 22)}"`;
  c.header('Cache-Control', 'public, max-age=86400');
  c.header('Content-Security-Policy', resourceCsp);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('ETag', etag);
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  c.header('Content-Type', 'image/svg+xml; charset=utf-8');
  return c.body(svg);
});
