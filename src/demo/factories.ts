import { randomBytes } from 'node:crypto';
import { createUser } from '../auth/accounts.js';
import { createCategory } from '../forum/categories.js';
import { createReply } from '../forum/posts.js';
import { createThread, setThreadFlag } from '../forum/threads.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import type { CategoryKind, ModerationMode, Role } from '../db/schema.js';

// Builders shared by the demo seed and the tests. They go through the real services, so demo
// content and test data obey the same validation, rendering and counters as real posts.

const system: SignedIn = { id: 0, username: 'system', role: 'admin', createdAt: 0 };

export async function makeUser(
  ctx: ServiceContext,
  input: { username: string; email?: string; password?: string; role?: Role; verified?: boolean },
): Promise<SignedIn> {
  // Demo and test members have confirmed addresses unless a test is about confirming one.
  return createUser(ctx, {
    verified: input.verified ?? true,
    username: input.username,
    email: input.email ?? `${input.username.toLowerCase()}@example.com`,
    password: input.password ?? randomBytes(18).toString('base64url'),
    role: input.role ?? 'member',
  });
}

export function makeCategory(
  ctx: ServiceContext,
  input: { name: string; slug?: string; description?: string; kind?: CategoryKind; moderation?: ModerationMode; position?: number },
): { id: number; slug: string } {
  return createCategory(ctx, 'system', { moderation: 'open', ...input });
}

export function makeThread(ctx: ServiceContext, author: SignedIn, input: { category: string; title: string; body: string }) {
  return createThread(ctx, author, input);
}

/** `replyTo`: the number of the post answered, as the "Reply" link on that post sends it. */
export function makeReply(ctx: ServiceContext, author: SignedIn, input: { threadId: number; body: string; replyTo?: number }) {
  const { replyTo, ...rest } = input;
  return createReply(ctx, author, { ...rest, ...(replyTo !== undefined ? { replyTo: String(replyTo) } : {}) });
}

export function pinThread(ctx: ServiceContext, threadId: number, pinned = true): void {
  setThreadFlag(ctx, system, { threadId, flag: 'pinned', value: pinned });
}

export function lockThread(ctx: ServiceContext, threadId: number, locked = true): void {
  setThreadFlag(ctx, system, { threadId, flag: 'locked', value: locked });
}
