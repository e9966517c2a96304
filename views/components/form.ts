import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

export type FieldErrors = Record<string, string | undefined>;

type FieldProps = {
  name: string;
  label: string;
  value?: string;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'search';
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  minlength?: number;
  maxlength?: number;
  autofocus?: boolean;
  /** `auto` for fields that hold member text (titles, messages): Arabic typed in an English page runs right to left. */
  dir?: 'auto';
};

/** A labelled input with its hint and error tied to it for screen readers. */
export function field(props: FieldProps): Html {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${props.error ? ' has-error' : ''}">
  <label for="${id}">${props.label}</label>
  ${props.hint ? html`<p class="hint" id="${id}-hint">${props.hint}</p>` : ''}
  <input id="${id}" name="${props.name}" type="${props.type ?? 'text'}" value="${props.value ?? ''}"${props.dir ? html` dir="${props.dir}"` : ''}${
    props.autocomplete ? html` autocomplete="${props.autocomplete}"` : ''
  }${props.required ? html` required` : ''}${props.minlength ? html` minlength="${props.minlength}"` : ''}${
    props.maxlength ? html` maxlength="${props.maxlength}"` : ''
  }${props.autofocus ? html` autofocus` : ''}${described ? html` aria-describedby="${described}"` : ''}${
    props.error ? html` aria-invalid="true"` : ''
  }>
  ${props.error ? html`<p class="field-error" id="${id}-error">${props.error}</p>` : ''}
</div>`;
}

type TextareaProps = Omit<FieldProps, 'type' | 'autocomplete'> & { rows?: number };

export function textarea(props: TextareaProps): Html {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${props.error ? ' has-error' : ''}">
  <label for="${id}">${props.label}</label>
  ${props.hint ? html`<p class="hint" id="${id}-hint">${props.hint}</p>` : ''}
  <textarea id="${id}" name="${props.name}" rows="${props.rows ?? 8}"${props.dir ? html` dir="${props.dir}"` : ''}${props.required ? html` required` : ''}${
    props.maxlength ? html` maxlength="${props.maxlength}"` : ''
  }${props.autofocus ? html` autofocus` : ''}${described ? html` aria-describedby="${described}"` : ''}${
    props.error ? html` aria-invalid="true"` : ''
  }>
${props.value ?? ''}</textarea>
  ${props.error ? html`<p class="field-error" id="${id}-error">${props.error}</p>` : ''}
</div>`;
}

/** Shown at the top of a form that came back with errors. */
export function errorSummary(i18n: I18n, errors: FieldErrors, message = i18n.t('form.correctFields')): Html {
  const general = errors['form'];
  const hasFieldErrors = Object.entries(errors).some(([key, value]) => key !== 'form' && value);
  if (!general && !hasFieldErrors) return html``;
  return html`<div class="error-summary" role="alert">
  ${general ? html`<p>${general}</p>` : ''}${hasFieldErrors ? html`<p>${message}</p>` : ''}
</div>`;
}

/**
 * Text that could not be sent (the post was refused), given back to copy: read-only, without a
 * name and outside any form, so nothing sends it by mistake. `name` only makes the id. It is the
 * member's own text, so it runs in its own direction.
 */
export function keptText(props: { name: string; label: string; value: string; rows?: number }): Html {
  const id = `kept-${props.name}`;
  return html`<div class="field kept-text">
  <label for="${id}">${props.label}</label>
  <textarea id="${id}" rows="${props.rows ?? 8}" dir="auto" readonly>
${props.value}</textarea>
</div>`;
}
