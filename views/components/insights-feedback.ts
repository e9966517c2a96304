import type { I18n } from '../../src/i18n/translator.js';
import type { FeedbackComment, FeedbackSubject, Insights } from '../../src/insights/types.js';
import { html, type Html } from '../html.js';
import { csvLink, percent } from './insights-figures.js';
import { time } from './time.js';

// "Did this help?" on the dashboard (docs/insights.md): per thread and help article, the help
// articles that fail customers first, then what readers said was missing, newest first.

const heads = (headings: Array<[string, boolean?]>) =>
  html`<thead><tr>${headings.map(([text, number]) => html`<th scope="col"${number ? html` class="number"` : ''}>${text}</th>`)}</tr></thead>`;

function where(i18n: I18n, embedKey: string | null): Html {
  return embedKey === null ? html`<span class="muted">${i18n.t('insightsFeedback.community')}</span>` : html`<code dir="auto">${embedKey}</code>`;
}

function subjectRow(i18n: I18n, subject: FeedbackSubject): Html {
  return html`<tr>
  <th scope="row"><a dir="auto" href="/t/${subject.threadId}/${subject.slug}">${subject.title}</a></th>
  <td>${where(i18n, subject.embedKey)}</td>
  <td class="number">${i18n.number(subject.helpful.of)}</td>
  <td class="number">${i18n.number(subject.helpful.of - subject.helpful.count)}</td>
  <td class="number">${percent(i18n, subject.helpful)}</td>
</tr>`;
}

function commentItem(i18n: I18n, comment: FeedbackComment): Html {
  return html`<li class="feedback-comment-item">
  <p class="muted">${time(i18n, comment.at)} · <a dir="auto" href="/t/${comment.threadId}/${comment.slug}">${comment.title}</a> · ${where(i18n, comment.embedKey)} · <strong>${i18n.t(comment.helpful ? 'feedback.yes' : 'feedback.no')}</strong></p>
  <blockquote dir="auto">${comment.comment}</blockquote>
</li>`;
}

export function feedbackSection(i18n: I18n, insights: Insights, query: string): Html {
  const feedback = insights.feedback;
  if (!feedback) return html``;
  const title = i18n.t('feedback.question');
  const commentsTitle = i18n.t('insightsFeedback.comments');
  return html`<section aria-labelledby="feedback-heading">
<h2 id="feedback-heading">${title}</h2>
<p class="hint">${i18n.t('insightsFeedback.hint')}</p>
${feedback.subjects.length === 0 ? html`<p class="empty">${i18n.t('insightsFeedback.none')}</p>` : html`<div class="table-wrap"><table class="mod-table feedback-table">
<caption class="visually-hidden">${title}</caption>
${heads([[i18n.t('insightsFeedback.thread')], [i18n.t('insightsFeedback.article')], [i18n.t('insightsFeedback.answers'), true], [i18n.t('insightsFeedback.noAnswers'), true], [i18n.t('insightsFeedback.yesRate'), true]])}
<tbody>${feedback.subjects.map((subject) => subjectRow(i18n, subject))}</tbody>
</table></div>`}
${csvLink(i18n, query, 'feedback', title)}
<h3 id="feedback-comments-heading">${commentsTitle}</h3>
${feedback.comments.length === 0 ? html`<p class="empty">${i18n.t('insightsFeedback.noComments')}</p>` : html`<ol class="feedback-comments" aria-labelledby="feedback-comments-heading">${feedback.comments.map((comment) => commentItem(i18n, comment))}</ol>`}
${csvLink(i18n, query, 'feedback_comments', commentsTitle)}
</section>`;
}
