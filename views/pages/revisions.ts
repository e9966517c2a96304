import type { Revision } from '../../src/forum/posts.js';
import type { I18n } from '../../src/i18n/translator.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type RevisionsProps = { i18n: I18n; threadPath: string; post: { number: number | null; body: string; editedAt: number | null }; revisions: Revision[] };

const muted = (text: Html) => html`<span class="muted">${text}</span>`;

function revisionHeading(i18n: I18n, revision: Revision): Html {
  const date = time(i18n, revision.createdAt);
  return revision.editor
    ? rich(i18n, 'revisions.beforeEditBy', { date, editor: html`<bdi>${revision.editor}</bdi>`, muted })
    : rich(i18n, 'revisions.beforeEdit', { date });
}

export function revisionsPage(props: RevisionsProps): Html {
  const { i18n, post } = props;
  return html`<nav class="breadcrumbs" aria-label="${i18n.t('edit.breadcrumb')}"><a href="${props.threadPath}">${i18n.t('edit.backToThread')}</a></nav>
<h1>${post.number !== null ? i18n.t('revisions.headingOfPost', { number: post.number }) : i18n.t('revisions.heading')}</h1>
<section class="revision" aria-label="${i18n.t('revisions.current')}">
  <h2>${post.editedAt !== null ? rich(i18n, 'revisions.currentEdited', { date: time(i18n, post.editedAt), muted }) : i18n.t('revisions.current')}</h2>
  <pre class="revision-body" dir="auto">${post.body}</pre>
</section>
${props.revisions.map(
  (revision) => html`<section class="revision">
  <h2>${revisionHeading(i18n, revision)}</h2>
  ${revision.title !== null ? html`<p>${rich(i18n, 'revisions.titleWas', { title: html`<strong><bdi>${revision.title}</bdi></strong>` })}</p>` : ''}
  <pre class="revision-body" dir="auto">${revision.body}</pre>
</section>`,
)}`;
}
