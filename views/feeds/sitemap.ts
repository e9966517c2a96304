import { w3cDate, xml } from '../xml.js';

// The sitemaps protocol (https://www.sitemaps.org/protocol.html): an index of sitemaps, and
// sitemaps of page URLs, each with the time it last changed.

export type SitemapLink = { url: string; lastModified: number | null };

const lastmod = (link: SitemapLink) => (link.lastModified === null ? '' : xml`<lastmod>${w3cDate(link.lastModified)}</lastmod>`);

export function sitemapIndex(sitemaps: SitemapLink[]): string {
  return xml`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemaps.map((sitemap) => xml`<sitemap><loc>${sitemap.url}</loc>${lastmod(sitemap)}</sitemap>\n`)}</sitemapindex>
`.text;
}

export function urlSet(pages: SitemapLink[]): string {
  return xml`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map((page) => xml`<url><loc>${page.url}</loc>${lastmod(page)}</url>\n`)}</urlset>
`.text;
}
