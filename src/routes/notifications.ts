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
    if (!c.var.viewer) return loginRedirect(c);
    const before = c.req.query('before');
    const cursor = before && /^[1-9][0-9]{0,14}$/.test(before) ? Number(before) : null;
    const list = listNotifications(c.var.services, c.var.viewer, { before: cursor });
    c.header('Cache-Control', 'private, no-store');
    const unread = unreadCount(c.var.services, c.var.viewer);
    return renderPage(c, notificationsPage({ i18n: c.var.i18n, ...list, isFirstPage: cursor === null, unread }), { title: c.var.i18n.t('layout.notifications') });
  })
  .post('/notifications/read-all', (c) => {
    markAllRead(c.var.services, c.var.viewer);
    return c.redirect('/notifications', 303);
  })
  .post('/notifications/:id/open', (c) => {
    const target = openNotification(c.var.services, c.var.viewer, idParam(c.req.param('id')));
    if (target.postId !== null) {
      try {
        return c.redirect(postPath(locatePost(c.var.services, c.var.viewer, target.postId)), 303);
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
      }
    }
    return c.redirect(target.threadId !== null ? `/t/${target.threadId}` : '/notifications', 303);
  });
