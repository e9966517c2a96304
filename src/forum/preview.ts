import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Unauthenticated } from '../lib/errors.js';
import type { SafeHtml } from '../lib/safe-html.js';
import { bodyError, normalizeText } from './validation.js';

/**
 * A post's body rendered through the real pipeline without storing anything: the no-JavaScript
 * preview of the new-thread form. Signed-in members only, since rendering costs worker time.
 */
export async function previewPost(ctx: ServiceContext, viewer: Viewer, input: { body: unknown }): Promise<SafeHtml> {
  if (viewer === null) throw new Unauthenticated(msg('compose.logInToPreview'));
  const body = normalizeText(input.body);
  assertValid({ body: bodyError(body) });
  return (await ctx.markdown.render(body)).html;
}
