import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Html } from '../../views/html.js';
import { layout, type LayoutProps } from '../../views/layout.js';
import { errorPage } from '../../views/pages/error.js';
import { countOpenReviewItems } from '../moderation/review-count.js';
import { unreadCount } from '../notifications/list.js';
import type { AppEnv } from './env.js';

export type PageProps = Omit<LayoutProps, 'site' | 'viewer' | 'main' | 'counts'>;

/** Wraps a view in the site layout for the current viewer (with their unread and review counts). */
export function renderPage(c: Context<AppEnv>, main: Html, props: PageProps, status: ContentfulStatusCode = 200) {
  const { viewer, services } = c.var;
  const counts = viewer ? { notifications: unreadCount(services, viewer), review: countOpenReviewItems(services, viewer) } : undefined;
  return c.html(layout({ ...props, main, site: c.var.site, viewer, ...(counts ? { counts } : {}) }), status);
}

const headings: Record<number, string> = {
  400: 'That request did not make sense to us',
  401: 'Please sign in',
  403: 'You cannot do that here',
  404: 'Page not found',
  409: 'That changed while you were working',
  413: 'That was too large',
  422: 'Please check what you entered',
  429: 'Slow down a little',
  500: 'Something went wrong on our side',
};

export function renderError(c: Context<AppEnv>, status: ContentfulStatusCode, message: string) {
  const heading = headings[status] ?? 'Something went wrong';
  return renderPage(c, errorPage({ status, heading, message }), { title: heading }, status);
}
