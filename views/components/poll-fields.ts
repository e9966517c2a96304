import type { PollForm } from '../../src/polls/draft.js';
import { OPTION_MAX, OPTIONS_MAX, OPTIONS_MIN, QUESTION_MAX } from '../../src/polls/draft.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { field, textarea, type FieldErrors } from './form.js';

// The fields of a poll: in the new-thread form (inside a <details>, so it stays out of the way and
// needs no script) and on the "Add a poll" page. Staff also choose the kind: a 1–5 scale and the
// 0–10 "would you recommend" question generate their own options.

export type PollFieldsProps = { i18n: I18n; values: PollForm; errors: FieldErrors; /** Staff: the survey kinds too. */ survey: boolean };

function choice(name: string, value: string, current: string, label: string): Html {
  return html`<label class="poll-setting"><input type="radio" name="${name}" value="${value}"${current === value ? ' checked' : ''}> ${label}</label>`;
}

function kindField(props: PollFieldsProps): Html {
  const { i18n } = props;
  const kind = props.values.pollKind ?? 'choice';
  return html`<fieldset class="field">
  <legend>${i18n.t('pollForm.kind')}</legend>
  ${choice('pollKind', 'choice', kind, i18n.t('pollForm.kindChoice'))}
  ${choice('pollKind', 'scale', kind, i18n.t('pollForm.kindScale'))}
  ${choice('pollKind', 'nps', kind, i18n.t('pollForm.kindNps'))}
</fieldset>`;
}

function resultsField(props: PollFieldsProps): Html {
  const { i18n } = props;
  const shown = props.values.pollResults ?? 'always';
  return html`<fieldset class="field">
  <legend>${i18n.t('pollForm.results')}</legend>
  ${choice('pollResults', 'always', shown, i18n.t('pollForm.resultsAlways'))}
  ${choice('pollResults', 'voted', shown, i18n.t('pollForm.resultsVoted'))}
  ${choice('pollResults', 'closed', shown, i18n.t('pollForm.resultsClosed'))}
</fieldset>`;
}

function closingField(props: PollFieldsProps): Html {
  const { i18n, errors } = props;
  const error = errors['pollClosesOn'];
  return html`<div class="field${error ? ' has-error' : ''}">
  <label for="field-pollClosesOn">${i18n.t('pollForm.closesOn')}</label>
  <p class="hint" id="field-pollClosesOn-hint">${i18n.t('pollForm.closesOnHint', { zone: i18n.timeZone })}</p>
  <input id="field-pollClosesOn" name="pollClosesOn" type="date" value="${props.values.pollClosesOn ?? ''}" aria-describedby="field-pollClosesOn-hint${error ? ' field-pollClosesOn-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
  ${error ? html`<p class="field-error" id="field-pollClosesOn-error">${error}</p>` : ''}
</div>`;
}

/** The poll's fields; their names start with `poll` so they sit beside a thread's own. */
export function pollFields(props: PollFieldsProps): Html {
  const { i18n, values, errors } = props;
  return html`${field({ name: 'pollQuestion', label: i18n.t('pollForm.question'), value: values.pollQuestion ?? '', error: errors['pollQuestion'], maxlength: QUESTION_MAX, dir: 'auto' })}
${props.survey ? kindField(props) : ''}
${textarea({ name: 'pollOptions', label: i18n.t('pollForm.options'), hint: i18n.t(props.survey ? 'pollForm.optionsHintSurvey' : 'pollForm.optionsHint', { min: OPTIONS_MIN, max: OPTIONS_MAX, length: OPTION_MAX }), value: values.pollOptions ?? '', error: errors['pollOptions'], rows: 5, dir: 'auto' })}
${field({ name: 'pollMaxChoices', label: i18n.t('pollForm.maxChoices'), hint: i18n.t('pollForm.maxChoicesHint'), value: values.pollMaxChoices ?? '1', error: errors['pollMaxChoices'], maxlength: 2 })}
${resultsField(props)}
<div class="field"><label class="poll-setting"><input type="checkbox" name="pollPublic" value="1"${values.pollPublic === '1' ? ' checked' : ''}> ${i18n.t('pollForm.public')}</label></div>
${closingField(props)}`;
}

/** The composer's optional fieldset, open when it holds a poll or an error. */
export function pollComposerFieldset(props: PollFieldsProps): Html {
  const { i18n, values, errors } = props;
  const open = (values.pollQuestion ?? '').trim() !== '' || (values.pollOptions ?? '').trim() !== '' || Object.keys(errors).some((name) => name.startsWith('poll') && errors[name]);
  return html`<details class="poll-composer"${open ? ' open' : ''}>
  <summary>${i18n.t('pollForm.addPoll')}</summary>
  <fieldset class="poll-fields">
    <legend class="visually-hidden">${i18n.t('pollForm.addPoll')}</legend>
    <p class="hint">${i18n.t('pollForm.composerHint')}</p>
    ${pollFields(props)}
  </fieldset>
</details>`;
}
