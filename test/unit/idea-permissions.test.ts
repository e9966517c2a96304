import { describe, expect, it } from 'vitest';
import { canEditIdeaStatuses, canManageIdea, ideaVoteBlock, type IdeaFacts } from '../../src/forum/permissions.js';
import type { SignedIn, Viewer } from '../../src/lib/context.js';

const member: SignedIn = { id: 1, username: 'ann', role: 'member', createdAt: 0 };
const manager: SignedIn = { id: 3, username: 'mia', role: 'manager', createdAt: 0 };
const admin: SignedIn = { id: 4, username: 'ada', role: 'admin', createdAt: 0 };
const scopedManager: SignedIn = { id: 5, username: 'sam', role: 'manager', createdAt: 0, scope: [7] };
const silenced: SignedIn = { ...member, silencedUntil: Number.MAX_SAFE_INTEGER };
const viewers: Record<string, Viewer> = { anonymous: null, member, manager, admin, scopedManager, silenced };

const open: IdeaFacts = { archived: false, merged: false, statusOpen: true };

describe('ideaVoteBlock says why a viewer may not vote for an idea', () => {
  const cases: [name: string, viewer: keyof typeof viewers, idea: IdeaFacts, expected: ReturnType<typeof ideaVoteBlock>][] = [
    ['a member votes for an open idea', 'member', open, null],
    ['staff vote like members', 'manager', open, null],
    ['a visitor signs in first', 'anonymous', open, 'sign-in'],
    ['a silenced member waits', 'silenced', open, 'silenced'],
    ['an archived board takes no votes', 'member', { ...open, archived: true }, 'archived'],
    ['a merged idea has its votes elsewhere', 'member', { ...open, merged: true }, 'merged'],
    ['a closed status (shipped, declined) takes no votes', 'member', { ...open, statusOpen: false }, 'closed'],
  ];
  it.each(cases)('%s', (_name, viewer, idea, expected) => {
    expect(ideaVoteBlock(viewers[viewer] ?? null, idea, 0)).toBe(expected);
  });
});

describe('canManageIdea: staff who moderate the board', () => {
  const rows: [keyof typeof viewers, number, boolean][] = [
    ['anonymous', 7, false],
    ['member', 7, false],
    ['manager', 7, true],
    ['admin', 7, true],
    ['scopedManager', 7, true],
    ['scopedManager', 8, false],
  ];
  it.each(rows)('%s in category %s → %s', (viewer, categoryId, expected) => {
    expect(canManageIdea(viewers[viewer] ?? null, categoryId)).toBe(expected);
  });
});

describe('canEditIdeaStatuses: admins only', () => {
  const rows: [keyof typeof viewers, boolean][] = [
    ['anonymous', false],
    ['member', false],
    ['manager', false],
    ['scopedManager', false],
    ['admin', true],
  ];
  it.each(rows)('%s → %s', (viewer, expected) => {
    expect(canEditIdeaStatuses(viewers[viewer] ?? null)).toBe(expected);
  });
});
