import type { CategorySummary } from '../../src/forum/categories.js';
import { shownName } from '../components/member-name.js';
import type { I18n } from '../../src/i18n/translator.js';
import { ideaStatusBadge } from '../components/idea-status.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { relativeTime } from '../components/time.js';

/** A command, the same in every language. */
const createCategoryCommand = 'npm run cli -- category:create --name "…"';

export type HomeProps = { i18n: I18n; siteName: string; categories: CategorySummary[]; /** Invite the visitor to sign up: a visitor, on a site that has local sign-up. */ inviteSignUp: boolean };

/** Labels every category row shows, looked up once per page. */
function rowLabels(i18n: I18n) {
  return { questions: i18n.t('home.questionsTag'), threads: i18n.t('home.threads'), posts: i18n.t('home.posts'), solved: i18n.t('home.solved'), empty: i18n.t('home.noThreadsYet') };
}

function latestActivity(i18n: I18n, latest: NonNullable<CategorySummary['latest']>, labels: ReturnType<typeof rowLabels>): Html {
  const when = relativeTime(i18n, latest.at);
  return html`<a href="/t/${latest.threadId}/${latest.slug}" dir="auto">${latest.title}</a>${latest.solved ? html` <span class="tag tag-solved">${labels.solved}</span>` : ''}${latest.ideaStatus ? html` ${ideaStatusBadge(i18n, latest.ideaStatus)}` : ''}
        <span class="muted">${latest.username ? html`<span dir="auto">${shownName(i18n, latest.username)}</span> · ` : ''}${when}</span>`;
}

function categoryRow(i18n: I18n, category: CategorySummary, labels: ReturnType<typeof rowLabels>): Html {
  return html`<li class="category-row">
  <div class="category-main">
    <h2><a dir="auto" href="/c/${category.slug}">${category.name}</a>${category.kind === 'questions' ? html` <span class="tag">${labels.questions}</span>` : ''}</h2>
    ${category.description ? html`<p dir="auto">${category.description}</p>` : ''}
  </div>
  <dl class="category-counts">
    <div><dt>${labels.threads}</dt><dd>${i18n.number(category.threadCount)}</dd></div>
    <div><dt>${labels.posts}</dt><dd>${i18n.number(category.postCount)}</dd></div>
  </dl>
  <div class="category-latest">
    ${category.latest ? latestActivity(i18n, category.latest, labels) : html`<span class="muted">${labels.empty}</span>`}
  </div>
</li>`;
}

export function homePage(props: HomeProps): Html {
  const { i18n } = props;
  const labels = rowLabels(i18n);
  return html`<h1>${rich(i18n, 'home.heading', { site: html`<bdi>${props.siteName}</bdi>` })}</h1>
<p class="lead">${i18n.t('home.lead')}</p>
${props.categories.length === 0
  ? html`<p class="empty">${rich(i18n, 'home.noCategories', { command: html`<code>${createCategoryCommand}</code>` })}</p>`
  : html`<ul class="category-list">${props.categories.map((category) => categoryRow(i18n, category, labels))}</ul>`}
${!props.inviteSignUp ? '' : html`<p class="cta">${rich(i18n, 'home.signUpPrompt', { link: (text) => html`<a href="/signup">${text}</a>` })}</p>`}`;
}
