import { TITLE_MAX } from '../../src/forum/validation.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, textarea } from '../components/form.js';
import { imageUploadField } from '../components/image-upload.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type EditPostProps = {
  i18n: I18n;
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

const strong = (text: Html) => html`<strong>${text}</strong>`;

export function editPostPage(props: EditPostProps): Html {
  const { i18n, errors } = props;
  return html`<nav class="breadcrumbs" aria-label="${i18n.t('edit.breadcrumb')}"><a href="${props.threadPath}">${i18n.t('edit.backToThread')}</a></nav>
<h1>${props.staffEdit ? i18n.t('edit.headingStaff') : i18n.t('edit.heading')}</h1>
${props.rejected ? html`<p class="banner banner-rejected">${i18n.t('edit.rejectedBanner')}</p>` : ''}
${props.editWaiting ? html`<p class="banner banner-pending" role="status">${rich(i18n, 'edit.waitingBanner', { strong })}</p>` : ''}
<form method="post" action="/p/${props.postId}/edit" class="post-form" enctype="multipart/form-data">
  ${errorSummary(i18n, errors)}
  ${props.title !== null ? field({ name: 'title', label: i18n.t('compose.title'), value: props.title, error: errors['title'], required: true, maxlength: TITLE_MAX, dir: 'auto' }) : ''}
  ${textarea({ name: 'body', label: i18n.t('compose.message'), value: props.body, error: errors['body'], hint: i18n.t('edit.historyHint'), rows: 12, required: true, dir: 'auto' })}
  ${imageUploadField(i18n, errors['file'])}
  ${props.staffEdit ? field({ name: 'reason', label: i18n.t('edit.reason'), value: props.reason, error: errors['reason'], hint: i18n.t('edit.reasonHint'), required: true, maxlength: 300, dir: 'auto' }) : ''}
  <button type="submit">${props.rejected ? i18n.t('edit.saveAndResubmit') : i18n.t('edit.save')}</button> <a href="${props.threadPath}">${i18n.t('edit.cancel')}</a>
</form>`;
}
