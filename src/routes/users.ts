import { Hono } from 'hono';
import { isStaff } from '../forum/permissions.js';
import { parseCursor } from '../forum/thread-list.js';
import { getProfile, listProfilePosts, profileStats } from '../forum/users.js';
import { profilePage } from '../../views/pages/profile.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';

export const userRoutes = new Hono<AppEnv>().get('/u/:username', (c) => {
  const profile = getProfile(c.get('services'), c.req.param('username'));
  const before = parseCursor(c.req.query('before'));
  const { posts, nextCursor } = listProfilePosts(c.get('services'), c.get('viewer'), { userId: profile.id, before });
  const threadCount = profileStats(c.get('services'), profile.id);
  return renderPage(c, profilePage({ i18n: c.get('i18n'), profile, threadCount, posts, nextCursor, isFirstPage: before === null, teamLink: isStaff(c.get('viewer')) }), {
    title: profile.username,
    canonicalPath: `/u/${encodeURIComponent(profile.username)}`,
  });
});
