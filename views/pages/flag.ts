import { legacyI18n } from '../legacy-i18n.js';
import { errorSummary, textarea } from '../components/form.js';
import { html, type Html } from '../html.js';

export const flagReasons = [
  ['spam', 'Spam or advertising'],
  ['abuse', 'Abusive or harassing'],
  ['off_topic', 'Off-topic'],
  ['other', 'Something else (please explain)'],
] as const;

export type FlagPageProps = {
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
  const { values, errors } = props;
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="${props.postPath}">Back to the post</a></nav>
<h1>Flag a post in “${props.threadTitle}”</h1>
<form method="post" action="/p/${props.postId}/flag" class="flag-form">
  ${errorSummary(legacyI18n, errors)}
  <fieldset>
    <legend>Why should a community manager look at this post?</legend>
    ${errors['reason'] ? html`<p class="field-error" id="reason-error">${errors['reason']}</p>` : ''}
    ${flagReasons.map(([value, label]) => html`<label><input type="radio" name="reason" value="${value}" required${values.reason === value ? html` checked` : ''}> ${label}</label>`)}
  </fieldset>
  ${textarea({ name: 'note', label: 'Note for the community team (required for “something else”)', value: values.note, error: errors['note'], rows: 3, maxlength: 500 })}
  <button type="submit">Send flag</button> <a href="${props.postPath}">Cancel</a>
</form>`;
}
