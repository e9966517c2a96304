import { nativeName, shippedLocales } from '../src/i18n/catalog.js';
import { raw } from 'hono/html';
import type { I18n, LocaleFormat } from '../src/i18n/translator.js';
import type { SignedIn } from '../src/lib/context.js';
import { escapeText, html, scriptNonce, type Html } from './html.js';
import { rich } from './i18n.js';
import { kept, type KeptMarkup } from './kept.js';

/**
 * How the community looks (Admin → Appearance, src/moderation/appearance.ts): the brand colour in
 * force, a logo, links back to the brand's sites and a footer text. `version` changes with any of
 * them: it names /brand.css's URL and the kept layouts.
 */
export type SiteLook = { brandColor: string; logoUrl: string | null; links: readonly { label: string; url: string }[]; footer: string; version: string };
/** `signUp`: false when members may only join through the brand's provider (OIDC_ONLY); the header then offers no sign-up. */
export type Site = { name: string; baseUrl: string; look?: SiteLook; signUp?: boolean };

/** Whether the site's pages invite visitors to make a local account (absent `signUp` means yes). */
export function offersSignUp(site: Site): boolean {
  return site.signUp !== false;
}

export type LayoutProps = {
  site: Site;
  viewer: SignedIn | null;
  i18n: I18n;
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

/** The label is a plural message: formatted only when there is a count to show. */
function countBadge(i18n: I18n, count: number, label: 'layout.reviewWaiting' | 'layout.unread'): Html {
  return count > 0 ? html` <span class="count-badge" aria-label="${i18n.t(label, { count })}">${i18n.number(count)}</span>` : html``;
}

const accountNavs: KeptMarkup = new WeakMap();

/** Kept per language, name, role and counts (../views/kept.ts): it is on every page a member sees. */
function accountNav(i18n: I18n, viewer: SignedIn | null, counts: { notifications: number; review: number }, signUp: boolean): Html {
  if (!viewer) {
    return html`<a href="/login">${i18n.t('layout.logIn')}</a>${signUp ? html`<a class="button" href="/signup">${i18n.t('layout.signUp')}</a>` : ''}`;
  }
  const staff = viewer.role === 'manager' || viewer.role === 'admin';
  return kept(accountNavs, i18n, `${staff ? 'staff' : 'member'} ${counts.review} ${counts.notifications} ${viewer.username}`, () => signedInNav(i18n, viewer, counts, staff));
}

function signedInNav(i18n: I18n, viewer: SignedIn, counts: { notifications: number; review: number }, staff: boolean): Html {
  return html`<a class="button" href="/new">${i18n.t('layout.newThread')}</a>
    ${staff ? html`<a href="/mod/queue">${i18n.t('layout.review')}${countBadge(i18n, counts.review, 'layout.reviewWaiting')}</a>` : ''}
    <a href="/notifications">${i18n.t('layout.notifications')}${countBadge(i18n, counts.notifications, 'layout.unread')}</a>
    <a href="/u/${encodeURIComponent(viewer.username)}" dir="auto">${viewer.username}</a>
    <a href="/account">${i18n.t('layout.account')}</a>
    <form method="post" action="/logout" class="inline-form"><button type="submit" class="link-button">${i18n.t('layout.logOut')}</button></form>`;
}

const pickerLocales = shippedLocales.map((tag) => ({ tag, name: nativeName(tag) }));

/**
 * The language picker: a plain form (POST /locale). It brings the reader back by the Referer, not
 * by a field holding this page's address, so a page never repeats its URL in its body.
 */
function languagePicker(i18n: I18n): Html {
  let picker = pickers.get(i18n.format);
  if (picker === undefined) pickers.set(i18n.format, (picker = pickerFor(i18n)));
  return picker;
}

// The picker and the footer depend only on the language (and the site's name), so each is kept.
const pickers = new WeakMap<LocaleFormat, Html>();
const footers = new WeakMap<LocaleFormat, { siteName: string; markup: Html }>();

function footer(i18n: I18n, siteName: string): Html {
  const kept = footers.get(i18n.format);
  if (kept?.siteName === siteName) return kept.markup;
  const markup = rich(i18n, 'layout.footer', { site: html`<span dir="auto">${siteName}</span>` });
  footers.set(i18n.format, { siteName, markup });
  return markup;
}

function pickerFor(i18n: I18n): Html {
  return html`<form class="language-picker" method="post" action="/locale">
  <label for="language-picker">${i18n.t('layout.language')}</label>
  <select id="language-picker" name="locale">${pickerLocales.map(
    ({ tag, name }) => html`<option value="${tag}" lang="${tag}"${tag === i18n.locale ? ' selected' : ''}>${name}</option>`,
  )}</select>
  <button type="submit" class="link-button">${i18n.t('layout.changeLanguage')}</button>
</form>`;
}

/** Where each language of a public page lives: its canonical URL with `?locale=` (one string: this is on every page). */
function alternates(site: Site, canonicalPath: string): Html {
  const url = escapeText(`${site.baseUrl}${canonicalPath}`);
  const separator = canonicalPath.includes('?') ? '&amp;' : '?';
  let links = '';
  for (const { tag } of pickerLocales) links += `<link rel="alternate" hreflang="${tag}" href="${url}${separator}locale=${tag}">\n`;
  return raw(`${links}<link rel="alternate" hreflang="x-default" href="${url}">`);
}


/** The community's name, or its logo with the name as the image's text. */
function brandMark(site: Site): Html {
  if (!site.look?.logoUrl) return html`<a class="brand" href="/" dir="auto">${site.name}</a>`;
  return html`<a class="brand brand-logo" href="/"><img src="${site.look.logoUrl}" alt="${site.name}" height="32"></a>`;
}

/** Links back to the brand's own sites (its home, its help center), from Admin → Appearance. */
function brandLinks(i18n: I18n, links: readonly { label: string; url: string }[]): Html {
  return html`<nav class="brand-links" aria-label="${i18n.t('layout.brandLinks')}">${links.map((link) => html`<a href="${link.url}" dir="auto">${link.label}</a>`)}</nav>`;
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

const reminders: KeptMarkup = new WeakMap();

/** What differs between viewers of one page: their account links, and the reminder to confirm their email. */
export type LayoutPersonal = { account: Html; reminder: Html };

export function layoutPersonal(i18n: I18n, site: Site, viewer: SignedIn | null, counts: { notifications: number; review: number } = { notifications: 0, review: 0 }): LayoutPersonal {
  return {
    account: accountNav(i18n, viewer, counts, offersSignUp(site)),
    reminder: viewer?.emailUnverified ? kept(reminders, i18n, 'confirm-email', () => html`<p class="notice">${rich(i18n, 'layout.confirmEmail', { link: (text) => html`<a href="/account">${text}</a>` })}</p>`) : html``,
  };
}

/**
 * The page around `main`. `personal` may be holes (routes/fragments.ts) when the page is kept as a
 * frame that each viewer's parts fill in.
 */
export function layout(props: LayoutProps, personal: LayoutPersonal = layoutPersonal(props.i18n, props.site, props.viewer, props.counts)): Html {
  const { site, title, i18n } = props;
  const fullTitle = title === site.name ? site.name : `${title} · ${site.name}`;
  return html`<!doctype html>
<html lang="${i18n.locale}" dir="${i18n.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${props.description ? html`<meta name="description" content="${props.description}">` : ''}
${props.canonicalPath ? html`<link rel="canonical" href="${site.baseUrl}${props.canonicalPath}">` : ''}
${props.canonicalPath ? openGraph(props) : ''}
${props.canonicalPath ? alternates(site, props.canonicalPath) : ''}
${props.canonicalPath && props.oembed ? html`<link rel="alternate" type="application/json+oembed" href="${site.baseUrl}/oembed?url=${encodeURIComponent(site.baseUrl + props.canonicalPath)}" title="${props.title}">` : ''}
${props.feed ? html`<link rel="alternate" type="application/atom+xml" href="${site.baseUrl}${props.feed.path}" title="${props.feed.title}">` : ''}
${props.structuredData ? html`<script type="application/ld+json"${scriptNonce}>${props.structuredData}</script>` : ''}
<meta name="color-scheme" content="light dark">
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/brand.css${site.look ? `?v=${site.look.version}` : ''}">
</head>
<body>
<a class="skip-link" href="#main">${i18n.t('layout.skipToContent')}</a>
<header class="site-header">
  <div class="bar">
    ${brandMark(site)}
    ${site.look && site.look.links.length > 0 ? brandLinks(i18n, site.look.links) : ''}
    <form class="search" role="search" method="get" action="/search">
      <label class="visually-hidden" for="site-search">${i18n.t('layout.searchLabel')}</label>
      <input id="site-search" type="search" name="q" placeholder="${i18n.t('layout.searchPlaceholder')}" maxlength="200" dir="auto">
    </form>
    <nav class="account" aria-label="${i18n.t('layout.accountNav')}">${personal.account}</nav>
  </div>
</header>
<main id="main" class="page">
${props.notice ? html`<p class="notice" role="status">${props.notice}</p>` : ''}
${personal.reminder}
${props.main}
</main>
<footer class="site-footer">
${site.look?.footer ? html`<p class="footer-text" dir="auto">${site.look.footer}</p>` : ''}
<p>${footer(i18n, site.name)}</p>
${languagePicker(i18n)}
</footer>
</body>
</html>`;
}
