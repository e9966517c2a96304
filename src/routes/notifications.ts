import { Hono } from 'hono';
import { listNotifications, markAllRead, openNotification, unreadCount } from '../notifications/list.js';
import { locatePost } from '../forum/posts.js';
import { NotFound } from '../lib/errors.js';
import { notificationsPage } from '../../views/pages/notifications.js';
import type { AppEnv } from './env.js';
import { idParam, loginRedirect, postPath } from './forms.js';
import { renderPage } from './render.js';

export const notificationRoutes = new Hono<AppEnv>()
  .get('/notifications', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const before = c.req.query('before');
    const cursor = before && /^[1-9][0-9]{0,14}$/.test(before) ? Number(before) : null;
    const list = listNotifications(c.get('services'), c.get('viewer'), { before: cursor });
    c.header('Cache-Control', 'private, no-store');
    const unread = unreadCount(c.get('services'), c.get('viewer'));
    return renderPage(c, notificationsPage({ i18n: c.get('i18n'), ...list, isFirstPage: cursor === null, unread }), { title: c.get('i18n').t('layout.notifications') });
  })
  .post('/notifications/read-all', (c) => {
    markAllRead(c.get('services'), c.get('viewer'));
    return c.redirect('/notifications', 303);
  })
  .post('/notifications/:id/open', (c) => {
    const target = openNotification(c.get('services'), c.get('viewer'), idParam(c.req.param('id')));
    if (target.path) return c.redirect(target.path, 303);
    if (target.postId !== null) {
      try {
        return c.redirect(postPath(locatePost(c.get('services'), c.get('viewer'), target.postId)), 303);
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
      }
    }
    return c.redirect(target.threadId !== null ? `/t/${target.threadId}` : '/notifications', 303);
  });
