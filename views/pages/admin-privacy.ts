import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { LogIp } from '../../src/lib/logged-address.js';
import type { PostChoiceSetting } from '../../src/privacy/privacy-settings.js';
import { errorSummary, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

export type AdminPrivacyProps = { i18n: I18n; value: string; errors: FieldErrors; retentionDays: number; logIp: LogIp };

const CHOICES: [PostChoiceSetting, MessageKey][] = [
  ['both', 'privacy.settingsBoth'],
  ['anonymize', 'privacy.settingsAnonymizeOnly'],
  ['delete', 'privacy.settingsDeleteOnly'],
];

const LOGGED: Record<LogIp, MessageKey> = { full: 'privacy.logIpFull', truncated: 'privacy.logIpTruncated', off: 'privacy.logIpOff' };

/** Admin → Privacy: members' choices for their posts at deletion, and what is kept of addresses. */
export function adminPrivacyPage(props: AdminPrivacyProps): Html {
  const { i18n, errors } = props;
  return html`<h1>${i18n.t('privacy.settingsHeading')}</h1>
${modNav(i18n, 'admin', true)}
<p class="lead">${i18n.t('privacy.settingsLead')}</p>
<form method="post" action="/admin/privacy" class="post-form">
  ${errorSummary(i18n, errors)}
  <fieldset class="field${errors['posts'] ? ' has-error' : ''}">
    <legend>${i18n.t('privacy.settingsLegend')}</legend>
    ${CHOICES.map(([value, label]) => html`<label><input type="radio" name="posts" value="${value}"${props.value === value ? html` checked` : ''} required> ${i18n.t(label)}</label><br>`)}
    ${errors['posts'] ? html`<p class="field-error" role="alert">${errors['posts']}</p>` : ''}
  </fieldset>
  <button type="submit">${i18n.t('privacy.settingsSave')}</button>
</form>
<section aria-labelledby="addresses-heading">
  <h2 id="addresses-heading">${i18n.t('privacy.addressesHeading')}</h2>
  <p>${i18n.t('privacy.retentionLine', { days: props.retentionDays })}</p>
  <p>${i18n.t(LOGGED[props.logIp])}</p>
  <p class="hint">${i18n.t('privacy.operatorHint')}</p>
</section>`;
}
