import { legacyI18n } from '../legacy-i18n.js';
import type { Silence } from '../../src/forum/compose.js';
import type { SafeHtml } from '../../src/lib/safe-html.js';
import type { SimilarThread } from '../../src/search/similar.js';
import { errorSummary, field, keptText, textarea } from '../components/form.js';
import { legacyTime } from '../components/time.js';
import { html, safe, scriptNonce, type Html } from '../html.js';

export type NewThreadProps = {
  categories: { slug: string; name: string }[];
  values: { category: string; title: string; body: string; submission: string };
  errors: Record<string, string | undefined>;
  /** The body rendered by the Preview button (nothing stored yet). */
  preview?: SafeHtml;
  /** Threads like the title, shown with the preview; static/similar.js fills the same box while typing. */
  similar?: SimilarThread[];
  /** A silenced member gets the reason instead of a form they could not send. */
  silence?: Silence;
};

/** The same markup static/similar.js builds, so both paths look alike. */
function similarBox(similar: SimilarThread[] | undefined): Html {
  const found = similar ?? [];
  return html`<div id="similar-threads" class="similar-threads" aria-live="polite"${found.length === 0 ? html` hidden` : ''}>${
    found.length === 0
      ? ''
      : html`<h2 class="similar-heading">Maybe already answered</h2>
  <ul class="similar-list">${found.map(
    (thread) =>
      html`<li><a href="${thread.url}">${thread.title}</a>${thread.solved ? html` <span class="tag tag-solved">Solved</span>` : ''} <span class="muted">${thread.replyCount} ${thread.replyCount === 1 ? 'reply' : 'replies'}</span></li>`,
  )}</ul>`
  }</div>`;
}

/** Instead of the form: why, until when, and any text that came back (a form sent from another tab). */
function silencedNotice(silence: Silence, values: NewThreadProps['values']): Html {
  return html`<h1>Start a new thread</h1>
<p class="banner banner-rejected" role="status"><strong>You cannot start threads for now.</strong> You have been silenced until ${legacyTime(silence.until)}${silence.reason ? html` (“${silence.reason}”)` : ''}, so you cannot post or flag until then. You can still read everything.</p>
${values.title.trim() ? keptText({ name: 'title', label: 'Your title, kept for you to copy', value: values.title, rows: 2 }) : ''}
${values.body.trim() ? keptText({ name: 'body', label: 'Your message, kept for you to copy', value: values.body }) : ''}
<p><a href="/">Back to the community home</a></p>`;
}

export function newThreadPage(props: NewThreadProps): Html {
  const { values, errors } = props;
  if (props.silence) return silencedNotice(props.silence, values);
  return html`<h1>Start a new thread</h1>
<form method="post" action="/t" class="post-form" data-similar="/similar">
  <input type="hidden" name="submission" value="${values.submission}">
  ${errorSummary(legacyI18n, errors)}
  <div class="field${errors['category'] ? ' has-error' : ''}">
    <label for="field-category">Category</label>
    <select id="field-category" name="category" required${errors['category'] ? html` aria-invalid="true" aria-describedby="field-category-error"` : ''}>
      <option value="">Choose a category…</option>
      ${props.categories.map((category) =>
        category.slug === values.category
          ? html`<option value="${category.slug}" selected>${category.name}</option>`
          : html`<option value="${category.slug}">${category.name}</option>`,
      )}
    </select>
    ${errors['category'] ? html`<p class="field-error" id="field-category-error">${errors['category']}</p>` : ''}
  </div>
  ${field({ name: 'title', label: 'Title', value: values.title, error: errors['title'], hint: 'A short summary of your question or topic (5–150 characters).', required: true, maxlength: 150 })}
  ${similarBox(props.similar)}
  ${textarea({ name: 'body', label: 'Message', value: values.body, error: errors['body'], hint: 'Markdown works: **bold**, _italic_, `code`, lists and links.', rows: 10, required: true })}
  ${props.preview !== undefined ? html`<section class="preview" aria-labelledby="preview-heading"><h2 id="preview-heading">Preview</h2><div class="post-body">${safe(props.preview)}</div></section>` : ''}
  <div class="form-actions">
    <button type="submit">Start thread</button>
    <button type="submit" name="intent" value="preview" class="button-secondary" formnovalidate>Preview</button>
  </div>
</form>
<script src="/static/similar.js"${scriptNonce} defer></script>`;
}
