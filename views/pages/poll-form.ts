import type { PollForm } from '../../src/polls/draft.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, type FieldErrors } from '../components/form.js';
import { pollFields } from '../components/poll-fields.js';
import { html, type Html } from '../html.js';

export type PollFormPageProps = {
  i18n: I18n;
  thread: { id: number; title: string; path: string };
  values: PollForm;
  errors: FieldErrors;
  survey: boolean;
  /** How many polls the thread has: with one or more, this adds the survey's next question. */
  pollCount: number;
};

/** "Add a poll" to a thread's opening post (or a survey's next question). */
export function pollFormPage(props: PollFormPageProps): Html {
  const { i18n, thread } = props;
  const heading = i18n.t(props.pollCount === 0 ? 'pollForm.heading' : 'pollForm.headingNext');
  return html`<h1>${heading}</h1>
<p><a href="${thread.path}" dir="auto">${thread.title}</a></p>
<form method="post" action="/t/${thread.id}/polls/new" class="post-form">
  ${errorSummary(i18n, props.errors)}
  ${pollFields({ i18n, values: props.values, errors: props.errors, survey: props.survey })}
  <div class="form-actions">
    <button type="submit">${i18n.t('pollForm.submit')}</button>
    <a href="${thread.path}">${i18n.t('pollForm.cancel')}</a>
  </div>
</form>`;
}
