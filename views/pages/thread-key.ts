import type { I18n } from '../../src/i18n/translator.js';
import { threadKeyForm } from '../components/thread-key-form.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type ThreadKeyPageProps = {
  i18n: I18n;
  baseUrl: string;
  thread: { id: number; title: string; slug: string };
  keys: { key: string; url: string | null }[];
  form: { value: string; error?: string | undefined };
};

function keyLine(i18n: I18n, entry: { key: string; url: string | null }): Html {
  const key = html`<code>${entry.key}</code>`;
  if (!entry.url) return html`<p>${key}</p>`;
  return html`<p>${rich(i18n, 'threadKey.keyFor', { key, url: html`<a href="${entry.url}" rel="nofollow noopener" dir="ltr">${entry.url}</a>` })}</p>`;
}

/** Where the staff tool lands: the thread's keys with their snippets, and the form again. */
export function threadKeyPage(props: ThreadKeyPageProps): Html {
  const { i18n, thread } = props;
  const script = `<script async src="${props.baseUrl}/embed.js"></script>`;
  return html`<nav class="breadcrumbs" aria-label="${i18n.t('threadKey.breadcrumb')}"><a href="/t/${thread.id}/${thread.slug}" dir="auto">${thread.title}</a></nav>
<div class="page-heading"><div><h1>${i18n.t('threadKey.heading')}</h1><p class="lead">${rich(i18n, 'threadKey.lead', { title: html`<bdi>${thread.title}</bdi>` })}</p></div></div>
${props.keys.length === 0
  ? html`<p class="empty">${i18n.t('threadKey.none')}</p>`
  : html`<div class="post-body">${props.keys.map((entry) => html`${keyLine(i18n, entry)}<pre dir="ltr"><code>${`<div data-hearth-key="${entry.key}"></div>\n${script}`}</code></pre>`)}</div>`}
${threadKeyForm(i18n, { threadId: thread.id, value: props.form.value, error: props.form.error })}`;
}
