import type { I18n } from '../../src/i18n/translator.js';
import { html, scriptNonce, type Html } from '../html.js';

/**
 * The composer's image field. Without JavaScript, "Upload image" sends the whole form (it is
 * multipart) with intent=upload: the same form comes back with the typed text and the image's
 * markdown added, and nothing is posted. static/uploads.js uploads on choosing a file, on drop
 * and on paste instead, and inserts the markdown at the cursor. The messages it shows are carried
 * here, in the page's language.
 */
export function imageUploadField(i18n: I18n, error?: string): Html {
  return html`<div class="field image-upload${error ? ' has-error' : ''}" data-image-upload data-uploading="${i18n.t('upload.uploading')}" data-uploaded="${i18n.t('upload.uploaded')}" data-failed="${i18n.t('upload.failed')}">
    <label for="field-file">${i18n.t('upload.label')}</label>
    <p class="hint" id="field-file-hint">${i18n.t('upload.hint')}</p>
    <input type="file" id="field-file" name="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" aria-describedby="field-file-hint${error ? ' field-file-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
    <button type="submit" name="intent" value="upload" class="button-secondary image-upload-button" formnovalidate>${i18n.t('upload.button')}</button>
    ${error ? html`<p class="field-error" id="field-file-error">${error}</p>` : ''}
    <p class="upload-status" role="status" aria-live="polite"></p>
  </div>
  <script src="/static/uploads.js"${scriptNonce} defer></script>`;
}
