import { describe, expect, it } from 'vitest';
import {
  canAcceptAnswer,
  canCreateThread,
  canStartThreadIn,
  canDeletePost,
  canEditPost,
  canLockThread,
  canPinThread,
  canReadHiddenPost,
  canReply,
  canViewRevisions,
  canVote,
  canWatch,
  isStaff,
  replyBlock,
  type PostFacts,
} from '../../src/forum/permissions.js';
import type { SignedIn, Viewer } from '../../src/lib/context.js';

const member: SignedIn = { id: 1, username: 'ann', role: 'member', createdAt: 0 };
const otherMember: SignedIn = { id: 2, username: 'bob', role: 'member', createdAt: 0 };
const manager: SignedIn = { id: 3, username: 'mia', role: 'manager', createdAt: 0 };
const admin: SignedIn = { id: 4, username: 'ada', role: 'admin', createdAt: 0 };
const scopedManager: SignedIn = { id: 5, username: 'sam', role: 'manager', createdAt: 0, scope: [7] };
const silenced: SignedIn = { ...otherMember, silencedUntil: Number.MAX_SAFE_INTEGER };
const silencedAuthor: SignedIn = { ...member, silencedUntil: Number.MAX_SAFE_INTEGER };
const viewers: Record<string, Viewer> = { anonymous: null, author: member, other: otherMember, manager, admin, scopedManager, silenced, silencedAuthor };

const live: PostFacts = { authorId: member.id, number: 2, deletedAt: null, hiddenAt: null };
const deleted: PostFacts = { ...live, deletedAt: 1 };
const hidden: PostFacts = { ...live, hiddenAt: 1 };
const open = { locked: false };
const locked = { locked: true };

type Row = [viewer: keyof typeof viewers, expected: boolean];

function table(name: string, rows: Row[], check: (viewer: Viewer) => boolean) {
  describe(name, () => {
    it.each(rows)('%s → %s', (viewer, expected) => {
      expect(check(viewers[viewer] ?? null)).toBe(expected);
    });
  });
}

table('isStaff', [['anonymous', false], ['author', false], ['manager', true], ['admin', true]], isStaff);
table('canCreateThread', [['anonymous', false], ['author', true], ['manager', true]], canCreateThread);
table('canStartThreadIn, an archived category', [['author', false], ['manager', true], ['admin', true], ['scopedManager', false]], (v) => canStartThreadIn(v, { id: 8, archived: true }));
table('canStartThreadIn, an open category', [['author', true], ['anonymous', true]], (v) => canStartThreadIn(v, { id: 8, archived: false }));
table('canReply in an open thread', [['anonymous', false], ['author', true], ['other', true], ['manager', true]], (v) => canReply(v, open));
table('canReply in a locked thread', [['anonymous', false], ['author', false], ['manager', true], ['admin', true]], (v) => canReply(v, locked));

describe('replyBlock says why a viewer may not reply', () => {
  const until = Number.MAX_SAFE_INTEGER;
  const cases: [name: string, viewer: keyof typeof viewers, thread: Parameters<typeof replyBlock>[1], expected: ReturnType<typeof replyBlock>][] = [
    ['anyone may reply to an open thread', 'other', open, null],
    ['a visitor signs in first', 'anonymous', open, { kind: 'sign-in' }],
    ['a silenced member, on an open thread', 'silenced', open, { kind: 'silenced', until }],
    ['a locked thread, to members', 'other', locked, { kind: 'locked' }],
    ['a locked thread, to visitors (signing in would not help)', 'anonymous', locked, { kind: 'locked' }],
    ['staff reply to locked threads', 'manager', locked, null],
    ['a scoped manager only in their categories', 'scopedManager', { locked: true, categoryId: 8 }, { kind: 'locked' }],
    ['a scoped manager in their category', 'scopedManager', { locked: true, categoryId: 7 }, null],
    ['the author of a waiting thread', 'author', { locked: false, status: 'pending', authorId: member.id }, { kind: 'thread-pending', yours: true }],
    ['staff looking at a waiting thread', 'manager', { locked: false, status: 'pending', authorId: member.id }, { kind: 'thread-pending', yours: false }],
    ['the author of a rejected thread', 'author', { locked: false, status: 'rejected', authorId: member.id }, { kind: 'thread-rejected', yours: true }],
    ['a published thread is open', 'author', { locked: false, status: 'published', authorId: member.id }, null],
    ['an archived category, to members', 'other', { locked: false, archived: true, categoryId: 8 }, { kind: 'archived' }],
    ['an archived category, to visitors (signing in would not help)', 'anonymous', { locked: false, archived: true, categoryId: 8 }, { kind: 'archived' }],
    ['an archived category, to its moderators', 'manager', { locked: false, archived: true, categoryId: 8 }, null],
    ['an archived category, to a manager scoped elsewhere', 'scopedManager', { locked: false, archived: true, categoryId: 8 }, { kind: 'archived' }],
  ];
  it.each(cases)('%s', (_name, viewer, thread, expected) => {
    expect(replyBlock(viewers[viewer] ?? null, thread, 1)).toEqual(expected);
    expect(canReply(viewers[viewer] ?? null, thread, 1)).toBe(expected === null);
  });
});
table('canEditPost, live post, open thread', [['anonymous', false], ['author', true], ['other', false], ['manager', true], ['admin', true]], (v) => canEditPost(v, live, open, 0));
table('canEditPost, locked thread', [['author', false], ['manager', true]], (v) => canEditPost(v, live, locked, 0));
table('canEditPost, deleted post', [['author', false], ['manager', false]], (v) => canEditPost(v, deleted, open, 0));
table('canEditPost, hidden post', [['author', false], ['manager', true]], (v) => canEditPost(v, hidden, open, 0));
// Editing is posting: a silenced author cannot change their post until the silence ends.
table('canEditPost, silenced author', [['silencedAuthor', false]], (v) => canEditPost(v, live, open, 0));
table('canDeletePost, live post', [['anonymous', false], ['author', true], ['other', false], ['manager', false]], (v) => canDeletePost(v, live));
table('canDeletePost, already deleted or hidden', [['author', false]], (v) => canDeletePost(v, deleted) || canDeletePost(v, hidden));
// Category 7 is the scoped manager's; category 1 is outside their scope.
table(
  'canViewRevisions, outside a scope',
  [['anonymous', false], ['author', true], ['other', false], ['manager', true], ['admin', true], ['scopedManager', false]],
  (v) => canViewRevisions(v, live, 1),
);
table('canViewRevisions, inside a scope', [['scopedManager', true], ['other', false]], (v) => canViewRevisions(v, hidden, 7));
table(
  'canViewRevisions, a deleted post',
  [['anonymous', false], ['author', false], ['other', false], ['manager', false], ['scopedManager', false], ['admin', true]],
  (v) => canViewRevisions(v, deleted, 7),
);
table(
  'canReadHiddenPost, outside a scope',
  [['anonymous', false], ['author', true], ['other', false], ['manager', true], ['admin', true], ['scopedManager', false]],
  (v) => canReadHiddenPost(v, hidden, 1),
);
table('canReadHiddenPost, inside a scope', [['scopedManager', true]], (v) => canReadHiddenPost(v, hidden, 7));
table('canLockThread', [['anonymous', false], ['author', false], ['manager', true], ['admin', true]], canLockThread);
table('canPinThread', [['anonymous', false], ['author', false], ['manager', true], ['admin', true]], canPinThread);

// Answers: alice (the "author" viewer) asked in category 1; bob wrote the reply.
const question = { authorId: member.id, categoryId: 1, categoryKind: 'questions' as const };
const answer: PostFacts = { authorId: otherMember.id, number: 2, deletedAt: null, hiddenAt: null };
table(
  'canAcceptAnswer, a live reply to a question',
  [['anonymous', false], ['author', true], ['other', false], ['silenced', false], ['manager', true], ['admin', true], ['scopedManager', false]],
  (v) => canAcceptAnswer(v, question, answer),
);
// Accepting is not posting: a silenced asker still chooses (and takes back) their question's answer.
table('canAcceptAnswer, a silenced asker', [['silencedAuthor', true], ['silenced', false]], (v) => canAcceptAnswer(v, question, answer));
table('canAcceptAnswer, scoped manager inside scope', [['scopedManager', true]], (v) => canAcceptAnswer(v, { ...question, categoryId: 7 }, answer));
table('canAcceptAnswer, the question itself', [['author', false], ['manager', false]], (v) => canAcceptAnswer(v, question, { ...answer, authorId: member.id, number: 1 }));
table('canAcceptAnswer, a discussion category', [['author', false], ['admin', false]], (v) => canAcceptAnswer(v, { ...question, categoryKind: 'discussion' }, answer));
table('canAcceptAnswer, a removed or waiting reply', [['author', false], ['manager', false]], (v) =>
  [{ ...answer, deletedAt: 1 }, { ...answer, hiddenAt: 1 }, { ...answer, number: null }].some((post) => canAcceptAnswer(v, question, post)),
);
table('canAcceptAnswer, the asker\'s own reply', [['author', true]], (v) => canAcceptAnswer(v, question, { ...answer, authorId: member.id }));
table(
  'canVote, someone else\'s live post',
  [['anonymous', false], ['author', false], ['other', true], ['silenced', true], ['manager', true], ['admin', true]],
  (v) => canVote(v, live),
);
table('canVote, a deleted or hidden post', [['other', false], ['manager', false]], (v) => canVote(v, deleted) || canVote(v, hidden));
table('canWatch, a category', [['anonymous', false], ['author', true], ['silenced', true], ['manager', true]], (v) => canWatch(v));
table('canWatch, a published thread', [['anonymous', false], ['author', true], ['other', true], ['silenced', true]], (v) =>
  canWatch(v, { status: 'published', authorId: member.id, categoryId: 1 }),
);
table(
  'canWatch, a waiting thread',
  [['anonymous', false], ['author', true], ['other', false], ['manager', true], ['admin', true], ['scopedManager', false]],
  (v) => canWatch(v, { status: 'pending', authorId: member.id, categoryId: 1 }),
);
