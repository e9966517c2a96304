import { describe, expect, it } from 'vitest';
import type { ModerationMode } from '../../src/db/schema.js';
import type { SignedIn } from '../../src/lib/context.js';
import { addsLink, LINK_TRUST_APPROVED_POSTS, mustHoldEdit, mustWait } from '../../src/moderation/publication.js';

// Which edits of a published post wait for review (docs/decisions/0021-edits-are-moderated.md),
// beside what a new post with the same facts would do.

const member: SignedIn = { id: 1, username: 'ann', role: 'member', createdAt: 0 };
const manager: SignedIn = { id: 2, username: 'mia', role: 'manager', createdAt: 0 };

type Case = [who: string, author: SignedIn, mode: ModerationMode, approvedPosts: number, hasLink: boolean, watchedQueue: boolean, newPostWaits: boolean, editHeld: boolean];
const cases: Case[] = [
  ['member, open board', member, 'open', 1, false, false, false, false],
  ['member, open board, hold word', member, 'open', 10, false, true, true, true],
  ['member, every post held', member, 'all', 10, false, false, true, true],
  ['newcomer, new-members board, no link', member, 'new-members', 1, false, false, true, false],
  ['newcomer, new-members board, adds a link', member, 'new-members', 1, true, false, true, true],
  ['regular below link trust, adds a link', member, 'new-members', LINK_TRUST_APPROVED_POSTS - 1, true, false, true, true],
  ['trusted member, adds a link', member, 'new-members', LINK_TRUST_APPROVED_POSTS, true, false, false, false],
  ['staff, hold word, every post held', manager, 'all', 0, true, true, false, false],
];

describe('mustHoldEdit', () => {
  it.each(cases)('%s', (_who, author, mode, approvedPosts, hasLink, watchedQueue, newPostWaits, editHeld) => {
    const facts = { mode, approvedPosts, hasLink, watchedQueue };
    expect(mustWait(author, facts)).toBe(newPostWaits);
    expect(mustHoldEdit(author, facts)).toBe(editHeld);
  });
});

describe('addsLink', () => {
  it.each([
    ['no link at all', 'plain', 'plain text', false],
    ['the same link kept while the text changes', 'see https://a.example/x', 'please see https://a.example/x', false],
    ['a new bare link', 'plain', 'see https://spam.example', true],
    ['a changed link', 'see https://a.example/x', 'see https://a.example/y', true],
    ['a new markdown link', 'plain', 'see [here](/elsewhere)', true],
    ['a new www link', 'plain', 'www.spam.example', true],
    ['an image uploaded here', 'plain', 'the error: ![display](/uploads/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg?w=800&h=600)', false],
    ['an image uploaded here, without its size', 'plain', '![display](/uploads/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.png)', false],
    ['an image elsewhere', 'plain', '![display](https://img.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg)', true],
    ['a path that only starts like an upload', 'plain', '[x](/uploads/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg.html)', true],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(addsLink(before, after)).toBe(expected);
  });
});
