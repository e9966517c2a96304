import { html, type Html } from '../html.js';

/** One email's content, rendered both as plain text and as simple HTML from the same parts. */
export type EmailContent = {
  siteName: string;
  baseUrl: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  sections?: { heading: string; items: { text: string; url: string; meta?: string }[] }[];
  closing?: string[];
  /** Present on every message to a member: a visible link next to the List-Unsubscribe header. */
  unsubscribeUrl?: string;
};

export type RenderedEmail = { text: string; html: string };

function footerText(content: EmailContent): string {
  const lines = [`— ${content.siteName}, ${content.baseUrl}/`];
  if (content.unsubscribeUrl) {
    lines.push(`Email settings: ${content.baseUrl}/account`, `Stop all notification email: ${content.unsubscribeUrl}`);
  }
  return lines.join('\n');
}

function text(content: EmailContent): string {
  const parts: string[] = [content.greeting, ...content.paragraphs];
  if (content.action) parts.push(`${content.action.label}:\n${content.action.url}`);
  for (const section of content.sections ?? []) {
    const items = section.items.map((item) => `- ${item.text}${item.meta ? ` (${item.meta})` : ''}\n  ${item.url}`);
    parts.push(`${section.heading}\n\n${items.join('\n')}`);
  }
  parts.push(...(content.closing ?? []), footerText(content));
  return `${parts.join('\n\n')}\n`;
}

const paragraph = (value: string): Html => html`<p style="margin:0 0 16px">${value}</p>`;

function body(content: EmailContent): Html {
  return html`<!doctype html>
<html><head><meta charset="utf-8"><title>${content.siteName}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937;max-width:36rem;margin:0 auto;padding:24px">
<p style="font-weight:600;margin:0 0 24px">${content.siteName}</p>
${paragraph(content.greeting)}${content.paragraphs.map(paragraph)}
${content.action
  ? html`<p style="margin:24px 0"><a href="${content.action.url}" style="background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${content.action.label}</a></p>
<p style="font-size:13px;color:#6b7280">Or paste this address into your browser: ${content.action.url}</p>`
  : ''}
${(content.sections ?? []).map(
  (section) => html`<h2 style="font-size:16px;margin:24px 0 8px">${section.heading}</h2>
<ul style="padding-inline-start:20px">${section.items.map((item) => html`<li style="margin-bottom:8px"><a href="${item.url}">${item.text}</a>${item.meta ? html` <span style="color:#6b7280">(${item.meta})</span>` : ''}</li>`)}</ul>`,
)}
${(content.closing ?? []).map(paragraph)}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">
<p style="font-size:13px;color:#6b7280">${content.siteName} · <a href="${content.baseUrl}/">${content.baseUrl}</a>${
    content.unsubscribeUrl
      ? html`<br><a href="${content.baseUrl}/account">Email settings</a> · <a href="${content.unsubscribeUrl}">Unsubscribe from notification email</a>`
      : ''
  }</p>
</body></html>`;
}

export function renderEmail(content: EmailContent): RenderedEmail {
  return { text: text(content), html: body(content).toString() };
}
