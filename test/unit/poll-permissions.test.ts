import { describe, expect, it } from 'vitest';
import { canAddPoll, canClosePoll, canExportPollResults, canVoteInPoll, type PollThreadFacts } from '../../src/forum/permissions.js';
import type { SignedIn, Viewer } from '../../src/lib/context.js';

const author: SignedIn = { id: 1, username: 'ann', role: 'member', createdAt: 0 };
const other: SignedIn = { id: 2, username: 'bob', role: 'member', createdAt: 0 };
const manager: SignedIn = { id: 3, username: 'mia', role: 'manager', createdAt: 0 };
const admin: SignedIn = { id: 4, username: 'ada', role: 'admin', createdAt: 0 };
const scopedElsewhere: SignedIn = { id: 5, username: 'sam', role: 'manager', createdAt: 0, scope: [99] };
const silencedAuthor: SignedIn = { ...author, silencedUntil: Number.MAX_SAFE_INTEGER };
const viewers: Record<string, Viewer> = { anonymous: null, author, other, manager, admin, scopedElsewhere, silencedAuthor };

const membersMay: PollThreadFacts = { authorId: author.id, categoryId: 7, pollCreators: 'members', pollCount: 0 };
const staffOnly: PollThreadFacts = { ...membersMay, pollCreators: 'staff' };
const hasPoll: PollThreadFacts = { ...membersMay, pollCount: 1 };

type Row = [viewer: string, expected: boolean];
function table(name: string, rows: Row[], check: (viewer: Viewer) => boolean) {
  describe(name, () => {
    it.each(rows)('%s → %s', (viewer, expected) => expect(check(viewers[viewer] ?? null)).toBe(expected));
  });
}

table('canAddPoll where members may', [['anonymous', false], ['author', true], ['other', false], ['manager', true], ['admin', true], ['scopedElsewhere', false], ['silencedAuthor', false]], (v) => canAddPoll(v, membersMay, 0));
table('canAddPoll where only staff may', [['author', false], ['manager', true], ['scopedElsewhere', false]], (v) => canAddPoll(v, staffOnly, 0));
table('canAddPoll, a second poll (a survey)', [['author', false], ['manager', true]], (v) => canAddPoll(v, hasPoll, 0));
table('canAddPoll, a 0–10 question', [['author', false], ['manager', true]], (v) => canAddPoll(v, membersMay, 0, 'nps'));
table('canClosePoll', [['anonymous', false], ['author', true], ['other', false], ['manager', true], ['scopedElsewhere', false]], (v) => canClosePoll(v, membersMay));
table('canVoteInPoll, an open thread', [['anonymous', false], ['author', true], ['other', true], ['silencedAuthor', false]], (v) => canVoteInPoll(v, { locked: false, categoryId: 7 }, 0));
table('canVoteInPoll, a locked thread', [['other', false], ['manager', true], ['scopedElsewhere', false]], (v) => canVoteInPoll(v, { locked: true, categoryId: 7 }, 0));
table('canVoteInPoll, an archived category', [['other', false], ['admin', true]], (v) => canVoteInPoll(v, { locked: false, categoryId: 7, archived: true }, 0));
table('canExportPollResults', [['anonymous', false], ['author', false], ['manager', true], ['admin', true], ['scopedElsewhere', false]], (v) => canExportPollResults(v, 7));
