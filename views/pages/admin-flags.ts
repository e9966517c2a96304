import { legacyI18n } from '../legacy-i18n.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

/** The form's values as typed (strings), so a refused value is shown back as it was. */
export type FlagSettingsValues = { threshold: string; minAccountAgeHours: string; requiresConfirmed: boolean };
export type FlagSettingsProps = { values: FlagSettingsValues; errors: FieldErrors };

export function flagSettingsPage(props: FlagSettingsProps): Html {
  const { values, errors } = props;
  return html`<h1>Flags</h1>
${modNav(legacyI18n, 'flags', true)}
<p class="lead">Every flag reaches the review queue. Flags from trusted members can also hide a post at once, until a community manager looks at it. Posts by community managers and admins are never hidden this way; their flags go to the top of the queue.</p>
<form method="post" action="/admin/flags" class="post-form" aria-labelledby="flags-heading">
  <h2 id="flags-heading">When flags hide a post</h2>
  ${errorSummary(legacyI18n, errors)}
  ${field({ name: 'threshold', label: 'Flags from different trusted members that hide a post', value: values.threshold, error: errors['threshold'], required: true, maxlength: 6, hint: 'A whole number from 1 to 100.' })}
  ${field({ name: 'minAccountAgeHours', label: 'Account age, in hours, before a member’s flags count', value: values.minAccountAgeHours, error: errors['minAccountAgeHours'], required: true, maxlength: 6, hint: 'From 0 to 8760 (a year). Newer accounts can still flag; their flags only reach the queue.' })}
  <div class="field${errors['requiresConfirmed'] ? ' has-error' : ''}">
    <label><input type="checkbox" name="requiresConfirmed" value="on"${values.requiresConfirmed ? html` checked` : ''}> Only members who have confirmed their email address count</label>
    ${errors['requiresConfirmed'] ? html`<p class="field-error" role="alert">${errors['requiresConfirmed']}</p>` : ''}
  </div>
  <button type="submit">Save flag settings</button>
</form>`;
}
