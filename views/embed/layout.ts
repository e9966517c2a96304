import type { I18n } from '../../src/i18n/translator.js';
import { html, scriptNonce, type Html } from '../html.js';

export const embedThemes = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof embedThemes)[number];

export type EmbedLayoutProps = {
  /** The embed's language: `?locale=` (set by embed.js from the host page) or the community's default. */
  i18n: I18n;
  siteName: string;
  /** The community's home page, credited under every embed. */
  homeUrl: string;
  title: string;
  /** The page's own address in the community (search engines credit it, not the frame). */
  canonicalUrl: string;
  theme: EmbedTheme;
  /** The verified origin of the page framing us; the frame script posts messages only there. */
  hostOrigin: string | null;
  main: Html;
};

/**
 * The light frame around embeds: no site header, a transparent page in the host's theme from the
 * first paint (the theme is rendered server-side), every link opening a new top-level tab. No
 * inline script or style: the CSP allows only this origin's files.
 */
export function embedLayout(props: EmbedLayoutProps): Html {
  return html`<!doctype html>
<html lang="${props.i18n.locale}" dir="${props.i18n.dir}" data-theme="${props.theme}"${props.hostOrigin ? ' data-embedded' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${props.title} · ${props.siteName}</title>
<link rel="canonical" href="${props.canonicalUrl}">
<base target="_blank">
<link rel="stylesheet" href="/static/embed.css">
<link rel="stylesheet" href="/brand.css">
</head>
<body>
<main class="hearth-embed"${props.hostOrigin ? html` data-host-origin="${props.hostOrigin}"` : ''}>
${props.main}
<p class="embed-credit"><a href="${props.homeUrl}" dir="auto">${props.siteName}</a></p>
</main>
<script src="/static/embed-frame.js"${scriptNonce}></script>
</body>
</html>`;
}
