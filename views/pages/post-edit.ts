import { errorSummary, field, textarea } from '../components/form.js';
import { html, type Html } from '../html.js';

export type EditPostProps = {
  postId: number;
  threadPath: string;
  /** Present when the post opens its thread, whose title may change too. */
  title: string | null;
  body: string;
  errors: Record<string, string | undefined>;
};

export function editPostPage(props: EditPostProps): Html {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="${props.threadPath}">Back to the thread</a></nav>
<h1>Edit your post</h1>
<form method="post" action="/p/${props.postId}/edit" class="post-form">
  ${errorSummary(props.errors)}
  ${props.title !== null ? field({ name: 'title', label: 'Title', value: props.title, error: props.errors['title'], required: true, maxlength: 150 }) : ''}
  ${textarea({ name: 'body', label: 'Message', value: props.body, error: props.errors['body'], hint: 'The earlier version is kept in the post’s history.', rows: 12, required: true })}
  <button type="submit">Save changes</button> <a href="${props.threadPath}">Cancel</a>
</form>`;
}
