import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

// Timestamps are integer milliseconds since the epoch: cheap to compare, index and paginate on.

export const roles = ['member', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export const categoryKinds = ['discussion', 'questions', 'ideas'] as const;
export type CategoryKind = (typeof categoryKinds)[number];

export const moderationModes = ['open', 'new-members', 'all'] as const;

/** Who may add a poll to a thread's opening post in a category. */
export const pollCreators = ['members', 'staff'] as const;
export type PollCreators = (typeof pollCreators)[number];
/** choice: options written by the author; scale: 1–5; nps: 0–10 "would you recommend", scored as NPS. */
export const pollKinds = ['choice', 'scale', 'nps'] as const;
export type PollKind = (typeof pollKinds)[number];
/** When others see a poll's results: always, once they voted, or once it closed. */
export const pollResultsShown = ['always', 'voted', 'closed'] as const;
export type PollResultsShown = (typeof pollResultsShown)[number];
export type ModerationMode = (typeof moderationModes)[number];

/** published: public; pending: waiting for approval; rejected: refused by staff, kept for its author. */
export const contentStatuses = ['published', 'pending', 'rejected'] as const;
export type ContentStatus = (typeof contentStatuses)[number];

export const flagReasons = ['spam', 'abuse', 'off_topic', 'other'] as const;
export type FlagReason = (typeof flagReasons)[number];
export const flagStatuses = ['open', 'resolved', 'dismissed'] as const;

/** approval: a new post waiting; flag: a flagged post; edit: an edit to a published post waiting (pending_edits). */
export const reviewKinds = ['approval', 'flag', 'edit'] as const;
export type ReviewKind = (typeof reviewKinds)[number];
export const reviewResolutions = ['approved', 'rejected', 'dismissed', 'hidden'] as const;
export type ReviewResolution = (typeof reviewResolutions)[number];

export const watchedWordActions = ['block', 'queue', 'censor'] as const;

/** How often a member wants email: each notification at once, a digest, or none. */
export const emailPreferences = ['immediately', 'daily', 'weekly', 'never'] as const;
export type EmailPreference = (typeof emailPreferences)[number];

/** watching: notified of every reply; normal: only replies to you and mentions; muted: nothing. */
export const watchLevels = ['watching', 'normal', 'muted'] as const;
export type WatchLevel = (typeof watchLevels)[number];

export const userTokenPurposes = ['verify_email', 'reset_password', 'change_email'] as const;
export type UserTokenPurpose = (typeof userTokenPurposes)[number];

export const outboxStatuses = ['pending', 'sent', 'failed'] as const;
export type WatchedWordAction = (typeof watchedWordActions)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    // NFKC + lower-case form of the username; uniqueness is decided on it.
    usernameKey: text('username_key').notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull().default('member'),
    postCount: integer('post_count').notNull().default(0),
    silencedUntil: integer('silenced_until'),
    silenceReason: text('silence_reason'),
    suspendedUntil: integer('suspended_until'),
    suspendReason: text('suspend_reason'),
    // Null until the member follows the link mailed at signup; digests go only to verified addresses.
    emailVerifiedAt: integer('email_verified_at'),
    emailPreference: text('email_preference', { enum: emailPreferences }).notNull().default('daily'),
    lastDigestAt: integer('last_digest_at'),
    createdAt: integer('created_at').notNull(),
    // Signed up with an address another account already had. Signup answers alike either way (no
    // account enumeration), so such an account is made too, but it never owns the address: no
    // mail goes to it, it cannot be confirmed, and sign-in and reset by address find the owner.
    addressTaken: integer('address_taken', { mode: 'boolean' }).notNull().default(false),
    // The member's own interface language and time zone; null follows the community's defaults.
    locale: text('locale'),
    timeZone: text('time_zone'),
    // Accounts made at a first sign-in through the brand's identity provider take their username from
    // a claim; the member may then choose their own once (1), after which it is 0.
    usernameChangesLeft: integer('username_changes_left').notNull().default(0),
    // The brand's own account: authors what the brand's servers create (threads for help articles),
    // shown with the brand's name and an "Official" badge. Never signs in.
    isBrand: integer('is_brand', { mode: 'boolean' }).notNull().default(false),
    // Shown beside the @username; any script. Null shows the username alone.
    displayName: text('display_name'),
    bio: text('bio'),
    // Null: initials generated in the brand colour (no third-party avatar service).
    avatarUploadId: integer('avatar_upload_id').references((): AnySQLiteColumn => uploads.id, { onDelete: 'set null' }),
    // A member may choose a new username once per 30 days; the old one redirects (username_redirects).
    usernameChangedAt: integer('username_changed_at'),
    // Set when the account was erased at its owner's request: personal data gone, posts kept (if
    // chosen) under "deleted member". Such a row never signs in again.
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('users_created_idx').on(t.createdAt),
    uniqueIndex('users_username_key_unique').on(t.usernameKey),
    uniqueIndex('users_email_key_unique').on(t.emailKey).where(sql`${t.addressTaken} = 0`),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    // SHA-256 of the token's secret half; the secret itself is never stored.
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
    // Shown in the account's session list so members can tell their devices apart.
    userAgent: text('user_agent'),
    // Set for an embed session: the origin of the page whose frame holds it (ADR on embed sessions).
    // Such a session is good in embed frames for that origin only, never for the community's pages.
    embedOrigin: text('embed_origin'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: categoryKinds }).notNull().default('discussion'),
    moderation: text('moderation', { enum: moderationModes }).notNull().default('new-members'),
    position: integer('position').notNull().default(0),
    threadCount: integer('thread_count').notNull().default(0),
    postCount: integer('post_count').notNull().default(0),
    lastThreadId: integer('last_thread_id').references((): AnySQLiteColumn => threads.id, { onDelete: 'set null' }),
    lastPostAt: integer('last_post_at'),
    // Bumped by triggers whenever anything shown on the category's pages changes (page cache).
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    // How soon a question here should get its first reply; insights measure against it (docs/insights.md).
    targetReplyMinutes: integer('target_reply_minutes').notNull().default(1440),
    // Archived categories are read-only and leave the home page's list; their threads stay readable.
    archivedAt: integer('archived_at'),
    pollCreators: text('poll_creators', { enum: pollCreators }).notNull().default('members'),
    // Ideas categories: how many votes a member may have on open ideas at once (null: no limit).
    ideaVoteLimit: integer('idea_vote_limit'),
  },
  (t) => [uniqueIndex('categories_slug_unique').on(t.slug), index('categories_position_idx').on(t.position, t.id)],
);

export const threads = sqliteTable(
  'threads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    // The title as the search analyzer writes it (src/search/analyzer.ts), which the index stores.
    // Null until analyzed: the index then holds the title as written (ADR 0029).
    searchTitle: text('search_title'),
    // URL-ready: letters of every script, percent-encoded (src/lib/slug.ts, ADR 0030).
    slug: text('slug').notNull(),
    status: text('status', { enum: contentStatuses }).notNull().default('published'),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    solvedPostId: integer('solved_post_id').references((): AnySQLiteColumn => posts.id, { onDelete: 'set null' }),
    // Highest post number handed out; numbers are never reused.
    lastPostNumber: integer('last_post_number').notNull().default(0),
    // Visible replies (posts after the first that are neither deleted nor hidden).
    replyCount: integer('reply_count').notNull().default(0),
    // "Helpful" votes on the thread's visible posts; with replyCount it ranks the "top" sort.
    helpfulCount: integer('helpful_count').notNull().default(0),
    lastPostId: integer('last_post_id').references((): AnySQLiteColumn => posts.id, { onDelete: 'set null' }),
    lastPostAt: integer('last_post_at').notNull(),
    lastPostAuthorId: integer('last_post_author_id').references(() => users.id, { onDelete: 'set null' }),
    // Bumped by triggers whenever anything shown on the thread's pages changes (page cache).
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    // Response-time facts for insights (docs/insights.md), kept by triggers (migration 0018) except
    // solvedAt, which the service sets with solvedPostId (it is the app's clock, not SQLite's).
    // openedByStaff: the asker was a manager or admin then; such threads wait for nobody.
    openedByStaff: integer('opened_by_staff', { mode: 'boolean' }).notNull().default(false),
    // The first published reply by someone other than the asker, and the first by staff (by when written).
    firstReplyAt: integer('first_reply_at'),
    firstStaffReplyAt: integer('first_staff_reply_at'),
    solvedAt: integer('solved_at'),
    solvedByStaff: integer('solved_by_staff', { mode: 'boolean' }).notNull().default(false),
    // Ideas (threads in an ideas category): members' votes, the status managers gave it, and the
    // idea it was merged into (its votes moved there; it is locked and points readers on).
    ideaVotes: integer('idea_votes').notNull().default(0),
    ideaStatusId: integer('idea_status_id').references((): AnySQLiteColumn => ideaStatuses.id, { onDelete: 'set null' }),
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => threads.id, { onDelete: 'set null' }),
  },
  (t) => [
    // The managers' worklist: customers' questions nobody has answered yet, oldest first.
    index('threads_unanswered_idx')
      .on(t.categoryId, t.createdAt, t.id)
      .where(sql`first_reply_at is null and status = 'published' and opened_by_staff = 0`),
    index('threads_solved_at_idx').on(t.categoryId, t.solvedAt).where(sql`solved_at is not null`),
    index('threads_category_latest_idx').on(t.categoryId, t.pinned, t.lastPostAt, t.id),
    index('threads_category_top_idx').on(t.categoryId, t.replyCount, t.id),
    index('threads_category_created_idx').on(t.categoryId, t.createdAt, t.id),
    index('threads_author_idx').on(t.authorId),
    index('threads_category_score_idx').on(t.categoryId, sql`(reply_count + 3 * helpful_count)`, t.id),
    index('threads_category_unsolved_idx')
      .on(t.categoryId, t.lastPostAt, t.id)
      .where(sql`solved_post_id is null and status = 'published'`),
    // Insights: a period's customer questions with their facts, read from the index alone (ADR 0042).
    index('threads_questions_idx')
      .on(t.categoryId, t.createdAt, t.firstReplyAt, t.firstStaffReplyAt, t.solvedAt, t.solvedByStaff)
      .where(sql`status = 'published' and opened_by_staff = 0`),
    index('threads_category_idea_votes_idx').on(t.categoryId, t.ideaVotes, t.id),
    index('threads_category_idea_status_idx').on(t.categoryId, t.ideaStatusId, t.ideaVotes, t.id),
  ],
);

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    // Null until the post is published: waiting posts take no visible number.
    number: integer('number'),
    status: text('status', { enum: contentStatuses }).notNull().default('published'),
    rejectedReason: text('rejected_reason'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    // Plain text of bodyHtml, derived once by the markdown worker: excerpts, search snippets, meta
    // descriptions and similar-thread matching read it, so no request re-parses HTML or markdown.
    // Empty until a post rendered before it existed is rebaked (the server does so at start).
    bodyText: text('body_text').notNull().default(''),
    // The body as the search analyzer writes it, derived by the markdown worker with bodyText and
    // stored in the index. Null when the index holds the body as written: the analysis left it as it
    // was (most English posts), or the post was rendered before the analyzer (ADR 0029).
    searchText: text('search_text'),
    renderVersion: integer('render_version').notNull(),
    helpfulCount: integer('helpful_count').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    editedAt: integer('edited_at'),
    deletedAt: integer('deleted_at'),
    hiddenAt: integer('hidden_at'),
    hiddenById: integer('hidden_by_id').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
    // The post a reply answers ("Reply" on that post), kept so a reply held for approval still
    // tells that post's author once published. No foreign key: adding one would make SQLite
    // rebuild the posts table; the target is looked up (and re-checked as visible) when used.
    replyToPostId: integer('reply_to_post_id'),
  },
  (t) => [
    uniqueIndex('posts_thread_number_unique').on(t.threadId, t.number),
    index('posts_author_created_idx').on(t.authorId, t.createdAt, t.id),
    index('posts_render_version_idx').on(t.renderVersion, t.id),
    index('posts_thread_status_idx').on(t.threadId, t.status, t.authorId),
    // "Replies to this post" on the thread page.
    index('posts_reply_to_idx').on(t.replyToPostId).where(sql`reply_to_post_id is not null`),
  ],
);

/**
 * An edit to a published post that moderation holds (a watched word set to hold, a category that
 * holds every post): the published version stays public until a manager approves this one. One per
 * post; a newer held edit replaces it.
 */
export const pendingEdits = sqliteTable('pending_edits', {
  postId: integer('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  bodyHtml: text('body_html').notNull(),
  bodyText: text('body_text').notNull(),
  searchText: text('search_text'),
  renderVersion: integer('render_version').notNull(),
  // The new title when the edit renames the thread (opening posts only).
  title: text('title'),
  editorId: integer('editor_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
});

export const postRevisions = sqliteTable(
  'post_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    // The body as it was before the edit that created this row.
    body: text('body').notNull(),
    title: text('title'),
    editorId: integer('editor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.id)],
);

/**
 * The newest activity of each block of 1,000 thread ids (bucket = (id - 1) / 1000), kept by
 * triggers on threads (migration 0013) for the sitemap index: its lastmod per page is one row here,
 * not a read of every thread. Counts published threads only; a later hide is not subtracted, so a
 * bucket may be newer than what is still public, never older.
 */
export const sitemapActivity = sqliteTable('sitemap_activity', {
  bucket: integer('bucket').primaryKey(),
  lastPostAt: integer('last_post_at').notNull(),
});

/** Community-wide settings edited at run time (site name, …), as key/value text. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Managers limited to some categories; a manager with no rows here moderates everywhere. */
export const managerScopes = sqliteTable(
  'manager_scopes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.categoryId] })],
);

export const flags = sqliteTable(
  'flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    flaggerId: integer('flagger_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: flagReasons }).notNull(),
    note: text('note'),
    status: text('status', { enum: flagStatuses }).notNull().default('open'),
    createdAt: integer('created_at').notNull(),
    resolvedById: integer('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    uniqueIndex('flags_one_open_per_member').on(t.postId, t.flaggerId).where(sql`status = 'open'`),
    index('flags_post_status_idx').on(t.postId, t.status),
    index('flags_flagger_idx').on(t.flaggerId, t.id),
    index('flags_created_idx').on(t.createdAt),
  ],
);

/** The managers' worklist: a post waiting for approval, or a flagged post. */
export const reviewItems = sqliteTable(
  'review_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: reviewKinds }).notNull(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    resolution: text('resolution', { enum: reviewResolutions }),
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
    resolvedById: integer('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: integer('resolved_at'),
    // When the category's managers were told this item had waited too long (one alert per item).
    alertedAt: integer('alerted_at'),
  },
  (t) => [
    index('review_items_resolved_idx').on(t.resolvedAt),
    uniqueIndex('review_items_one_open_per_post').on(t.postId, t.kind).where(sql`status = 'open'`),
    index('review_items_open_idx').on(t.status, t.createdAt, t.id),
    index('review_items_category_idx').on(t.categoryId, t.status, t.createdAt),
  ],
);

/** Audit trail of every staff action. Rows are only ever inserted. */
export const modLog = sqliteTable(
  'mod_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetUserId: integer('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    targetThreadId: integer('target_thread_id').references(() => threads.id, { onDelete: 'set null' }),
    targetPostId: integer('target_post_id').references(() => posts.id, { onDelete: 'set null' }),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'set null' }),
    reason: text('reason'),
    // JSON with what changed, e.g. {"from":"member","to":"manager"}.
    details: text('details'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('mod_log_actor_idx').on(t.actorId, t.id),
    index('mod_log_target_user_idx').on(t.targetUserId, t.id),
    index('mod_log_action_idx').on(t.action, t.id),
  ],
);

export const watchedWords = sqliteTable(
  'watched_words',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Case- and accent-folded form, compared against folded post text.
    word: text('word').notNull(),
    action: text('action', { enum: watchedWordActions }).notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('watched_words_word_unique').on(t.word)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    threadId: integer('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    // JSON with what the message needs (reason, end date, …).
    data: text('data'),
    readAt: integer('read_at'),
    // Set once the notification went out by email (at once or in a digest), so none is mailed twice.
    emailedAt: integer('emailed_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_unread_idx').on(t.userId, t.readAt)],
);

/** Origins allowed to frame embeds, besides EMBED_ORIGINS. */
export const embedOrigins = sqliteTable('embed_origins', {
  origin: text('origin').primaryKey(),
  createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
});

/** API keys for brands' servers; like sessions, only a hash of the secret is stored. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    scope: text('scope', { enum: ['embed'] }).notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_keys_created_idx').on(t.createdAt)],
);

/** A brand's key (e.g. a help-article id) for the thread that discusses it. */
export const threadKeys = sqliteTable(
  'thread_keys',
  {
    key: text('key').primaryKey(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    url: text('url'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('thread_keys_thread_idx').on(t.threadId)],
);

/**
 * Form submissions already carried out, by the token the form carried: a double-submitted or
 * retried form returns the first result instead of posting twice. Rows older than a day are pruned.
 */
export const submissions = sqliteTable(
  'submissions',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.token] }), index('submissions_created_idx').on(t.createdAt)],
);

/** One "helpful" vote per member per post. */
export const postVotes = sqliteTable(
  'post_votes',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('post_votes_user_idx').on(t.userId)],
);

/** A member's chosen level for a thread; no row means the default (see src/notifications). */
export const threadWatches = sqliteTable(
  'thread_watches',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    level: text('level', { enum: watchLevels }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] }), index('thread_watches_thread_idx').on(t.threadId, t.level)],
);

export const categoryWatches = sqliteTable(
  'category_watches',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    level: text('level', { enum: watchLevels }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.categoryId] }), index('category_watches_category_idx').on(t.categoryId, t.level)],
);

/** Single-use tokens mailed to a member (email verification, password reset); only a hash is kept. */
export const userTokens = sqliteTable(
  'user_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: userTokenPurposes }).notNull(),
    // The address the token was sent to: verifying it proves that address, not a later one.
    email: text('email').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId, t.purpose)],
);

/** Email waiting to go out; a background sender in the same process drains it. */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    // JSON object of extra headers (List-Unsubscribe, …).
    headers: text('headers'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    // The process that claimed the row for sending (src/email/sender.ts); next_attempt_at is then
    // the claim's expiry, so a crashed sender's rows fall due again instead of being lost.
    claimedBy: text('claimed_by'),
  },
  (t) => [index('email_outbox_due_idx').on(t.status, t.nextAttemptAt, t.id), index('email_outbox_user_kind_idx').on(t.userId, t.kind, t.createdAt)],
);

/**
 * Named leases: a background job (digests, checkpoints, re-rendering) runs in whichever process
 * holds its lease, so several server processes on one database run each job once.
 */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

/** Token buckets of the abuse limits (src/lib/rate-limit.ts), shared by every server process. */
export const rateLimitBuckets = sqliteTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/*
 * Daily rollups for insights (docs/insights.md), so a dashboard over 90 days reads a few thousand
 * rows, not the posts. `day` is the UTC day number (milliseconds / 86,400,000). Published posts and
 * votes are counted by triggers (migration 0018) on the day they were written, in the category they
 * were written in; thread page views are added in batches by src/insights/view-counter.ts.
 */
export const dailyActivity = sqliteTable(
  'daily_activity',
  {
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
    threads: integer('threads').notNull().default(0),
    replies: integer('replies').notNull().default(0),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.day] })],
);

/** What each member did per day and category: posts written, answers accepted, helpful votes received. */
export const memberDays = sqliteTable(
  'member_days',
  {
    day: integer('day').notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    posts: integer('posts').notNull().default(0),
    answers: integer('answers').notNull().default(0),
    helpful: integer('helpful').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.categoryId, t.userId] }),
    // Insights: a period's active members and top helpers, read from these indexes alone (ADR 0042).
    index('member_days_posters_idx').on(t.day, t.categoryId, t.userId).where(sql`posts > 0`),
    index('member_days_helpers_idx').on(t.day, t.categoryId, t.userId, t.answers, t.helpful).where(sql`answers > 0 or helpful > 0`),
  ],
);

/** Thread page views per thread and UTC day, added in batches (never a row per view). */
export const threadViews = sqliteTable(
  'thread_views',
  {
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.day] })],
);

/** A manager on a question ("Maya is on it"), shown to staff only; released by an answer or by hand. */
export const threadClaims = sqliteTable(
  'thread_claims',
  {
    threadId: integer('thread_id')
      .primaryKey()
      .references(() => threads.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    claimedAt: integer('claimed_at').notNull(),
  },
  (t) => [index('thread_claims_user_idx').on(t.userId)],
);

/** Managers' reusable answers, shared by the whole team. */
export const savedReplies = sqliteTable(
  'saved_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    updatedById: integer('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('saved_replies_title_idx').on(t.title)],
);

/** Email domains refused at sign-up (spam clean-up adds them; admins manage the list). */
export const blockedEmailDomains = sqliteTable('blocked_email_domains', {
  domain: text('domain').primaryKey(),
  createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
});

/** One "delete spammer": which posts it hid, so an admin can undo exactly that within 30 days. */
export const spamCleanups = sqliteTable(
  'spam_cleanups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // The domain blocked with it, if any (undoing the clean-up leaves the block to the domain list).
    blockedDomain: text('blocked_domain'),
    createdAt: integer('created_at').notNull(),
    revertedAt: integer('reverted_at'),
    revertedById: integer('reverted_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('spam_cleanups_user_idx').on(t.userId, t.id)],
);

export const spamCleanupPosts = sqliteTable(
  'spam_cleanup_posts',
  {
    cleanupId: integer('cleanup_id')
      .notNull()
      .references(() => spamCleanups.id, { onDelete: 'cascade' }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.cleanupId, t.postId] })],
);

/** A member's account at the brand's OpenID provider: they sign in by it (issuer + subject, never by email). */
export const userIdentities = sqliteTable(
  'user_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The address the provider gave at the latest sign-in, and whether it said it was verified.
    email: text('email'),
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('user_identities_user_idx').on(t.userId)],
);

/**
 * A sign-in through the provider in flight, by its `state`: the PKCE verifier, the nonce and where
 * to go after. Kept in the database (not a cookie alone) so any server process can finish it;
 * single use, pruned when old. `purpose` tells a page sign-in from an embed's popup or a link.
 */
export const oidcLogins = sqliteTable(
  'oidc_logins',
  {
    state: text('state').primaryKey(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    next: text('next'),
    purpose: text('purpose').notNull().default('signin'),
    embedOrigin: text('embed_origin'),
    // The browser that started it (a hash of a cookie set then): a state carried to another browser is refused.
    browserHash: blob('browser_hash', { mode: 'buffer' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('oidc_logins_created_idx').on(t.createdAt)],
);

/**
 * A provider identity waiting to be linked to the local account with the same verified address,
 * until the member proves that account's password. Only a hash of the token is kept.
 */
export const pendingIdentityLinks = sqliteTable(
  'pending_identity_links',
  {
    id: text('id').primaryKey(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    // Claims the account would be made or updated from (username, role), as JSON.
    claims: text('claims'),
    next: text('next'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('pending_identity_links_user_idx').on(t.userId)],
);

/**
 * Single-use codes a sign-in popup hands to an embed frame by postMessage, which the frame
 * exchanges for an embed session (a hash is stored; a code lives a minute).
 */
export const embedSignInCodes = sqliteTable(
  'embed_sign_in_codes',
  {
    codeHash: blob('code_hash', { mode: 'buffer' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The embedding page's origin the code was issued for; exchanging it from any other is refused.
    origin: text('origin').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('embed_sign_in_codes_expires_idx').on(t.expiresAt)],
);

/**
 * "Did this help?" answers on threads and on embedded help articles. A member's answer is theirs
 * (one per thread, changed rather than added); an anonymous reader's is tied to the signed,
 * short-lived token the form gave them (one answer per token), never to a tracking cookie.
 */
export const threadFeedback = sqliteTable(
  'thread_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    // The help article's key when the answer came from an embed of it.
    embedKey: text('embed_key'),
    helpful: integer('helpful', { mode: 'boolean' }).notNull(),
    comment: text('comment'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    tokenId: text('token_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('thread_feedback_member_unique').on(t.threadId, t.userId).where(sql`user_id is not null`),
    uniqueIndex('thread_feedback_token_unique').on(t.tokenId).where(sql`token_id is not null`),
    index('thread_feedback_thread_idx').on(t.threadId, t.createdAt),
    index('thread_feedback_key_idx').on(t.embedKey, t.createdAt),
    index('thread_feedback_created_idx').on(t.createdAt),
  ],
);

/**
 * A poll on a thread's opening post: structured data beside the markdown, never syntax in it.
 * A survey is several polls on one thread (position orders them).
 */
export const polls = sqliteTable(
  'polls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    question: text('question').notNull(),
    kind: text('kind', { enum: pollKinds }).notNull().default('choice'),
    // 1: single choice; more: how many options a voter may pick.
    maxChoices: integer('max_choices').notNull().default(1),
    resultsShown: text('results_shown', { enum: pollResultsShown }).notNull().default('always'),
    // Public: voters' names are shown beside the results; otherwise only counts ever leave the server.
    publicVotes: integer('public_votes', { mode: 'boolean' }).notNull().default(false),
    closesAt: integer('closes_at'),
    closedAt: integer('closed_at'),
    // Members who voted (kept on write, as option counts are).
    voterCount: integer('voter_count').notNull().default(0),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('polls_thread_idx').on(t.threadId, t.position)],
);

export const pollOptions = sqliteTable(
  'poll_options',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    voteCount: integer('vote_count').notNull().default(0),
  },
  (t) => [index('poll_options_poll_idx').on(t.pollId, t.position)],
);

export const pollVotes = sqliteTable(
  'poll_votes',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    optionId: integer('option_id')
      .notNull()
      .references(() => pollOptions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.optionId, t.userId] }),
    index('poll_votes_poll_user_idx').on(t.pollId, t.userId),
    index('poll_votes_user_idx').on(t.userId),
  ],
);

/**
 * The statuses an idea can have, editable by admins. Built-in ones have a key and no name (the
 * catalog names them in each locale); a name set by an admin replaces it.
 */
export const ideaStatuses = sqliteTable(
  'idea_statuses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    name: text('name'),
    position: integer('position').notNull().default(0),
    // Open statuses are still being decided or built; votes on them count toward a category's limit.
    open: integer('open', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('idea_statuses_key_unique').on(t.key)],
);

export const ideaVotes = sqliteTable(
  'idea_votes',
  {
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index('idea_votes_user_idx').on(t.userId, t.threadId)],
);

/** Each status an idea was given, with the manager's public note: the idea's public history. */
export const ideaStatusChanges = sqliteTable(
  'idea_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    statusId: integer('status_id').references(() => ideaStatuses.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    changedById: integer('changed_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('idea_status_changes_thread_idx').on(t.threadId, t.createdAt)],
);

/** Old usernames (their key) that still lead to the member: profile URLs and mentions keep working. */
export const usernameRedirects = sqliteTable('username_redirects', {
  oldKey: text('old_key').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
});

/** Profile fields an admin defines (e.g. "Which bike do you ride?"); members fill them in or not. */
export const profileFields = sqliteTable(
  'profile_fields',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    label: text('label').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('profile_fields_position_idx').on(t.position, t.id)],
);

export const profileFieldValues = sqliteTable(
  'profile_field_values',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fieldId: integer('field_id')
      .notNull()
      .references(() => profileFields.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.fieldId] })],
);

export const uploadPurposes = ['post', 'avatar'] as const;
export type UploadPurpose = (typeof uploadPurposes)[number];

/**
 * An image a member uploaded, re-encoded on arrival (metadata stripped). Files are stored and served
 * by the hash of their bytes (`/uploads/:hash.:ext`); the smaller variant is a file of its own. Two
 * members uploading the same picture share the file, not the row.
 */
export const uploads = sqliteTable(
  'uploads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    purpose: text('purpose', { enum: uploadPurposes }).notNull().default('post'),
    hash: text('hash').notNull(),
    ext: text('ext').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    // The responsive smaller variant, when the image is larger than it.
    smallHash: text('small_hash'),
    smallWidth: integer('small_width'),
    smallHeight: integer('small_height'),
    animated: integer('animated', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('uploads_hash_idx').on(t.hash),
    index('uploads_small_hash_idx').on(t.smallHash).where(sql`small_hash is not null`),
    index('uploads_user_created_idx').on(t.userId, t.createdAt),
    index('uploads_created_idx').on(t.createdAt),
  ],
);

/** Which posts show which uploads: an image is served to those who may see one of its posts. */
export const postUploads = sqliteTable(
  'post_uploads',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    uploadId: integer('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.uploadId] }), index('post_uploads_upload_idx').on(t.uploadId, t.postId)],
);

export const signInMethods = ['password', 'oidc', 'embed'] as const;
export type SignInMethod = (typeof signInMethods)[number];

/** Each successful sign-in, for the member's own history and export; addresses are purged after the retention period. */
export const signInEvents = sqliteTable(
  'sign_in_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    method: text('method', { enum: signInMethods }).notNull(),
    // The client address (as TRUST_PROXY decides it); null once older than the retention period.
    address: text('address'),
    userAgent: text('user_agent'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sign_in_events_user_idx').on(t.userId, t.createdAt), index('sign_in_events_created_idx').on(t.createdAt)],
);

export const dataExportStatuses = ['pending', 'ready', 'failed'] as const;
export type DataExportStatus = (typeof dataExportStatuses)[number];

/**
 * A member's data export: built in the background, offered by a mailed link that expires. Like
 * sessions, only a hash of the link's secret is stored.
 */
export const dataExports = sqliteTable(
  'data_exports',
  {
    id: text('id').primaryKey(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: dataExportStatuses }).notNull().default('pending'),
    // The ZIP's file name under the exports directory, once built.
    fileName: text('file_name'),
    bytes: integer('bytes'),
    createdAt: integer('created_at').notNull(),
    readyAt: integer('ready_at'),
    expiresAt: integer('expires_at'),
  },
  (t) => [index('data_exports_user_idx').on(t.userId, t.createdAt), index('data_exports_status_idx').on(t.status, t.createdAt)],
);
