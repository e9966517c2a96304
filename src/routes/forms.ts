import { fieldTexts } from './render.js';
import type { Context } from 'hono';
import { msg } from '../i18n/message.js';
import type { I18n } from '../i18n/translator.js';
import { NotFound, RateLimited, Unauthenticated, ValidationError } from '../lib/errors.js';
import { UNAVAILABLE_RETRY_AFTER_SECONDS, unavailableMessage } from '../lib/unavailable.js';
import { loggedPath } from '../lib/log.js';
import { randomString } from '../lib/random-pool.js';
import { threadPath } from '../lib/slug.js';
import type { AppEnv } from './env.js';

export type FormErrors = Record<string, string | undefined>;

/** Reads an urlencoded form as plain strings (repeated fields keep their last value). */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') form[key] = last;
  }
  return form;
}

/**
 * Turns an error from a service into field errors for re-showing the form (with the user's text),
 * or rethrows what a form cannot fix. A lapsed session keeps the text too: the person can log in
 * in another tab and send again.
 */
export type FormStatus = 401 | 422 | 429 | 503;

export function formErrors(error: unknown, c: Context<AppEnv>): { status: FormStatus; errors: FormErrors } {
  const i18n = c.get('i18n');
  if (error instanceof ValidationError) return { status: 422, errors: fieldTexts(c, error.fields) };
  if (error instanceof RateLimited) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return { status: 429, errors: { form: sentences(i18n, [i18n.message(error.text), i18n.t('request.textKept')]) } };
  }
  if (error instanceof Unauthenticated) return { status: 401, errors: { form: i18n.t('request.sessionLapsed') } };
  // A locked database or a full disk: the text must survive, so the form comes back with it.
  const unavailable = unavailableMessage(error);
  if (unavailable && c) {
    c.get('log')(`Database unavailable on ${c.req.method} ${loggedPath(c.req.path)} (request ${c.get('requestId')}); the form was shown again`, error);
    c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return { status: 503, errors: { form: sentences(i18n, [i18n.message(unavailable), i18n.t('request.textKept')]) } };
  }
  throw error;
}

/** Whole sentences one after the other, as the language writes them (Chinese puts no space between). */
export function sentences(i18n: I18n, texts: string[]): string {
  return texts.reduce((first, second) => i18n.t('request.sentences', { first, second }));
}

/** A service's field errors for a page that shows no form: each of them, then "Go back and try again." */
export function fieldErrorsText(i18n: I18n, error: ValidationError): string {
  return sentences(i18n, [...Object.values(error.fields).map((text) => i18n.message(text)), i18n.t('request.goBack')]);
}

/** A numeric id from the URL, or a 404 for anything else. */
export function idParam(value: string | undefined): number {
  if (!value || !/^[1-9][0-9]{0,14}$/.test(value)) throw new NotFound(msg('request.pageNotFound'));
  return Number(value);
}

/** A post's place on its thread page; waiting posts have no number yet and anchor by id. */
export function postPath(location: { postId: number; threadId: number; slug: string; page: number; number: number | null }): string {
  const anchor = location.number === null ? `post-pending-${location.postId}` : `post-${location.number}`;
  return `${threadPath(location.threadId, location.slug, location.page)}#${anchor}`;
}

/** Sends anonymous visitors to the login page and back here afterwards. */
export function loginRedirect(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
}

/** A token for one form: a double submit or a retry of the same form posts once. */
export function newSubmissionToken(): string {
  return randomString(16, 'base64url');
}
