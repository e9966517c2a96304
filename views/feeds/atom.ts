import type { SafeHtml } from '../../src/lib/safe-html.js';
import { w3cDate, xml, type Xml } from '../xml.js';

// Atom 1.0 (RFC 4287). Every URL here is absolute: feed readers resolve nothing against the page.

export type AtomEntry = {
  /** Stable for the life of the thing (a permanent URL), never its title or slug. */
  id: string;
  title: string;
  url: string;
  author: { name: string; url: string };
  published: number;
  updated: number;
  summary: string;
  /** Sanitized post HTML with absolute links, sent as escaped text (`type="html"`). */
  contentHtml: SafeHtml;
  category?: { term: string; label: string };
};

export type AtomFeed = {
  /** The feed's own URL: it is also its id. */
  selfUrl: string;
  /** The page the feed follows. */
  pageUrl: string;
  title: string;
  subtitle?: string;
  iconUrl: string;
  updated: number;
  entries: AtomEntry[];
};

function entry(item: AtomEntry): Xml {
  return xml`<entry>
<id>${item.id}</id>
<title type="text">${item.title}</title>
<link rel="alternate" type="text/html" href="${item.url}"/>
<author><name>${item.author.name}</name><uri>${item.author.url}</uri></author>
<published>${w3cDate(item.published)}</published>
<updated>${w3cDate(item.updated)}</updated>
${item.category ? xml`<category term="${item.category.term}" label="${item.category.label}"/>` : ''}
${item.summary ? xml`<summary type="text">${item.summary}</summary>` : ''}
<content type="html">${item.contentHtml}</content>
</entry>
`;
}

export function atomFeed(feed: AtomFeed): string {
  return xml`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${feed.selfUrl}</id>
<title type="text">${feed.title}</title>
${feed.subtitle ? xml`<subtitle type="text">${feed.subtitle}</subtitle>` : ''}
<link rel="self" type="application/atom+xml" href="${feed.selfUrl}"/>
<link rel="alternate" type="text/html" href="${feed.pageUrl}"/>
<icon>${feed.iconUrl}</icon>
<updated>${w3cDate(feed.updated)}</updated>
<generator>Hearth</generator>
${feed.entries.map(entry)}</feed>
`.text;
}
