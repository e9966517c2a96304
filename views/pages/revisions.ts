import type { Revision } from '../../src/forum/posts.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';

export type RevisionsProps = { threadPath: string; post: { number: number | null; body: string; editedAt: number | null }; revisions: Revision[] };

export function revisionsPage(props: RevisionsProps): Html {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="${props.threadPath}">Back to the thread</a></nav>
<h1>Edit history${props.post.number !== null ? html` of post #${props.post.number}` : ''}</h1>
<section class="revision" aria-label="Current version">
  <h2>Current version${props.post.editedAt !== null ? html` <span class="muted">(${legacyTime(props.post.editedAt)})</span>` : ''}</h2>
  <pre class="revision-body">${props.post.body}</pre>
</section>
${props.revisions.map(
  (revision) => html`<section class="revision">
  <h2>Before the edit of ${legacyTime(revision.createdAt)}${revision.editor ? html` <span class="muted">by ${revision.editor}</span>` : ''}</h2>
  ${revision.title !== null ? html`<p>Title was: <strong>${revision.title}</strong></p>` : ''}
  <pre class="revision-body">${revision.body}</pre>
</section>`,
)}`;
}
