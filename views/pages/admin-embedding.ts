import type { AllowedOrigin } from '../../src/embed/allowed-origins.js';
import type { ApiKeySummary } from '../../src/embed/api-keys.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field } from '../components/form.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type AdminEmbeddingProps = {
  i18n: I18n;
  baseUrl: string;
  origins: AllowedOrigin[];
  keys: ApiKeySummary[];
  examples: { threadId: number | null; categorySlug: string | null };
  originForm: { value: string; error?: string | undefined };
  keyForm: { value: string; error?: string | undefined };
  /** A key just created: the only time its secret is shown. */
  newKey?: { id: string; name: string; token: string };
};

function snippet(i18n: I18n, title: MessageKey, hint: MessageKey, code: string): Html {
  return html`<h3>${i18n.t(title)}</h3><p class="hint">${i18n.t(hint)}</p><div class="post-body"><pre dir="ltr"><code>${code}</code></pre></div>`;
}

const code = (text: string) => html`<code dir="ltr">${text}</code>`;

function snippets(props: AdminEmbeddingProps): Html {
  const { i18n } = props;
  const script = `<script async src="${props.baseUrl}/embed.js"></script>`;
  const threadId = props.examples.threadId ?? 123;
  const slug = props.examples.categorySlug ?? 'kettles';
  return html`<section aria-labelledby="snippets-heading">
<h2 id="snippets-heading">${i18n.t('admin.embedding.snippetsHeading')}</h2>
<p>${rich(i18n, 'admin.embedding.snippetsIntro', { light: code('data-hearth-theme="light"'), dark: code('"dark"') })}</p>
<p>${rich(i18n, 'admin.embedding.snippetsLanguage', { locale: code('data-hearth-locale="ar"'), lang: code('<html lang>') })}</p>
${snippet(i18n, 'admin.embedding.threadSnippet', 'admin.embedding.threadSnippetHint', `<div data-hearth-thread="${threadId}"></div>\n${script}`)}
${snippet(i18n, 'admin.embedding.keySnippet', 'admin.embedding.keySnippetHint', `<div data-hearth-key="help-article-42"></div>\n${script}`)}
${snippet(i18n, 'admin.embedding.categorySnippet', 'admin.embedding.categorySnippetHint', `<div data-hearth-category="${slug}" data-hearth-limit="5"></div>\n${script}`)}
${snippet(i18n, 'admin.embedding.fragmentSnippet', 'admin.embedding.fragmentSnippetHint', `${props.baseUrl}/embed/t/${threadId}/fragment`)}
</section>`;
}

function byName(i18n: I18n, name: string | null): Html | string {
  return name === null ? i18n.t('admin.formerAdmin') : html`<bdi>${name}</bdi>`;
}

/** "ada, Dec 6, 2026": who added something, and when. */
function addedBy(i18n: I18n, name: string | null, at: number): Html {
  return rich(i18n, 'admin.addedByOn', { name: byName(i18n, name), date: time(i18n, at) });
}

function originSource(i18n: I18n, entry: AllowedOrigin): Html | string {
  if (entry.source === 'environment') return i18n.t('admin.embedding.fromEnvironment');
  return entry.createdAt === null ? byName(i18n, entry.createdBy) : addedBy(i18n, entry.createdBy, entry.createdAt);
}

function originRow(i18n: I18n, entry: AllowedOrigin): Html {
  return html`<tr>
  <td><code>${entry.origin}</code></td>
  <td>${originSource(i18n, entry)}</td>
  <td>${entry.source === 'admin'
    ? html`<form method="post" action="/admin/embedding/origins/delete" class="inline-form"><input type="hidden" name="origin" value="${entry.origin}"><button type="submit" class="link-button danger">${i18n.t('admin.embedding.removeOrigin')}</button></form>`
    : html`<span class="muted">${i18n.t('admin.embedding.changeInEnvironment')}</span>`}</td>
</tr>`;
}

function origins(props: AdminEmbeddingProps): Html {
  const { i18n } = props;
  return html`<section aria-labelledby="origins-heading">
<h2 id="origins-heading">${i18n.t('admin.embedding.originsHeading')}</h2>
<p>${i18n.t('admin.embedding.originsIntro')}</p>
${props.origins.length === 0
  ? html`<p class="empty">${i18n.t('admin.embedding.noOrigins')}</p>`
  : html`<div class="post-body"><table><thead><tr><th>${i18n.t('admin.embedding.originColumn')}</th><th>${i18n.t('admin.addedBy')}</th><th></th></tr></thead><tbody>${props.origins.map((entry) => originRow(i18n, entry))}</tbody></table></div>`}
<form method="post" action="/admin/embedding/origins" class="post-form">
  ${errorSummary(i18n, { origin: props.originForm.error })}
  ${field({ name: 'origin', label: i18n.t('admin.embedding.originLabel'), value: props.originForm.value, error: props.originForm.error, hint: i18n.t('admin.embedding.originHint'), required: true, maxlength: 300 })}
  <button type="submit">${i18n.t('admin.embedding.allowOrigin')}</button>
</form>
</section>`;
}

function keyRow(i18n: I18n, key: ApiKeySummary): Html {
  return html`<tr>
  <td><span dir="auto">${key.name}</span><br><code>${key.id}</code></td>
  <td>${addedBy(i18n, key.createdBy, key.createdAt)}</td>
  <td>${key.lastUsedAt !== null ? time(i18n, key.lastUsedAt) : i18n.t('admin.embedding.neverUsed')}</td>
  <td>${key.revokedAt !== null
    ? rich(i18n, 'admin.embedding.revokedOn', { date: time(i18n, key.revokedAt) })
    : html`<form method="post" action="/admin/embedding/keys/${key.id}/revoke" class="inline-form"><button type="submit" class="link-button danger">${i18n.t('admin.embedding.revoke')}</button></form>`}</td>
</tr>`;
}

function newKeyNotice(i18n: I18n, key: { name: string; token: string }): Html {
  return html`<div class="notice" role="status"><p><strong>${rich(i18n, 'admin.embedding.copyKeyNow', { name: html`<bdi>${key.name}</bdi>` })}</strong></p><div class="post-body"><pre dir="ltr"><code>${key.token}</code></pre></div></div>`;
}

function keys(props: AdminEmbeddingProps): Html {
  const { i18n } = props;
  const example = `curl -X POST ${props.baseUrl}/api/v1/embed/threads \\\n  -H "Authorization: Bearer $HEARTH_API_KEY" -H "Content-Type: application/json" \\\n  -d '{"key":"help-article-42","title":"Descaling your kettle","url":"https://help.example.com/articles/42","category":"${props.examples.categorySlug ?? 'kettles'}"}'`;
  return html`<section aria-labelledby="keys-heading">
<h2 id="keys-heading">${i18n.t('admin.embedding.keysHeading')}</h2>
<p>${i18n.t('admin.embedding.keysIntro')}</p>
${props.newKey ? newKeyNotice(i18n, props.newKey) : ''}
${props.keys.length === 0
  ? html`<p class="empty">${i18n.t('admin.embedding.noKeys')}</p>`
  : html`<div class="post-body"><table><thead><tr><th>${i18n.t('admin.embedding.keyColumn')}</th><th>${i18n.t('admin.embedding.createdColumn')}</th><th>${i18n.t('admin.embedding.lastUsedColumn')}</th><th></th></tr></thead><tbody>${props.keys.map((key) => keyRow(i18n, key))}</tbody></table></div>`}
<form method="post" action="/admin/embedding/keys" class="post-form">
  ${errorSummary(i18n, { name: props.keyForm.error })}
  ${field({ name: 'name', label: i18n.t('admin.embedding.keyNameLabel'), value: props.keyForm.value, error: props.keyForm.error, hint: i18n.t('admin.embedding.keyNameHint'), required: true, maxlength: 60 })}
  <button type="submit">${i18n.t('admin.embedding.createKey')}</button>
</form>
${snippet(i18n, 'admin.embedding.registerSnippet', 'admin.embedding.registerSnippetHint', example)}
</section>`;
}

export function adminEmbeddingPage(props: AdminEmbeddingProps): Html {
  const { i18n } = props;
  return html`<div class="page-heading"><div><h1>${i18n.t('admin.embedding.heading')}</h1><p class="lead">${i18n.t('admin.embedding.lead')}</p></div></div>
${origins(props)}
${snippets(props)}
${keys(props)}`;
}
