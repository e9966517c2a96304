import { legacyI18n } from '../legacy-i18n.js';
import type { AllowedOrigin } from '../../src/embed/allowed-origins.js';
import type { ApiKeySummary } from '../../src/embed/api-keys.js';
import { errorSummary, field } from '../components/form.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';

export type AdminEmbeddingProps = {
  baseUrl: string;
  origins: AllowedOrigin[];
  keys: ApiKeySummary[];
  examples: { threadId: number | null; categorySlug: string | null };
  originForm: { value: string; error?: string | undefined };
  keyForm: { value: string; error?: string | undefined };
  /** A key just created: the only time its secret is shown. */
  newKey?: { id: string; name: string; token: string };
};

function snippet(title: string, hint: string, code: string): Html {
  return html`<h3>${title}</h3><p class="hint">${hint}</p><div class="post-body"><pre><code>${code}</code></pre></div>`;
}

function snippets(props: AdminEmbeddingProps): Html {
  const script = `<script async src="${props.baseUrl}/embed.js"></script>`;
  const threadId = props.examples.threadId ?? 123;
  const slug = props.examples.categorySlug ?? 'kettles';
  return html`<section aria-labelledby="snippets-heading">
<h2 id="snippets-heading">Snippets to copy</h2>
<p>Paste a snippet into a page on an allowed site. Add <code>data-hearth-theme="light"</code> or <code>"dark"</code> to fix the theme; without it the embed follows the page.</p>
${snippet('One thread', 'Shows the thread and its first page of replies.', `<div data-hearth-thread="${threadId}"></div>\n${script}`)}
${snippet('The thread for a help article', 'Your server registers the key first (see “API keys” below); until then the embed offers to start a discussion.', `<div data-hearth-key="help-article-42"></div>\n${script}`)}
${snippet('Latest threads of a category', 'Between 1 and 20 threads, with reply counts and solved marks.', `<div data-hearth-category="${slug}" data-hearth-limit="5"></div>\n${script}`)}
${snippet('For search engines', 'Have your server fetch this and place it where the discussion goes; embed.js turns it into the live embed.', `${props.baseUrl}/embed/t/${threadId}/fragment`)}
</section>`;
}

function originRow(entry: AllowedOrigin): Html {
  return html`<tr>
  <td><code>${entry.origin}</code></td>
  <td>${entry.source === 'environment' ? 'EMBED_ORIGINS setting' : html`${entry.createdBy ?? 'a former admin'}${entry.createdAt !== null ? html`, ${legacyTime(entry.createdAt)}` : ''}`}</td>
  <td>${entry.source === 'admin'
    ? html`<form method="post" action="/admin/embedding/origins/delete" class="inline-form"><input type="hidden" name="origin" value="${entry.origin}"><button type="submit" class="link-button danger">Remove</button></form>`
    : html`<span class="muted">Change it in the environment</span>`}</td>
</tr>`;
}

function origins(props: AdminEmbeddingProps): Html {
  return html`<section aria-labelledby="origins-heading">
<h2 id="origins-heading">Sites allowed to embed</h2>
<p>Only pages on these exact origins can show embedded discussions; every other site gets nothing.</p>
${props.origins.length === 0
  ? html`<p class="empty">No site may embed yet. Add your help center’s origin below.</p>`
  : html`<div class="post-body"><table><thead><tr><th>Origin</th><th>Added by</th><th></th></tr></thead><tbody>${props.origins.map(originRow)}</tbody></table></div>`}
<form method="post" action="/admin/embedding/origins" class="post-form">
  ${errorSummary(legacyI18n, { origin: props.originForm.error })}
  ${field({ name: 'origin', label: 'Add an origin', value: props.originForm.value, error: props.originForm.error, hint: 'Scheme and host only, e.g. https://help.example.com. http:// works only for localhost and 127.0.0.1.', required: true, maxlength: 300 })}
  <button type="submit">Allow this site</button>
</form>
</section>`;
}

function keyRow(key: ApiKeySummary): Html {
  return html`<tr>
  <td>${key.name}<br><code>${key.id}</code></td>
  <td>${key.createdBy ?? 'a former admin'}, ${legacyTime(key.createdAt)}</td>
  <td>${key.lastUsedAt !== null ? legacyTime(key.lastUsedAt) : 'never'}</td>
  <td>${key.revokedAt !== null
    ? html`Revoked ${legacyTime(key.revokedAt)}`
    : html`<form method="post" action="/admin/embedding/keys/${key.id}/revoke" class="inline-form"><button type="submit" class="link-button danger">Revoke</button></form>`}</td>
</tr>`;
}

function keys(props: AdminEmbeddingProps): Html {
  const example = `curl -X POST ${props.baseUrl}/api/v1/embed/threads \\\n  -H "Authorization: Bearer $HEARTH_API_KEY" -H "Content-Type: application/json" \\\n  -d '{"key":"help-article-42","title":"Descaling your kettle","url":"https://help.example.com/articles/42","category":"${props.examples.categorySlug ?? 'kettles'}"}'`;
  return html`<section aria-labelledby="keys-heading">
<h2 id="keys-heading">API keys</h2>
<p>Your help center’s server uses a key to register the thread for an article. A key can only do that, and it writes as the admin who created it.</p>
${props.newKey
  ? html`<div class="notice" role="status"><p><strong>Copy the key “${props.newKey.name}” now: it is shown only this once.</strong></p><div class="post-body"><pre><code>${props.newKey.token}</code></pre></div></div>`
  : ''}
${props.keys.length === 0
  ? html`<p class="empty">No API keys yet.</p>`
  : html`<div class="post-body"><table><thead><tr><th>Key</th><th>Created</th><th>Last used</th><th></th></tr></thead><tbody>${props.keys.map(keyRow)}</tbody></table></div>`}
<form method="post" action="/admin/embedding/keys" class="post-form">
  ${errorSummary(legacyI18n, { name: props.keyForm.error })}
  ${field({ name: 'name', label: 'New key name', value: props.keyForm.value, error: props.keyForm.error, hint: 'Where the key will be used, e.g. "Help center server".', required: true, maxlength: 60 })}
  <button type="submit">Create key</button>
</form>
${snippet('Registering a thread', 'Returns the existing thread for the key, or creates it with a link back to the article.', example)}
</section>`;
}

export function adminEmbeddingPage(props: AdminEmbeddingProps): Html {
  return html`<div class="page-heading"><div><h1>Embedding</h1><p class="lead">Show community discussions in your help center and on product pages.</p></div></div>
${origins(props)}
${snippets(props)}
${keys(props)}`;
}
