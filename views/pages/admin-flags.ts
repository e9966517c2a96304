import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

/** The form's values as typed (strings), so a refused value is shown back as it was. */
export type FlagSettingsValues = { threshold: string; minAccountAgeHours: string; requiresConfirmed: boolean };
export type FlagSettingsProps = {
  i18n: I18n;
  values: FlagSettingsValues;
  errors: FieldErrors;
  /** The review-queue alert delay in minutes, as typed. */
  alert: { minutes: string; errors: FieldErrors };
};

/** How long an item may wait in the review queue before its managers are told. */
function alertForm(i18n: I18n, alert: FlagSettingsProps['alert']): Html {
  return html`<form method="post" action="/admin/flags/review-alert" class="post-form" aria-labelledby="review-alert-heading">
  <h2 id="review-alert-heading">${i18n.t('admin.alerts.formHeading')}</h2>
  <p>${i18n.t('admin.alerts.lead')}</p>
  ${errorSummary(i18n, alert.errors)}
  ${field({ name: 'minutes', label: i18n.t('admin.alerts.minutesLabel'), value: alert.minutes, error: alert.errors['minutes'], required: true, maxlength: 6, hint: i18n.t('admin.alerts.minutesHint') })}
  <button type="submit">${i18n.t('admin.alerts.save')}</button>
</form>`;
}

export function flagSettingsPage(props: FlagSettingsProps): Html {
  const { i18n, values, errors } = props;
  return html`<h1>${i18n.t('admin.flags.heading')}</h1>
${modNav(i18n, 'flags', true)}
<p class="lead">${i18n.t('admin.flags.lead')}</p>
<form method="post" action="/admin/flags" class="post-form" aria-labelledby="flags-heading">
  <h2 id="flags-heading">${i18n.t('admin.flags.formHeading')}</h2>
  ${errorSummary(i18n, errors)}
  ${field({ name: 'threshold', label: i18n.t('admin.flags.thresholdLabel'), value: values.threshold, error: errors['threshold'], required: true, maxlength: 6, hint: i18n.t('admin.flags.thresholdHint') })}
  ${field({ name: 'minAccountAgeHours', label: i18n.t('admin.flags.ageLabel'), value: values.minAccountAgeHours, error: errors['minAccountAgeHours'], required: true, maxlength: 6, hint: i18n.t('admin.flags.ageHint') })}
  <div class="field${errors['requiresConfirmed'] ? ' has-error' : ''}">
    <label><input type="checkbox" name="requiresConfirmed" value="on"${values.requiresConfirmed ? html` checked` : ''}> ${i18n.t('admin.flags.confirmedLabel')}</label>
    ${errors['requiresConfirmed'] ? html`<p class="field-error" role="alert">${errors['requiresConfirmed']}</p>` : ''}
  </div>
  <button type="submit">${i18n.t('admin.flags.save')}</button>
</form>
${alertForm(i18n, props.alert)}`;
}
