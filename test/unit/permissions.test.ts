import { describe, expect, it } from 'vitest';
import {
  canCreateThread,
  canDeletePost,
  canEditPost,
  canLockThread,
  canPinThread,
  canReadHiddenPost,
  canReply,
  canViewRevisions,
  isStaff,
  type PostFacts,
} from '../../src/forum/permissions.js';
import type { SignedIn, Viewer } from '../../src/lib/context.js';

const member: SignedIn = { id: 1, username: 'ann', role: 'member', createdAt: 0 };
const otherMember: SignedIn = { id: 2, username: 'bob', role: 'member', createdAt: 0 };
const manager: SignedIn = { id: 3, username: 'mia', role: 'manager', createdAt: 0 };
const admin: SignedIn = { id: 4, username: 'ada', role: 'admin', createdAt: 0 };
const viewers: Record<string, Viewer> = { anonymous: null, author: member, other: otherMember, manager, admin };

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
table('canReply in an open thread', [['anonymous', false], ['author', true], ['other', true], ['manager', true]], (v) => canReply(v, open));
table('canReply in a locked thread', [['anonymous', false], ['author', false], ['manager', true], ['admin', true]], (v) => canReply(v, locked));
table('canEditPost, live post, open thread', [['anonymous', false], ['author', true], ['other', false], ['manager', true], ['admin', true]], (v) => canEditPost(v, live, open));
table('canEditPost, locked thread', [['author', false], ['manager', true]], (v) => canEditPost(v, live, locked));
table('canEditPost, deleted post', [['author', false], ['manager', false]], (v) => canEditPost(v, deleted, open));
table('canEditPost, hidden post', [['author', false], ['manager', true]], (v) => canEditPost(v, hidden, open));
table('canDeletePost, live post', [['anonymous', false], ['author', true], ['other', false], ['manager', false]], (v) => canDeletePost(v, live));
table('canDeletePost, already deleted or hidden', [['author', false]], (v) => canDeletePost(v, deleted) || canDeletePost(v, hidden));
table('canViewRevisions', [['anonymous', false], ['author', true], ['other', false], ['manager', true], ['admin', true]], (v) => canViewRevisions(v, live));
table('canReadHiddenPost', [['anonymous', false], ['author', true], ['other', false], ['manager', true]], (v) => canReadHiddenPost(v, hidden));
table('canLockThread', [['anonymous', false], ['author', false], ['manager', true], ['admin', true]], canLockThread);
table('canPinThread', [['anonymous', false], ['author', false], ['manager', true], ['admin', true]], canPinThread);
