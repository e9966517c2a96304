import type { Silence } from '../../src/forum/compose.js';
import { TITLE_MAX, TITLE_MIN } from '../../src/forum/validation.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { SafeHtml } from '../../src/lib/safe-html.js';
import type { SimilarThread } from '../../src/search/similar.js';
import { errorSummary, field, keptText, textarea } from '../components/form.js';
import { imageUploadField } from '../components/image-upload.js';
import { pollComposerFieldset } from '../components/poll-fields.js';
import type { PollForm } from '../../src/polls/draft.js';
import { time } from '../components/time.js';
import { html, safe, scriptNonce, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type NewThreadProps = {
  i18n: I18n;
  categories: { slug: string; name: string }[];
  values: { category: string; title: string; body: string; submission: string };
  errors: Record<string, string | undefined>;
  /** The body rendered by the Preview button (nothing stored yet). */
  preview?: SafeHtml;
  /** Threads like the title, shown with the preview; static/similar.js fills the same box while typing. */
  similar?: SimilarThread[];
  /** A silenced member gets the reason instead of a form they could not send. */
  silence?: Silence;
  /** The optional "Add a poll" fieldset, where the viewer may add one. */
  poll?: { values: PollForm; errors: Record<string, string | undefined>; survey: boolean };
};

/**
 * The same markup static/similar.js builds, so both paths look alike. The box carries the words
 * the script writes (its heading, the solved tag); reply counts come with each thread from /similar.
 */
function similarBox(i18n: I18n, similar: SimilarThread[] | undefined): Html {
  const found = similar ?? [];
  const heading = i18n.t('similar.heading');
  const solved = i18n.t('similar.solved');
  return html`<div id="similar-threads" class="similar-threads" aria-live="polite" data-heading="${heading}" data-solved="${solved}"${found.length === 0 ? html` hidden` : ''}>${
    found.length === 0
      ? ''
      : html`<h2 class="similar-heading">${heading}</h2>
  <ul class="similar-list">${found.map(
    (thread) =>
      html`<li><a href="${thread.url}" dir="auto">${thread.title}</a>${thread.solved ? html` <span class="tag tag-solved">${solved}</span>` : ''} <span class="muted">${i18n.t('similar.replies', { count: thread.replyCount })}</span></li>`,
  )}</ul>`
  }</div>`;
}

/** Instead of the form: why, until when, and any text that came back (a form sent from another tab). */
function silencedNotice(i18n: I18n, silence: Silence, values: NewThreadProps['values']): Html {
  const until = time(i18n, silence.until);
  const why = silence.reason
    ? rich(i18n, 'compose.silencedWithReason', { until, reason: html`<bdi>${silence.reason}</bdi>` })
    : rich(i18n, 'compose.silenced', { until });
  return html`<h1>${i18n.t('compose.heading')}</h1>
<p class="banner banner-rejected" role="status"><strong>${i18n.t('compose.silencedHeading')}</strong> ${why}</p>
${values.title.trim() ? keptText({ name: 'title', label: i18n.t('compose.keptTitle'), value: values.title, rows: 2 }) : ''}
${values.body.trim() ? keptText({ name: 'body', label: i18n.t('compose.keptMessage'), value: values.body }) : ''}
<p><a href="/">${i18n.t('error.backHome')}</a></p>`;
}

function categoryField(i18n: I18n, props: NewThreadProps): Html {
  const { values, errors } = props;
  return html`<div class="field${errors['category'] ? ' has-error' : ''}">
    <label for="field-category">${i18n.t('compose.category')}</label>
    <select id="field-category" name="category" required${errors['category'] ? html` aria-invalid="true" aria-describedby="field-category-error"` : ''}>
      <option value="">${i18n.t('compose.chooseCategory')}</option>
      ${props.categories.map((category) =>
        category.slug === values.category
          ? html`<option value="${category.slug}" selected>${category.name}</option>`
          : html`<option value="${category.slug}">${category.name}</option>`,
      )}
    </select>
    ${errors['category'] ? html`<p class="field-error" id="field-category-error">${errors['category']}</p>` : ''}
  </div>`;
}

export function newThreadPage(props: NewThreadProps): Html {
  const { i18n, values, errors } = props;
  if (props.silence) return silencedNotice(i18n, props.silence, values);
  return html`<h1>${i18n.t('compose.heading')}</h1>
<form method="post" action="/t" class="post-form" enctype="multipart/form-data" data-similar="/similar">
  <input type="hidden" name="submission" value="${values.submission}">
  ${errorSummary(i18n, errors)}
  ${categoryField(i18n, props)}
  ${field({ name: 'title', label: i18n.t('compose.title'), value: values.title, error: errors['title'], hint: i18n.t('compose.titleHint', { min: TITLE_MIN, max: TITLE_MAX }), required: true, maxlength: TITLE_MAX, dir: 'auto' })}
  ${similarBox(i18n, props.similar)}
  ${textarea({ name: 'body', label: i18n.t('compose.message'), value: values.body, error: errors['body'], hint: i18n.t('compose.markdownHint'), rows: 10, required: true, dir: 'auto' })}
  ${imageUploadField(i18n, errors['file'])}
  ${props.poll ? pollComposerFieldset({ i18n, ...props.poll }) : ''}
  ${props.preview !== undefined ? html`<section class="preview" aria-labelledby="preview-heading"><h2 id="preview-heading">${i18n.t('compose.preview')}</h2><div class="post-body" dir="auto">${safe(props.preview)}</div></section>` : ''}
  <div class="form-actions">
    <button type="submit">${i18n.t('compose.submit')}</button>
    <button type="submit" name="intent" value="preview" class="button-secondary" formnovalidate>${i18n.t('compose.preview')}</button>
  </div>
</form>
<script src="/static/similar.js"${scriptNonce} defer></script>`;
}
