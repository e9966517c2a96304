import { Hono, type Context } from 'hono';
import { isStaff } from '../forum/permissions.js';
import { parseCursor } from '../forum/thread-list.js';
import { getProfile, listProfilePosts, profileStats } from '../forum/users.js';
import { NotFound } from '../lib/errors.js';
import { renamedTo } from '../profiles/public-profile.js';
import { profilePage } from '../../views/pages/profile.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';

/**
 * A member who changed their username is found at the old one too: the same path under the new
 * name, permanently moved (old links in posts and elsewhere keep working). Else the NotFound stands.
 */
function toNewName(c: Context<AppEnv>, error: unknown): Response {
  const username = c.req.param('username') ?? '';
  const now = error instanceof NotFound ? renamedTo(c.get('services'), username) : null;
  if (!now) throw error;
  const url = new URL(c.req.url);
  const rest = url.pathname.split('/').slice(3);
  return c.redirect(`/u/${encodeURIComponent(now)}${rest.length > 0 ? `/${rest.join('/')}` : ''}${url.search}`, 301);
}

export const userRoutes = new Hono<AppEnv>()
  .get('/u/:username', (c) => {
    try {
      const profile = getProfile(c.get('services'), c.req.param('username'));
      const before = parseCursor(c.req.query('before'));
      const { posts, nextCursor } = listProfilePosts(c.get('services'), c.get('viewer'), { userId: profile.id, before });
      const threadCount = profileStats(c.get('services'), profile.id);
      return renderPage(c, profilePage({ i18n: c.get('i18n'), profile, threadCount, posts, nextCursor, isFirstPage: before === null, teamLink: isStaff(c.get('viewer')) }), {
        title: profile.displayName ? `${profile.displayName} (@${profile.username})` : profile.username,
        canonicalPath: `/u/${encodeURIComponent(profile.username)}`,
      });
    } catch (error) {
      return toNewName(c, error);
    }
  })
  // Pages under an old username's path (none but the avatar today) move with it.
  .get('/u/:username/*', (c) => toNewName(c, new NotFound()));
