import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

export type ThreadKeyFormProps = { threadId: number; value?: string; error?: string | undefined };

/** A key as brands write them: an example, the same in every language. */
const EXAMPLE_KEY = 'help-article-42';

/**
 * Staff tool on a thread: name it as the discussion of a help article, so pages embedding
 * `data-hearth-key="…"` show it. Same shape as the thread page's other staff forms.
 */
export function threadKeyForm(i18n: I18n, props: ThreadKeyFormProps): Html {
  const described = props.error ? 'embed-key-hint embed-key-error' : 'embed-key-hint';
  return html`<form method="post" action="/t/${props.threadId}/embed-key" class="staff-form thread-key-form">
  <label for="embed-key">${i18n.t('threadKey.label')}</label>
  <input id="embed-key" name="key" value="${props.value ?? ''}" required maxlength="128" placeholder="${EXAMPLE_KEY}" dir="ltr" aria-describedby="${described}"${props.error ? html` aria-invalid="true"` : ''}>
  <button type="submit" class="button-secondary">${i18n.t('threadKey.attach')}</button>
  <p class="hint" id="embed-key-hint">${i18n.t('threadKey.hint')}</p>
  ${props.error ? html`<p class="field-error" id="embed-key-error" role="alert">${props.error}</p>` : ''}
</form>`;
}
