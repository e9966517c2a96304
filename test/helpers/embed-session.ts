import type { SignedIn } from '../../src/lib/context.js';
import type { createTestContext } from './app.js';
import { HELP_CENTER } from './embed.js';

type Ctx = Pick<Awaited<ReturnType<typeof createTestContext>>, 'http'>;

/** What the sign-in popup hands over, read from its page as the popup's script reads it. */
export async function signInCode(ctx: Ctx, user: SignedIn | { id: number }, origin = HELP_CENTER): Promise<string> {
  const response = await ctx.http.get(`/embed/sign-in?origin=${encodeURIComponent(origin)}`, { as: user });
  const code = /data-code="([^"]+)"/.exec(await response.text())?.[1];
  if (!code) throw new Error(`the sign-in popup gave no code (${response.status})`);
  return code;
}

/** Exchanges a code as the frame does: a form POST from the community's origin. */
export function exchangeCode(ctx: Ctx, code: string, origin = HELP_CENTER) {
  return ctx.http.post('/embed/session', { code, origin });
}

/** A signed-in frame's bearer token for `user`, through the popup and the exchange. */
export async function embedToken(ctx: Ctx, user: SignedIn | { id: number }, origin = HELP_CENTER): Promise<string> {
  const response = await exchangeCode(ctx, await signInCode(ctx, user, origin), origin);
  if (response.status !== 200) throw new Error(`the exchange was refused (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}
