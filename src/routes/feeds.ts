import { Hono, type Context } from 'hono';
import { categoryFeed, latestThreadsFeed, threadFeed, type FeedPost, type FeedThread } from '../forum/feeds.js';
import { categoryPageVersion, homePageVersion, threadPageVersion } from '../forum/page-versions.js';
import { pageOfPost } from '../forum/threads.js';
import { absolutize } from '../embed/absolute-urls.js';
import { NotFound } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { excerpt } from '../lib/html-text.js';
import { communityLocale } from '../i18n/community.js';
import { localeFormat, type LocaleFormat } from '../i18n/translator.js';
import { atomFeed, type AtomEntry } from '../../views/feeds/atom.js';
import type { AppEnv } from './env.js';
import { idParam } from './forms.js';
import { threadPath } from '../lib/slug.js';
import { FEED_TYPE, servePublicResource } from './public-resource.js';

// Atom feeds of the newest threads (community-wide and per category) and of a thread's newest
// posts. URLs and ids are absolute; an entry's id is a permanent URL that survives renames.
// Feeds are the same for everyone (cached by path alone, read without a session), so their few
// words are in the community's own language, never the reader's.

const SUMMARY_LENGTH = 300;

type Site = { name: string; baseUrl: string };

function profileUrl(site: Site, username: string): string {
  return `${site.baseUrl}/u/${encodeURIComponent(username)}`;
}

function threadEntry(site: Site, thread: FeedThread, withCategory: boolean): AtomEntry {
  const post = thread.opening;
  return {
    id: `${site.baseUrl}/t/${thread.id}`,
    title: thread.title,
    url: `${site.baseUrl}${threadPath(thread.id, thread.slug)}`,
    author: { name: post.author, url: profileUrl(site, post.author) },
    published: post.createdAt,
    updated: post.updatedAt,
    summary: excerpt(post.bodyText, SUMMARY_LENGTH),
    contentHtml: absolutize(post.bodyHtml, site.baseUrl),
    ...(withCategory ? { category: { term: thread.category.slug, label: thread.category.name } } : {}),
  };
}

function postEntry(site: Site, format: LocaleFormat, thread: { id: number; title: string; slug: string }, post: FeedPost): AtomEntry {
  return {
    id: `${site.baseUrl}/p/${post.id}`,
    title: post.number === 1 ? thread.title : format.t('feed.replyTitle', { title: thread.title, number: String(post.number) }),
    url: `${site.baseUrl}${threadPath(thread.id, thread.slug, pageOfPost(post.number))}#post-${post.number}`,
    author: { name: post.author, url: profileUrl(site, post.author) },
    published: post.createdAt,
    updated: post.updatedAt,
    summary: excerpt(post.bodyText, SUMMARY_LENGTH),
    contentHtml: absolutize(post.bodyHtml, site.baseUrl),
  };
}

/** The newest change among the entries, or `otherwise` for a feed with none yet. */
function newest(entries: AtomEntry[], otherwise: number): number {
  return entries.reduce((latest, entry) => Math.max(latest, entry.updated), otherwise);
}

function feedUrls(c: Context<AppEnv>, pagePath: string) {
  const { baseUrl } = c.get('site');
  return { selfUrl: `${baseUrl}${c.req.path}`, pageUrl: `${baseUrl}${pagePath}`, iconUrl: `${baseUrl}/favicon.svg` };
}

/** The community's default language (an admin who changes it empties the cache these are kept in). */
function communityFormat(c: Context<AppEnv>): LocaleFormat {
  const config = c.get('config');
  const services = c.get('services');
  const community = communityLocale(services.db, { locale: config.defaultLocale, timeZone: config.timeZone });
  return localeFormat(community.locale, community.timeZone);
}

export const feedRoutes = new Hono<AppEnv>()
  .get('/latest.atom', (c) => {
    const services = c.get('services');
    const site = c.get('site');
    return servePublicResource(c, {
      version: homePageVersion(services.db),
      type: FEED_TYPE,
      render: () => {
        const format = communityFormat(c);
        const entries = latestThreadsFeed(services).map((thread) => threadEntry(site, thread, true));
        return atomFeed({ ...feedUrls(c, '/'), title: format.t('feed.latestTitle', { site: site.name }), updated: newest(entries, 0), entries });
      },
    });
  })
  .get('/c/:slug/feed.atom', (c) => {
    const services = c.get('services');
    const site = c.get('site');
    const version = categoryPageVersion(services.db, c.req.param('slug'));
    if (version === undefined) throw new NotFound(msg('feed.categoryNotFound'));
    return servePublicResource(c, {
      version,
      type: FEED_TYPE,
      render: () => {
        const { category, threads } = categoryFeed(services, c.req.param('slug'));
        const entries = threads.map((thread) => threadEntry(site, thread, false));
        const title = `${category.name} · ${site.name}`;
        return atomFeed({ ...feedUrls(c, `/c/${category.slug}`), title, subtitle: category.description, updated: newest(entries, category.createdAt), entries });
      },
    });
  })
  .get('/t/:id{[0-9]+}/feed.atom', (c) => {
    const services = c.get('services');
    const site = c.get('site');
    const current = threadPageVersion(services.db, idParam(c.req.param('id')));
    if (current === undefined) throw new NotFound(msg('feed.threadNotFound'));
    return servePublicResource(c, {
      version: current.version,
      type: FEED_TYPE,
      render: () => {
        const { thread, posts } = threadFeed(services, idParam(c.req.param('id')));
        const format = communityFormat(c);
        const entries = posts.map((post) => postEntry(site, format, thread, post));
        const title = `${thread.title} · ${site.name}`;
        return atomFeed({ ...feedUrls(c, threadPath(thread.id, thread.slug)), title, updated: newest(entries, thread.lastPostAt), entries });
      },
    });
  });
