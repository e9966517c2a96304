import { makeCategory, makeThread } from '../../src/demo/factories.js';
import { setIdeaVoteLimit } from '../../src/ideas/vote-limit.js';
import type { ServiceContext, SignedIn } from '../../src/lib/context.js';

/** An ideas board, with a vote limit when given. */
export function makeIdeasBoard(ctx: ServiceContext, input: { name: string; slug: string; voteLimit?: number }): { id: number; slug: string } {
  const board = makeCategory(ctx, { name: input.name, slug: input.slug, kind: 'ideas' });
  if (input.voteLimit !== undefined) setIdeaVoteLimit(ctx, 'system', { categoryId: board.id, limit: String(input.voteLimit) });
  return board;
}

export async function makeIdea(ctx: ServiceContext, author: SignedIn, input: { board: string; title: string; body?: string }) {
  const created = await makeThread(ctx, author, { category: input.board, title: input.title, body: input.body ?? `${input.title}, please.` });
  return { ...created, path: `/t/${created.threadId}/${created.slug}` };
}
