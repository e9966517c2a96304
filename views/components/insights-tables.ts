import type { I18n } from '../../src/i18n/translator.js';
import type { Insights, UnansweredQuestion } from '../../src/insights/types.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { duration } from './duration.js';
import { csvLink, percent, timeOrNone } from './insights-figures.js';
import { flagReasonLabel } from './mod-nav.js';
import { time } from './time.js';

// The dashboard's tables: response times per category against each target, the worklist of
// questions past their target, flags by reason and the members who helped most.

const heads = (headings: Array<[string, boolean?]>) =>
  html`<thead><tr>${headings.map(([text, number]) => html`<th scope="col"${number ? html` class="number"` : ''}>${text}</th>`)}</tr></thead>`;

const arrow = (glyph: string) => html`<span class="direction-arrow" aria-hidden="true">${glyph}</span>`;

export function categoriesTable(i18n: I18n, insights: Insights, query: string): Html {
  const title = i18n.t('insightsPage.byCategory');
  const row = ({ category, response, solutions }: Insights['byCategory'][number]) => html`<tr>
  <th scope="row"><a dir="auto" href="/c/${category.slug}">${category.name}</a></th>
  <td class="number">${duration(i18n, category.targetReplyMinutes * 60_000)}</td>
  <td class="number">${i18n.number(response.questions)}</td>
  <td class="number">${timeOrNone(i18n, response.firstReply.median)}</td>
  <td class="number">${timeOrNone(i18n, response.firstReply.p90)}</td>
  <td class="number">${timeOrNone(i18n, response.firstStaffReply.median)}</td>
  <td class="number">${percent(i18n, response.withinTarget)}</td>
  <td class="number">${solutions ? percent(i18n, solutions.solved) : html`<span class="muted">${i18n.t('insightsPage.notQuestions')}</span>`}</td>
</tr>`;
  return html`<section aria-labelledby="categories-heading">
<h2 id="categories-heading">${title}</h2>
${insights.byCategory.length === 0 ? html`<p class="empty">${i18n.t('insightsPage.noCategories')}</p>` : html`<div class="table-wrap"><table class="mod-table">
<caption class="visually-hidden">${title}</caption>
${heads([[i18n.t('insightsPage.category')], [i18n.t('insightsPage.target'), true], [i18n.t('insightsPage.questions'), true], [i18n.t('insightsPage.firstReplyMedian'), true], [i18n.t('insightsPage.firstReplyP90'), true], [i18n.t('insightsPage.firstStaffReplyMedian'), true], [i18n.t('insightsPage.withinTarget'), true], [i18n.t('insightsPage.solvedRate'), true]])}
<tbody>${insights.byCategory.map(row)}</tbody>
</table></div>`}
${csvLink(i18n, query, 'categories', title)}
</section>`;
}

function claimed(i18n: I18n, question: UnansweredQuestion): Html {
  if (!question.claimedBy) return html`<span class="muted">${i18n.t('insightsPage.unclaimed')}</span>`;
  const name = html`<a href="/u/${encodeURIComponent(question.claimedBy.username)}"><bdi>${question.claimedBy.username}</bdi></a>`;
  return rich(i18n, 'insightsPage.claimedBy', { name });
}

export function unansweredTable(i18n: I18n, insights: Insights, query: string, next: string | null): Html {
  const title = i18n.t('insightsPage.unanswered');
  const row = (question: UnansweredQuestion) => html`<tr>
  <th scope="row"><a dir="auto" href="/t/${question.threadId}/${question.slug}">${question.title}</a></th>
  <td dir="auto">${question.categoryName}</td>
  <td>${time(i18n, question.createdAt)}</td>
  <td class="number">${duration(i18n, question.overdueBy)}</td>
  <td>${claimed(i18n, question)}</td>
</tr>`;
  const more = next === null ? '' : html`<nav class="pagination" aria-label="${i18n.t('insightsPage.moreUnanswered')}"><a rel="next" href="/mod/insights?${query ? `${query}&` : ''}after=${encodeURIComponent(next)}#unanswered-heading">${i18n.t('insightsPage.nextUnanswered')} ${arrow('→')}</a></nav>`;
  return html`<section aria-labelledby="unanswered-heading">
<h2 id="unanswered-heading">${title}</h2>
<p class="hint">${i18n.t('insightsPage.unansweredHint')}</p>
${insights.unansweredCount ? html`<p class="unanswered-count">${i18n.t('insightsPage.unansweredCount', { count: insights.unansweredCount })}</p>` : ''}
${insights.unanswered.length === 0 ? html`<p class="empty">${i18n.t('insightsPage.noneUnanswered')}</p>` : html`<div class="table-wrap"><table class="mod-table">
<caption class="visually-hidden">${title}</caption>
${heads([[i18n.t('insightsPage.question')], [i18n.t('insightsPage.category')], [i18n.t('insightsPage.asked')], [i18n.t('insightsPage.overdueBy'), true], [i18n.t('insightsPage.claim')]])}
<tbody>${insights.unanswered.map(row)}</tbody>
</table></div>`}
${more}
${csvLink(i18n, query, 'unanswered', title)}
</section>`;
}

export function flagsTable(i18n: I18n, insights: Insights, query: string): Html {
  const title = i18n.t('insightsPage.flagsByReason');
  const reasons = Object.entries(insights.moderation.flagsByReason);
  return html`<div class="table-wrap"><table class="mod-table">
<caption class="visually-hidden">${title}</caption>
${heads([[i18n.t('insightsPage.reason')], [i18n.t('insightsPage.flags'), true]])}
<tbody>${reasons.map(([reason, count]) => html`<tr><th scope="row">${flagReasonLabel(i18n, reason)}</th><td class="number">${i18n.number(count)}</td></tr>`)}</tbody>
</table></div>
${csvLink(i18n, query, 'moderation', i18n.t('insightsPage.moderation'))}`;
}

export function helpersTable(i18n: I18n, insights: Insights, query: string): Html {
  const title = i18n.t('insightsPage.topHelpers');
  return html`<section aria-labelledby="helpers-heading">
<h2 id="helpers-heading">${title}</h2>
${insights.topHelpers.length === 0 ? html`<p class="empty">${i18n.t('insightsPage.noHelpers')}</p>` : html`<div class="table-wrap"><table class="mod-table">
<caption class="visually-hidden">${title}</caption>
${heads([[i18n.t('insightsPage.member')], [i18n.t('insightsPage.acceptedAnswers'), true], [i18n.t('insightsPage.helpfulVotes'), true]])}
<tbody>${insights.topHelpers.map(
    (helper) => html`<tr><th scope="row"><a dir="auto" href="/u/${encodeURIComponent(helper.username)}">${helper.username}</a></th><td class="number">${i18n.number(helper.answers)}</td><td class="number">${i18n.number(helper.helpful)}</td></tr>`,
  )}</tbody>
</table></div>`}
${csvLink(i18n, query, 'helpers', title)}
</section>`;
}
