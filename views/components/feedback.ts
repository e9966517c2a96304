import { COMMENT_MAX } from '../../src/feedback/answers.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { errorSummary, textarea, type FieldErrors } from './form.js';

// "Did this help?" (docs/decisions/0050-feedback-tokens.md). The box is the same for everyone, so
// it may sit in cached pages and frames: it carries no token. The answer's response carries the
// signed token in the "What was missing?" form, so the reader can add a comment or change their answer.

/** Fields the box and the comment form pass on unchanged (a frame's help-article key). */
type Carried = { key?: string | null };

function carried(props: Carried): Html {
  return props.key ? html`<input type="hidden" name="key" value="${props.key}">` : html``;
}

/**
 * The Yes / No box; `action` is where it posts (the thread's or the frame's route). Frames ask
 * "Did you find your answer?" — the reader came with a question about the article.
 */
export function feedbackBox(props: Carried & { i18n: I18n; action: string; frame?: boolean }): Html {
  const { i18n } = props;
  return html`<form method="post" action="${props.action}" class="feedback-box" data-feedback>
  ${carried(props)}
  <fieldset>
    <legend>${i18n.t(props.frame ? 'feedback.frameQuestion' : 'feedback.question')}</legend>
    <button type="submit" name="helpful" value="yes" class="button button-secondary">${i18n.t('feedback.yes')}</button>
    <button type="submit" name="helpful" value="no" class="button button-secondary">${i18n.t('feedback.no')}</button>
  </fieldset>
</form>`;
}

export type FeedbackCommentProps = Carried & {
  i18n: I18n;
  action: string;
  helpful: boolean;
  comment: string;
  /** The signed token of an anonymous reader's answer; null for a member. */
  token: string | null;
  errors?: FieldErrors;
};

/** After answering: thanks, and the form that adds a comment or changes the answer. */
export function feedbackComment(props: FeedbackCommentProps): Html {
  const { i18n } = props;
  const errors = props.errors ?? {};
  return html`<form method="post" action="${props.action}" class="feedback-box feedback-comment" data-feedback>
  <p class="notice" role="status">${i18n.t(props.helpful ? 'feedback.thanksYes' : 'feedback.thanksNo')}</p>
  ${errorSummary(i18n, errors)}
  ${carried(props)}
  ${props.token ? html`<input type="hidden" name="token" value="${props.token}">` : ''}
  ${textarea({ name: 'comment', label: i18n.t('feedback.commentLabel'), hint: i18n.t('feedback.commentHint', { max: COMMENT_MAX }), value: props.comment, rows: 3, dir: 'auto', maxlength: COMMENT_MAX, ...(errors['comment'] ? { error: errors['comment'] } : {}) })}
  <fieldset>
    <legend>${i18n.t('feedback.question')}</legend>
    <label><input type="radio" name="helpful" value="yes"${props.helpful ? ' checked' : ''}> ${i18n.t('feedback.yes')}</label>
    <label><input type="radio" name="helpful" value="no"${props.helpful ? '' : ' checked'}> ${i18n.t('feedback.no')}</label>
  </fieldset>
  <button type="submit" class="button">${i18n.t('feedback.send')}</button>
</form>`;
}
