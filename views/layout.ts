import type { SignedIn } from '../src/lib/context.js';
import { html, scriptNonce, type Html } from './html.js';

export type Site = { name: string; baseUrl: string };

export type LayoutProps = {
  site: Site;
  viewer: SignedIn | null;
  title: string;
  main: Html;
  description?: string;
  canonicalPath?: string;
  /** Open Graph type of a page with a canonical URL ("website" unless said otherwise). */
  ogType?: string;
  /** Announce /oembed for the canonical URL (thread pages), so editors can embed it from a pasted link. */
  oembed?: boolean;
  /** schema.org JSON-LD for the page (serialized with jsonForScript), written as a data block in the head. */
  structuredData?: Html | null;
  /** The page's Atom feed (a path on this site), announced for feed readers. */
  feed?: { path: string; title: string };
  /** A one-line notice shown above the page, e.g. after signing out. */
  notice?: string;
  /** Unread notifications, and open review items for staff. */
  counts?: { notifications: number; review: number };
};

function countBadge(count: number, label: string): Html {
  return count > 0 ? html` <span class="count-badge" aria-label="${count} ${label}">${count}</span>` : html``;
}

function accountNav(viewer: SignedIn | null, counts: { notifications: number; review: number }): Html {
  if (!viewer) {
    return html`<a href="/login">Log in</a><a class="button" href="/signup">Sign up</a>`;
  }
  const staff = viewer.role === 'manager' || viewer.role === 'admin';
  return html`<a class="button" href="/new">New thread</a>
    ${staff ? html`<a href="/mod/queue">Review${countBadge(counts.review, 'items waiting for review')}</a>` : ''}
    <a href="/notifications">Notifications${countBadge(counts.notifications, 'unread')}</a>
    <a href="/u/${encodeURIComponent(viewer.username)}">${viewer.username}</a>
    <a href="/account">Account</a>
    <form method="post" action="/logout" class="inline-form"><button type="submit" class="link-button">Log out</button></form>`;
}

/** Link previews in chat apps and social sites; only pages with a canonical URL are worth sharing. */
function openGraph(props: LayoutProps): Html {
  const { site } = props;
  return html`<meta property="og:title" content="${props.title}">
<meta property="og:type" content="${props.ogType ?? 'website'}">
<meta property="og:url" content="${site.baseUrl}${props.canonicalPath}">
<meta property="og:site_name" content="${site.name}">
${props.description ? html`<meta property="og:description" content="${props.description}">` : ''}`;
}

export function layout(props: LayoutProps): Html {
  const { site, viewer, title } = props;
  const fullTitle = title === site.name ? site.name : `${title} · ${site.name}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${props.description ? html`<meta name="description" content="${props.description}">` : ''}
${props.canonicalPath ? html`<link rel="canonical" href="${site.baseUrl}${props.canonicalPath}">` : ''}
${props.canonicalPath ? openGraph(props) : ''}
${props.canonicalPath && props.oembed ? html`<link rel="alternate" type="application/json+oembed" href="${site.baseUrl}/oembed?url=${encodeURIComponent(site.baseUrl + props.canonicalPath)}" title="${props.title}">` : ''}
${props.feed ? html`<link rel="alternate" type="application/atom+xml" href="${site.baseUrl}${props.feed.path}" title="${props.feed.title}">` : ''}
${props.structuredData ? html`<script type="application/ld+json"${scriptNonce}>${props.structuredData}</script>` : ''}
<meta name="color-scheme" content="light dark">
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/brand.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="bar">
    <a class="brand" href="/">${site.name}</a>
    <form class="search" role="search" method="get" action="/search">
      <label class="visually-hidden" for="site-search">Search the community</label>
      <input id="site-search" type="search" name="q" placeholder="Search" maxlength="200">
    </form>
    <nav class="account" aria-label="Account">${accountNav(viewer, props.counts ?? { notifications: 0, review: 0 })}</nav>
  </div>
</header>
<main id="main" class="page">
${props.notice ? html`<p class="notice" role="status">${props.notice}</p>` : ''}
${viewer?.emailUnverified ? html`<p class="notice">Please confirm your email address: follow the link we emailed you, or <a href="/account">get a new one</a>.</p>` : ''}
${props.main}
</main>
<footer class="site-footer"><p>${site.name} community · powered by Hearth</p></footer>
</body>
</html>`;
}
