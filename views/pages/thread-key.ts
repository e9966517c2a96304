import { threadKeyForm } from '../components/thread-key-form.js';
import { html, type Html } from '../html.js';

export type ThreadKeyPageProps = {
  baseUrl: string;
  thread: { id: number; title: string; slug: string };
  keys: { key: string; url: string | null }[];
  form: { value: string; error?: string | undefined };
};

/** Where the staff tool lands: the thread's keys with their snippets, and the form again. */
export function threadKeyPage(props: ThreadKeyPageProps): Html {
  const { thread } = props;
  const script = `<script async src="${props.baseUrl}/embed.js"></script>`;
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/t/${thread.id}/${thread.slug}">${thread.title}</a></nav>
<div class="page-heading"><div><h1>Embed keys</h1><p class="lead">Pages that embed one of these keys show “${thread.title}”.</p></div></div>
${props.keys.length === 0
  ? html`<p class="empty">No keys yet.</p>`
  : html`<div class="post-body">${props.keys.map((entry) => html`<p><code>${entry.key}</code>${entry.url ? html` for <a href="${entry.url}" rel="nofollow noopener">${entry.url}</a>` : ''}</p><pre><code>${`<div data-hearth-key="${entry.key}"></div>\n${script}`}</code></pre>`)}</div>`}
${threadKeyForm({ threadId: thread.id, value: props.form.value, error: props.form.error })}`;
}
