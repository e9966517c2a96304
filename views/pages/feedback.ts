import { html, type Html } from '../html.js';
import { feedbackComment, type FeedbackCommentProps } from '../components/feedback.js';

/** The small page an answer lands on without JavaScript (never cached: it may carry a token). */
export function feedbackPage(props: FeedbackCommentProps & { thread: { title: string; path: string } }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="feedback-heading">
  <h1 id="feedback-heading">${i18n.t('feedback.question')}</h1>
  <p><a href="${props.thread.path}" dir="auto">${props.thread.title}</a></p>
  ${feedbackComment(props)}
</section>`;
}
