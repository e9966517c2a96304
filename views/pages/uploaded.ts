import type { I18n } from '../../src/i18n/translator.js';
import { keptText } from '../components/form.js';
import { html, type Html } from '../html.js';

/** After a plain form posted to /uploads (no script, no composer step): the markdown to copy, and the way back. */
export function uploadedPage(props: { i18n: I18n; markdown: string; back: string }): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('upload.doneHeading')}</h1>
<p>${i18n.t('upload.doneCopy')}</p>
${keptText({ name: 'markdown', label: i18n.t('upload.markdownLabel'), value: props.markdown, rows: 3 })}
<p><a href="${props.back}">${i18n.t('upload.backToComposer')}</a></p>`;
}
