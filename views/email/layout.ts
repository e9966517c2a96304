import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

/** Text of an email, the same words as plain text and as markup (where member text is set off with `dir="auto"`). */
export type EmailText = string | { text: string; html: Html };

/** One email's content, rendered both as plain text and as simple HTML from the same parts. */
export type EmailContent = {
  /** The recipient's language and time zone. */
  i18n: I18n;
  siteName: string;
  baseUrl: string;
  greeting: EmailText;
  paragraphs: EmailText[];
  action?: { label: string; url: string };
  sections?: { heading: string; items: { text: EmailText; url: string; meta?: EmailText }[] }[];
  closing?: string[];
  /** Present on every message to a member: a visible link next to the List-Unsubscribe header. */
  unsubscribeUrl?: string;
};

export type RenderedEmail = { text: string; html: string };

const plain = (value: EmailText): string => (typeof value === 'string' ? value : value.text);
const markup = (value: EmailText): Html | string => (typeof value === 'string' ? value : value.html);

/** Member text (a name, a title) in an email: its own direction in markup, as it is in plain text. */
export function memberText(value: string): EmailText {
  return { text: value, html: html`<span dir="auto">${value}</span>` };
}

function footerText(content: EmailContent): string {
  const { i18n } = content;
  const lines = [`— ${content.siteName}, ${content.baseUrl}/`];
  if (content.unsubscribeUrl) {
    lines.push(i18n.t('email.settingsLine', { url: `${content.baseUrl}/account` }), i18n.t('email.unsubscribeLine', { url: content.unsubscribeUrl }));
  }
  return lines.join('\n');
}

function text(content: EmailContent): string {
  const parts: string[] = [plain(content.greeting), ...content.paragraphs.map(plain)];
  if (content.action) parts.push(`${content.action.label}:\n${content.action.url}`);
  for (const section of content.sections ?? []) {
    const items = section.items.map((item) => `- ${plain(item.text)}${item.meta ? ` (${plain(item.meta)})` : ''}\n  ${item.url}`);
    parts.push(`${section.heading}\n\n${items.join('\n')}`);
  }
  parts.push(...(content.closing ?? []), footerText(content));
  return `${parts.join('\n\n')}\n`;
}

const paragraph = (value: EmailText): Html => html`<p style="margin:0 0 16px">${markup(value)}</p>`;

function footer(content: EmailContent): Html {
  const { i18n } = content;
  return html`<p style="font-size:13px;color:#6b7280"><span dir="auto">${content.siteName}</span> · <a href="${content.baseUrl}/">${content.baseUrl}</a>${
    content.unsubscribeUrl
      ? html`<br><a href="${content.baseUrl}/account">${i18n.t('email.settings')}</a> · <a href="${content.unsubscribeUrl}">${i18n.t('email.unsubscribe')}</a>`
      : ''
  }</p>`;
}

function body(content: EmailContent): Html {
  const { i18n } = content;
  return html`<!doctype html>
<html lang="${i18n.locale}" dir="${i18n.dir}"><head><meta charset="utf-8"><title>${content.siteName}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937;max-width:36rem;margin:0 auto;padding:24px">
<p style="font-weight:600;margin:0 0 24px" dir="auto">${content.siteName}</p>
${paragraph(content.greeting)}${content.paragraphs.map(paragraph)}
${content.action
  ? html`<p style="margin:24px 0"><a href="${content.action.url}" style="background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${content.action.label}</a></p>
<p style="font-size:13px;color:#6b7280">${rich(i18n, 'email.pasteLink', { url: html`<span dir="ltr">${content.action.url}</span>` })}</p>`
  : ''}
${(content.sections ?? []).map(
  (section) => html`<h2 style="font-size:16px;margin:24px 0 8px">${section.heading}</h2>
<ul style="padding-inline-start:20px">${section.items.map((item) => html`<li style="margin-bottom:8px"><a href="${item.url}">${markup(item.text)}</a>${item.meta ? html` <span style="color:#6b7280">(${markup(item.meta)})</span>` : ''}</li>`)}</ul>`,
)}
${(content.closing ?? []).map(paragraph)}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">
${footer(content)}
</body></html>`;
}

export function renderEmail(content: EmailContent): RenderedEmail {
  return { text: text(content), html: body(content).toString() };
}
