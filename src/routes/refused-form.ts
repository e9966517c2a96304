import type { Context } from 'hono';
import { Forbidden } from '../lib/errors.js';
import type { KeptText } from '../../views/pages/error.js';
import type { AppEnv } from './env.js';
import { renderError } from './render.js';

/**
 * A post refused with 403 (silenced in another tab meanwhile, a thread locked while a reply was
 * being written) answers with the reason and the typed text, read-only to copy: showing the form
 * again would invite sending it again, and losing the text is never acceptable. Null for any
 * other error, which the route handles as before.
 */
export function refusedWithText(c: Context<AppEnv>, error: unknown, kept: KeptText[], back?: { href: string; label: string }): ReturnType<typeof renderError> | null {
  if (!(error instanceof Forbidden)) return null;
  return renderError(c, 403, error.text, { kept, ...(back ? { back } : {}) });
}
