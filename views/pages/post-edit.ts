import { legacyI18n } from '../legacy-i18n.js';
import { errorSummary, field, textarea } from '../components/form.js';
import { html, type Html } from '../html.js';

export type EditPostProps = {
  postId: number;
  threadPath: string;
  /** Present when the post opens its thread, whose title may change too. */
  title: string | null;
  body: string;
  /** A moderator editing someone else's post says why (it goes to the audit log). */
  staffEdit: boolean;
  reason: string;
  /** The post was not approved: saving sends it back for review. */
  rejected: boolean;
  /** The author's earlier edit is waiting for review; the form holds that edit's text. */
  editWaiting: boolean;
  errors: Record<string, string | undefined>;
};

export function editPostPage(props: EditPostProps): Html {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="${props.threadPath}">Back to the thread</a></nav>
<h1>${props.staffEdit ? 'Edit this member’s post' : 'Edit your post'}</h1>
${props.rejected ? html`<p class="banner banner-rejected">This post was not approved. Saving your changes sends it back to the community team for review.</p>` : ''}
${props.editWaiting ? html`<p class="banner banner-pending" role="status"><strong>Your edit is waiting for review.</strong> Below is the text you sent; until a community manager approves it, others see the earlier version. Saving again replaces the waiting edit.</p>` : ''}
<form method="post" action="/p/${props.postId}/edit" class="post-form">
  ${errorSummary(legacyI18n, props.errors)}
  ${props.title !== null ? field({ name: 'title', label: 'Title', value: props.title, error: props.errors['title'], required: true, maxlength: 150 }) : ''}
  ${textarea({ name: 'body', label: 'Message', value: props.body, error: props.errors['body'], hint: 'The earlier version is kept in the post’s history.', rows: 12, required: true })}
  ${props.staffEdit ? field({ name: 'reason', label: 'Reason for the edit', value: props.reason, error: props.errors['reason'], hint: 'Recorded in the moderation log.', required: true, maxlength: 300 }) : ''}
  <button type="submit">${props.rejected ? 'Save and resubmit' : 'Save changes'}</button> <a href="${props.threadPath}">Cancel</a>
</form>`;
}
