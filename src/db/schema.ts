import { blob, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

// Timestamps are integer milliseconds since the epoch: cheap to compare, index and paginate on.

export const roles = ['member', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export const categoryKinds = ['discussion', 'questions'] as const;
export type CategoryKind = (typeof categoryKinds)[number];

export const moderationModes = ['open', 'new-members', 'all'] as const;
export type ModerationMode = (typeof moderationModes)[number];

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
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_key_unique').on(t.usernameKey), uniqueIndex('users_email_key_unique').on(t.emailKey)],
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
    createdAt: integer('created_at').notNull(),
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
    slug: text('slug').notNull(),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    solvedPostId: integer('solved_post_id').references((): AnySQLiteColumn => posts.id, { onDelete: 'set null' }),
    // Highest post number handed out; numbers are never reused.
    lastPostNumber: integer('last_post_number').notNull().default(0),
    // Visible replies (posts after the first that are neither deleted nor hidden).
    replyCount: integer('reply_count').notNull().default(0),
    lastPostId: integer('last_post_id').references((): AnySQLiteColumn => posts.id, { onDelete: 'set null' }),
    lastPostAt: integer('last_post_at').notNull(),
    lastPostAuthorId: integer('last_post_author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('threads_category_latest_idx').on(t.categoryId, t.pinned, t.lastPostAt, t.id),
    index('threads_category_top_idx').on(t.categoryId, t.replyCount, t.id),
    index('threads_category_created_idx').on(t.categoryId, t.createdAt, t.id),
    index('threads_author_idx').on(t.authorId),
  ],
);

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    renderVersion: integer('render_version').notNull(),
    createdAt: integer('created_at').notNull(),
    editedAt: integer('edited_at'),
    deletedAt: integer('deleted_at'),
    hiddenAt: integer('hidden_at'),
    hiddenById: integer('hidden_by_id').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
  },
  (t) => [
    uniqueIndex('posts_thread_number_unique').on(t.threadId, t.number),
    index('posts_author_created_idx').on(t.authorId, t.createdAt, t.id),
    index('posts_render_version_idx').on(t.renderVersion, t.id),
  ],
);

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

/** Community-wide settings edited at run time (site name, …), as key/value text. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
