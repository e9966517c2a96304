import { errorSummary, field, textarea } from '../components/form.js';
import { html, type Html } from '../html.js';

export type NewThreadProps = {
  categories: { slug: string; name: string }[];
  values: { category: string; title: string; body: string; submission: string };
  errors: Record<string, string | undefined>;
};

export function newThreadPage(props: NewThreadProps): Html {
  const { values, errors } = props;
  return html`<h1>Start a new thread</h1>
<form method="post" action="/t" class="post-form">
  <input type="hidden" name="submission" value="${values.submission}">
  ${errorSummary(errors)}
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
  ${textarea({ name: 'body', label: 'Message', value: values.body, error: errors['body'], hint: 'Markdown works: **bold**, _italic_, `code`, lists and links.', rows: 10, required: true })}
  <button type="submit">Start thread</button>
</form>`;
}
