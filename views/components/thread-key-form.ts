import { html, type Html } from '../html.js';

export type ThreadKeyFormProps = { threadId: number; value?: string; error?: string | undefined };

/**
 * Staff tool on a thread: name it as the discussion of a help article, so pages embedding
 * `data-hearth-key="…"` show it. Same shape as the thread page's other staff forms.
 */
export function threadKeyForm(props: ThreadKeyFormProps): Html {
  const described = props.error ? 'embed-key-hint embed-key-error' : 'embed-key-hint';
  return html`<form method="post" action="/t/${props.threadId}/embed-key" class="staff-form thread-key-form">
  <label for="embed-key">Embed key</label>
  <input id="embed-key" name="key" value="${props.value ?? ''}" required maxlength="128" placeholder="help-article-42" aria-describedby="${described}"${props.error ? html` aria-invalid="true"` : ''}>
  <button type="submit" class="button-secondary">Attach key</button>
  <p class="hint" id="embed-key-hint">Pages that embed this key show this thread.</p>
  ${props.error ? html`<p class="field-error" id="embed-key-error" role="alert">${props.error}</p>` : ''}
</form>`;
}
