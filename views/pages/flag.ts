import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, textarea } from '../components/form.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

const flagChoices: [string, MessageKey][] = [
  ['spam', 'flag.reason.spam'],
  ['abuse', 'flag.reason.abuse'],
  ['off_topic', 'flag.reason.offTopic'],
  ['other', 'flag.reasonOtherExplain'],
];

export type FlagPageProps = {
  i18n: I18n;
  postId: number;
  threadTitle: string;
  /** The post in its thread, where Cancel goes back to. */
  postPath: string;
  values: { reason: string; note: string };
  errors: Record<string, string | undefined>;
};

/**
 * The flag form on its own page (GET /p/:postId/flag): one link per post on the thread page
 * instead of a form per post keeps signed-in thread pages small, and it works without JavaScript.
 */
export function flagPage(props: FlagPageProps): Html {
  const { i18n, values, errors } = props;
  return html`<nav class="breadcrumbs" aria-label="${i18n.t('flag.breadcrumb')}"><a href="${props.postPath}">${i18n.t('flag.backToPost')}</a></nav>
<h1>${rich(i18n, 'flag.heading', { title: html`<bdi>${props.threadTitle}</bdi>` })}</h1>
<form method="post" action="/p/${props.postId}/flag" class="flag-form">
  ${errorSummary(i18n, errors)}
  <fieldset>
    <legend>${i18n.t('flag.question')}</legend>
    ${errors['reason'] ? html`<p class="field-error" id="reason-error">${errors['reason']}</p>` : ''}
    ${flagChoices.map(([value, label]) => html`<label><input type="radio" name="reason" value="${value}" required${values.reason === value ? html` checked` : ''}> ${i18n.t(label)}</label>`)}
  </fieldset>
  ${textarea({ name: 'note', label: i18n.t('flag.noteLabel'), value: values.note, error: errors['note'], rows: 3, maxlength: 500 })}
  <button type="submit">${i18n.t('flag.send')}</button> <a href="${props.postPath}">${i18n.t('flag.cancel')}</a>
</form>`;
}
