import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import {
  canBeHiddenByFlags,
  canChangeRoles,
  canCleanUpSpammer,
  canDeleteOwnAccount,
  canEraseAccount,
  canUndoSpamCleanup,
  canConfigure,
  canFlag,
  canModerate,
  canPost,
  canSanction,
  canReadDeletedText,
  canSeeModeratedContent,
  canUseModeration,
  isAdmin,
  isCommunityWideStaff,
  moderatedCategoryFilter,
  isSilenced,
  isStaff,
  type PostFacts,
} from '../../src/forum/permissions.js';
import { openDatabase } from '../../src/db/client.js';
import type { SignedIn, Viewer } from '../../src/lib/context.js';
import { Forbidden, Unauthenticated } from '../../src/lib/errors.js';
import { requireConfigurer, requireStaff } from '../../src/moderation/staff.js';

// Every moderation predicate over every kind of viewer. A suspended member never becomes a viewer:
// the session layer refuses their sessions and their login, so to every predicate they are anonymous.

const NOW = 1_000_000;
const INSIDE = 10;
const OUTSIDE = 20;

const member: SignedIn = { id: 1, username: 'ann', role: 'member', createdAt: 0 };
const silenced: SignedIn = { id: 2, username: 'sid', role: 'member', createdAt: 0, silencedUntil: NOW + 1 };
const scopedManager: SignedIn = { id: 3, username: 'sam', role: 'manager', createdAt: 0, scope: [INSIDE] };
const manager: SignedIn = { id: 4, username: 'mia', role: 'manager', createdAt: 0 };
const admin: SignedIn = { id: 5, username: 'ada', role: 'admin', createdAt: 0 };

type ViewerName = 'anonymous' | 'member' | 'silenced member' | 'suspended member' | 'scoped manager (inside)' | 'scoped manager (outside)' | 'manager' | 'admin';
const viewers: Record<ViewerName, { viewer: Viewer; categoryId: number }> = {
  anonymous: { viewer: null, categoryId: INSIDE },
  member: { viewer: member, categoryId: INSIDE },
  'silenced member': { viewer: silenced, categoryId: INSIDE },
  'suspended member': { viewer: null, categoryId: INSIDE },
  'scoped manager (inside)': { viewer: scopedManager, categoryId: INSIDE },
  'scoped manager (outside)': { viewer: scopedManager, categoryId: OUTSIDE },
  manager: { viewer: manager, categoryId: OUTSIDE },
  admin: { viewer: admin, categoryId: OUTSIDE },
};
const names = Object.keys(viewers) as ViewerName[];

/** Expected results in the order of `names`. */
function table(predicate: string, expected: boolean[], check: (viewer: Viewer, categoryId: number) => boolean) {
  describe(predicate, () => {
    it.each(names.map((name, index) => [name, expected[index]] as const))('%s → %s', (name, result) => {
      const { viewer, categoryId } = viewers[name];
      expect(check(viewer, categoryId)).toBe(result);
    });
  });
}

const otherMember = { id: 99, role: 'member' as const };
const otherManager = { id: 98, role: 'manager' as const };
const someAdmin = { id: 97, role: 'admin' as const };
const othersPost: PostFacts = { authorId: 99, number: 2, deletedAt: null, hiddenAt: null };

//                                      anon   member silenced suspend inside outside manager admin
table('isStaff', /*                */ [false, false, false, false, true, true, true, true], (v) => isStaff(v));
table('isAdmin', /*                */ [false, false, false, false, false, false, false, true], (v) => isAdmin(v));
table('isSilenced', /*             */ [false, false, true, false, false, false, false, false], (v) => isSilenced(v, NOW));
table('canUseModeration', /*       */ [false, false, false, false, true, true, true, true], (v) => canUseModeration(v));
table('canModerate (category)', /* */ [false, false, false, false, true, false, true, true], (v, category) => canModerate(v, category));
table('canPost', /*                */ [false, true, false, false, true, true, true, true], (v) => canPost(v, NOW));
table('canFlag', /*                */ [false, true, false, false, true, true, true, true], (v) => canFlag(v, othersPost, NOW));
table('canSeeModeratedContent', /* */ [false, false, false, false, true, false, true, true], (v, category) => canSeeModeratedContent(v, category));
table('canReadDeletedText', /*     */ [false, false, false, false, false, false, false, true], (v) => canReadDeletedText(v));
table('isCommunityWideStaff', /*   */ [false, false, false, false, false, false, true, true], (v) => isCommunityWideStaff(v));
table('canSanction a member', /*   */ [false, false, false, false, false, false, true, true], (v) => canSanction(v, otherMember));
table('canSanction a manager', /*  */ [false, false, false, false, false, false, false, true], (v) => canSanction(v, otherManager));
table('canSanction an admin', /*   */ [false, false, false, false, false, false, false, false], (v) => canSanction(v, someAdmin));
table('canSanction themselves', /* */ [false, false, false, false, false, false, false, false], (v) => v !== null && canSanction(v, v));
table('canCleanUpSpammer a member', /*  */ [false, false, false, false, false, false, true, true], (v) => canCleanUpSpammer(v, otherMember));
table('canCleanUpSpammer a manager', /* */ [false, false, false, false, false, false, false, false], (v) => canCleanUpSpammer(v, otherManager));
table('canCleanUpSpammer an admin', /*  */ [false, false, false, false, false, false, false, false], (v) => canCleanUpSpammer(v, someAdmin));
table('canCleanUpSpammer themselves', /**/ [false, false, false, false, false, false, false, false], (v) => v !== null && canCleanUpSpammer(v, v));
table('canEraseAccount a member', /*    */ [false, false, false, false, false, false, false, true], (v) => canEraseAccount(v, otherMember));
table('canEraseAccount a manager', /*   */ [false, false, false, false, false, false, false, true], (v) => canEraseAccount(v, otherManager));
table('canEraseAccount an admin', /*    */ [false, false, false, false, false, false, false, false], (v) => canEraseAccount(v, someAdmin));
table('canEraseAccount themselves', /*  */ [false, false, false, false, false, false, false, false], (v) => v !== null && canEraseAccount(v, v));
table('canEraseAccount the brand', /*   */ [false, false, false, false, false, false, false, false], (v) => canEraseAccount(v, { ...otherMember, isBrand: true }));
table('canDeleteOwnAccount', /*         */ [false, true, true, false, true, true, true, false], (v) => v !== null && canDeleteOwnAccount(v, { role: v.role, isBrand: false }));
table('canUndoSpamCleanup', /*         */ [false, false, false, false, false, false, false, true], (v) => canUndoSpamCleanup(v));
table('canChangeRoles', /*         */ [false, false, false, false, false, false, false, true], (v) => canChangeRoles(v));
table('canConfigure', /*           */ [false, false, false, false, false, false, false, true], (v) => canConfigure(v));

describe('sanctions lapse by themselves', () => {
  it('a silence that ended is no silence', () => {
    expect(isSilenced({ ...member, silencedUntil: NOW }, NOW)).toBe(false);
    expect(isSilenced({ ...member, silencedUntil: NOW - 1 }, NOW)).toBe(false);
    expect(canPost({ ...member, silencedUntil: NOW - 1 }, NOW)).toBe(true);
  });
  it('a scoped manager with an empty scope moderates nowhere', () => {
    expect(canModerate({ ...manager, scope: [] }, INSIDE)).toBe(false);
  });
});

describe('moderatedCategoryFilter, the list form of canSeeModeratedContent', () => {
  // Run against a real table so the SQL is checked, not its spelling: categories 10, 20 and none.
  const db = openDatabase(':memory:');
  db.$client.exec(`create table entries (id integer primary key, category_id integer); insert into entries (category_id) values (${INSIDE}), (${OUTSIDE}), (null)`);
  const entries = sqliteTable('entries', { id: integer('id').primaryKey(), categoryId: integer('category_id') });
  const visible = (viewer: Viewer) =>
    db.select({ categoryId: entries.categoryId }).from(entries).where(moderatedCategoryFilter(viewer, entries.categoryId)).orderBy(entries.id).all().map((row) => row.categoryId);

  it.each(names)('%s sees the rows canSeeModeratedContent allows, and rows without a category only when community-wide', (name) => {
    const { viewer } = viewers[name];
    const expected = [INSIDE, OUTSIDE].filter((category) => canSeeModeratedContent(viewer, category));
    expect(visible(viewer)).toEqual(isCommunityWideStaff(viewer) ? [...expected, null] : expected);
  });
  it('a scoped manager with an empty scope sees nothing', () => {
    expect(visible({ ...manager, scope: [] })).toEqual([]);
  });
});

describe('the service guards', () => {
  const outcome = (guard: (viewer: Viewer) => unknown, viewer: Viewer) => {
    try {
      guard(viewer);
      return 'allowed';
    } catch (error) {
      if (error instanceof Unauthenticated) return 'sign in';
      if (error instanceof Forbidden) return 'forbidden';
      throw error;
    }
  };
  it.each(names)('requireStaff and requireConfigurer for %s', (name) => {
    const { viewer } = viewers[name];
    const expectedStaff = viewer === null ? 'sign in' : isStaff(viewer) ? 'allowed' : 'forbidden';
    const expectedAdmin = viewer === null ? 'sign in' : isAdmin(viewer) ? 'allowed' : 'forbidden';
    expect(outcome(requireStaff, viewer)).toBe(expectedStaff);
    expect(outcome(requireConfigurer, viewer)).toBe(expectedAdmin);
  });
});

describe('canBeHiddenByFlags', () => {
  it.each([
    ['member', true],
    ['manager', false],
    ['admin', false],
  ] as const)('a post by a %s: %s', (role, expected) => {
    expect(canBeHiddenByFlags({ role })).toBe(expected);
  });
});
