import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PostState, PostView } from '../../src/forum/thread-page.js';
import { trustSanitized } from '../../src/lib/safe-html.js';
import type { ThreadPage } from '../../src/forum/thread-page.js';
import { articleKey, postArticles, POST_VIEW_FIELDS } from '../../src/routes/post-articles.js';
import { postArticle, postLabels } from '../../views/components/post.js';
import { I18n, localeFormat } from '../../src/i18n/translator.js';

// An article is kept under articleKey and handed to every viewer with the same key on the same
// thread version. So two views of one post (the same `post` fields: what its row says at that
// version) with equal keys must render the same bytes, whatever the viewer fields are.

const states: PostState[] = ['visible', 'deleted', 'hidden', 'pending', 'rejected'];
const BODY = trustSanitized('<p>Descale it with citric acid.</p>');
const REASON = 'Off topic';

/** The fields a post's row fixes for a thread version. */
const row = fc.record({
  number: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
  role: fc.constantFrom('member' as const, 'manager' as const, 'admin' as const),
  editedAt: fc.option(fc.constant(1_700_000_100_000), { nil: null }),
  state: fc.constantFrom(...states),
  autoHidden: fc.boolean(),
  helpfulCount: fc.integer({ min: 0, max: 3 }),
  replyTo: fc.option(fc.record({ postId: fc.constant(4), number: fc.constant(3), username: fc.constant('carol'), onPage: fc.boolean() }), { nil: null }),
  replies: fc.option(fc.record({ total: fc.constant(1), listed: fc.tuple(fc.record({ postId: fc.constant(9), number: fc.constant(5), username: fc.constant('dan'), onPage: fc.boolean() })) }), { nil: null }),
});

/** What differs from one viewer to the next. */
const viewerSide = fc.record({
  readable: fc.boolean(),
  withReason: fc.boolean(),
  canEdit: fc.boolean(),
  canDelete: fc.boolean(),
  canViewRevisions: fc.boolean(),
  canFlag: fc.boolean(),
  flaggedByViewer: fc.boolean(),
  canModerate: fc.boolean(),
  votedByViewer: fc.boolean(),
  canVote: fc.boolean(),
  canAccept: fc.boolean(),
  accepted: fc.boolean(),
  editWaiting: fc.boolean(),
  awaitsConfirmation: fc.boolean(),
  replyLink: fc.boolean(),
});

type Side = typeof viewerSide extends fc.Arbitrary<infer T> ? T : never;
const sideFields: (keyof Side)[] = ['readable', 'withReason', 'canEdit', 'canDelete', 'canViewRevisions', 'canFlag', 'flaggedByViewer', 'canModerate', 'votedByViewer', 'canVote', 'canAccept', 'accepted', 'editWaiting', 'awaitsConfirmation', 'replyLink'];
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function view(post: Row, side: Side): PostView {
  return {
    id: 7,
    number: post.number,
    author: { id: 3, username: 'bob', role: post.role, official: false, displayName: null, avatarUrl: '/u/bob/avatar.svg?v=0' },
    createdAt: 1_700_000_000_000,
    editedAt: post.editedAt,
    state: post.state,
    autoHidden: post.autoHidden,
    helpfulCount: post.helpfulCount,
    replyTo: post.replyTo,
    replies: post.replies,
    bodyHtml: side.readable ? BODY : null,
    reason: side.withReason ? REASON : null,
    canEdit: side.canEdit,
    canDelete: side.canDelete,
    canViewRevisions: side.canViewRevisions,
    canFlag: side.canFlag,
    flaggedByViewer: side.flaggedByViewer,
    canModerate: side.canModerate,
    votedByViewer: side.votedByViewer,
    canVote: side.canVote,
    canAccept: side.canAccept,
    accepted: side.accepted,
    editWaiting: side.editWaiting,
    awaitsConfirmation: side.awaitsConfirmation,
  };
}

const replyHref = (number: number) => `/t/1/kettle?replyTo=${number}#reply`;
const english = new I18n(localeFormat('en', 'UTC'), 0);
const render = (post: PostView, replyLink: boolean) => postArticle(post, english, postLabels(english), replyLink ? replyHref : undefined).toString();

describe('articleKey', () => {
  it('is equal for two viewers only when their articles of the same post are byte for byte the same', () => {
    fc.assert(
      // The second viewer differs from the first in one or two things, so that keys often match.
      fc.property(row, viewerSide, fc.subarray(sideFields, { minLength: 1, maxLength: 2 }), (post, first, flipped) => {
        const second = { ...first };
        for (const name of flipped) second[name] = !second[name];
        const a = view(post, first);
        const b = view(post, second);
        if (articleKey(a, first.replyLink) === articleKey(b, second.replyLink)) {
          expect(render(b, second.replyLink)).toBe(render(a, first.replyLink));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('changes with every viewer field and with the Reply link', () => {
    const base = view({ number: 2, role: 'member', editedAt: null, state: 'visible', autoHidden: false, helpfulCount: 0, replyTo: null, replies: null }, {
      readable: true, withReason: false, canEdit: false, canDelete: false, canViewRevisions: false, canFlag: true, flaggedByViewer: false,
      canModerate: false, votedByViewer: false, canVote: true, canAccept: false, accepted: false, editWaiting: false, awaitsConfirmation: false, replyLink: true,
    });
    const key = articleKey(base, true);
    expect(articleKey(base, false)).not.toBe(key);
    const viewerFields = (Object.keys(POST_VIEW_FIELDS) as (keyof PostView)[]).filter((name) => POST_VIEW_FIELDS[name] === 'viewer');
    expect(viewerFields.length).toBeGreaterThan(10);
    for (const name of viewerFields) {
      const value = base[name];
      const changed = { ...base, [name]: typeof value === 'boolean' ? !value : value === null ? 'text' : null };
      expect(articleKey(changed, true), name).not.toBe(key);
    }
    // Another post never shares a key.
    expect(articleKey({ ...base, id: 8 }, true)).not.toBe(key);
  });
});

describe('postArticles', () => {
  const plain: Side = {
    readable: true, withReason: false, canEdit: false, canDelete: false, canViewRevisions: false, canFlag: true, flaggedByViewer: false,
    canModerate: false, votedByViewer: false, canVote: true, canAccept: false, accepted: false, editWaiting: false, awaitsConfirmation: false, replyLink: true,
  };
  const rows: Row[] = [1, 2, 3].map((number) => ({ number, role: 'member', editedAt: null, state: 'visible', autoHidden: false, helpfulCount: 0, replyTo: null, replies: null }));
  // One thread version's kept values, shared by every view of it, as src/forum/shared-reads.ts keeps them.
  const kept = new Map<string, unknown>();
  const page = (sides: Side[], waiting: PostView[] = []) =>
    ({
      posts: [...rows.map((post, index) => ({ ...view(post, sides[index]!), id: 10 + index })), ...waiting],
      derived: <D>(key: string, compute: () => D) => (kept.has(key) ? (kept.get(key) as D) : (kept.set(key, compute()), kept.get(key) as D)),
    }) as unknown as ThreadPage;
  const text = (articles: ReturnType<typeof postArticles>) => articles.map((parts) => Buffer.concat(parts).toString());

  it('hands viewers who may do the same things the same kept articles, and re-renders only the posts that differ', () => {
    const first = postArticles(page([plain, plain, plain]), english, replyHref, true);
    expect(postArticles(page([plain, plain, plain]), english, replyHref, true)).toBe(first);

    const editor = { ...plain, canEdit: true };
    const mixed = postArticles(page([plain, editor, plain]), english, replyHref, true);
    expect(mixed[0]).toBe(first[0]);
    expect(mixed[2]).toBe(first[2]);
    expect(text(mixed)[1]).toBe(render({ ...view(rows[1]!, editor), id: 11 }, true));
    expect(text(mixed)[1]).not.toBe(text(first)[1]);
  });

  it('keeps articles per language and time zone: a reader in another one never gets them', () => {
    const first = postArticles(page([plain, plain, plain]), english, replyHref, true);
    const arabic = new I18n(localeFormat('ar', 'UTC'), 0);
    const tokyo = new I18n(localeFormat('en', 'Asia/Tokyo'), 0);
    expect(text(postArticles(page([plain, plain, plain]), arabic, replyHref, true))[0]).toContain(postLabels(arabic).reply);
    expect(text(postArticles(page([plain, plain, plain]), arabic, replyHref, true))[0]).not.toBe(text(first)[0]);
    expect(text(postArticles(page([plain, plain, plain]), tokyo, replyHref, true))[0]).toContain('GMT+9');
    expect(postArticles(page([plain, plain, plain]), english, replyHref, true)).toBe(first);
  });

  it('renders a viewer’s waiting posts after the kept ones, every time', () => {
    const waiting = { ...view({ number: null, role: 'member', editedAt: null, state: 'pending', autoHidden: false, helpfulCount: 0, replyTo: null, replies: null }, plain), id: 99 };
    const articles = postArticles(page([plain, plain, plain], [waiting]), english, replyHref, true);
    expect(articles).toHaveLength(4);
    expect(text(articles)[3]).toBe(render(waiting, true));
    expect(articles.slice(0, 3)).toEqual(postArticles(page([plain, plain, plain]), english, replyHref, true));
  });
});
