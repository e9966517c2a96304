import type { Db } from '../db/client.js';

// What a member's data export holds (GDPR art. 15 and 20): one JSON document per file, each the
// member's own rows only. Other members appear only as the public sees them — a thread's title,
// a category's name — never by their address, votes or anything else of theirs. README.txt in the
// ZIP (src/privacy/export-readme.ts) explains each file.

export type ExportDocuments = Record<string, unknown>;
export type ExportedUpload = { hash: string; ext: string; smallHash: string | null };

type Query = { sql: string; one?: boolean };

// Every query takes @user (the member's id) and @base (BASE_URL, for links); none joins another member's row.
const queries: Record<string, Record<string, Query>> = {
  'profile.json': {
    account: {
      one: true,
      sql: `select username, display_name as displayName, bio, email, email_verified_at as emailVerifiedAt, role, created_at as createdAt,
        locale, time_zone as timeZone, username_changed_at as usernameChangedAt, silenced_until as silencedUntil, silence_reason as silenceReason,
        suspended_until as suspendedUntil, suspend_reason as suspendReason,
        (select @base || '/uploads/' || hash || '.' || ext from uploads where id = users.avatar_upload_id) as avatar
        from users where id = @user`,
    },
    fields: { sql: 'select f.label, v.value from profile_field_values v join profile_fields f on f.id = v.field_id where v.user_id = @user order by f.position, f.id' },
    formerUsernames: { sql: 'select old_key as username, created_at as changedAt from username_redirects where user_id = @user order by created_at' },
    providerAccounts: { sql: 'select issuer, subject, email, created_at as linkedAt, last_used_at as lastUsedAt from user_identities where user_id = @user' },
  },
  'posts.json': {
    posts: {
      sql: `select p.id, @base || '/p/' || p.id as url, t.id as threadId, t.title as threadTitle, @base || '/t/' || t.id || '/' || t.slug as threadUrl,
        p.number, p.status, p.created_at as createdAt, p.edited_at as editedAt, p.deleted_at as deletedAt, p.hidden_at as hiddenAt,
        p.hidden_reason as hiddenReason, p.body as markdown, p.body_html as html
        from posts p join threads t on t.id = p.thread_id where p.author_id = @user order by p.id`,
    },
    earlierVersions: {
      sql: `select r.post_id as postId, r.body as markdown, r.title, r.created_at as replacedAt
        from post_revisions r join posts p on p.id = r.post_id where p.author_id = @user order by r.id`,
    },
  },
  'votes.json': {
    helpful: {
      sql: `select @base || '/p/' || v.post_id as post, t.title as threadTitle, v.created_at as votedAt
        from post_votes v join posts p on p.id = v.post_id join threads t on t.id = p.thread_id where v.user_id = @user order by v.created_at`,
    },
    polls: {
      sql: `select pl.question, o.label as answer, t.title as threadTitle, @base || '/t/' || t.id as threadUrl, v.created_at as votedAt
        from poll_votes v join polls pl on pl.id = v.poll_id join poll_options o on o.id = v.option_id join threads t on t.id = pl.thread_id
        where v.user_id = @user order by v.created_at`,
    },
    ideas: {
      sql: `select t.title as idea, @base || '/t/' || t.id as url, v.created_at as votedAt
        from idea_votes v join threads t on t.id = v.thread_id where v.user_id = @user order by v.created_at`,
    },
  },
  'feedback.json': {
    answers: {
      sql: `select t.title as threadTitle, @base || '/t/' || t.id as threadUrl, f.embed_key as helpArticle, f.helpful, f.comment,
        f.created_at as createdAt, f.updated_at as updatedAt
        from thread_feedback f join threads t on t.id = f.thread_id where f.user_id = @user order by f.id`,
    },
  },
  'flags.json': {
    flags: {
      sql: `select @base || '/p/' || f.post_id as post, f.reason, f.note, f.status, f.created_at as createdAt, f.resolved_at as resolvedAt
        from flags f where f.flagger_id = @user order by f.id`,
    },
  },
  'notifications.json': {
    email: { one: true, sql: 'select email_preference as preference, last_digest_at as lastDigestAt from users where id = @user' },
    watchedThreads: {
      sql: `select t.title as thread, @base || '/t/' || t.id as url, w.level, w.updated_at as updatedAt
        from thread_watches w join threads t on t.id = w.thread_id where w.user_id = @user order by w.updated_at`,
    },
    watchedCategories: {
      sql: `select c.name as category, @base || '/c/' || c.slug as url, w.level, w.updated_at as updatedAt
        from category_watches w join categories c on c.id = w.category_id where w.user_id = @user order by w.updated_at`,
    },
    notifications: {
      sql: `select n.kind, t.title as threadTitle, case when n.post_id is null then null else @base || '/p/' || n.post_id end as post,
        n.created_at as createdAt, n.read_at as readAt, n.emailed_at as emailedAt
        from notifications n left join threads t on t.id = n.thread_id where n.user_id = @user order by n.id`,
    },
  },
  'sessions.json': {
    sessions: {
      sql: `select created_at as signedInAt, last_used_at as lastUsedAt, user_agent as userAgent, embed_origin as embedOrigin
        from sessions where user_id = @user order by created_at`,
    },
    signIns: { sql: 'select method, address, user_agent as userAgent, created_at as at from sign_in_events where user_id = @user order by id' },
  },
  'uploads.json': {
    uploads: {
      sql: `select id, purpose, hash || '.' || ext as file, @base || '/uploads/' || hash || '.' || ext as url, bytes, width, height, animated,
        created_at as uploadedAt from uploads where user_id = @user order by id`,
    },
  },
};

const TIMESTAMP = /(At|Until)$/;

/** Times as ISO 8601 (UTC), which any reader of the JSON understands. */
function readable(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, TIMESTAMP.test(key) && typeof value === 'number' ? new Date(value).toISOString() : value]));
}

/** Every JSON document of the member's export, by file name. */
export function exportDocuments(db: Db, userId: number, baseUrl: string): ExportDocuments {
  const params = { user: userId, base: baseUrl };
  const documents: ExportDocuments = {};
  for (const [file, parts] of Object.entries(queries)) {
    const document: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(parts)) {
      const statement = db.$client.prepare(query.sql);
      document[name] = query.one ? readable((statement.get(params) as Record<string, unknown> | undefined) ?? {}) : (statement.all(params) as Record<string, unknown>[]).map(readable);
    }
    documents[file] = document;
  }
  return documents;
}

/** The member's image files, by hash, to copy into the ZIP. */
export function exportedUploads(db: Db, userId: number): ExportedUpload[] {
  return db.$client.prepare('select hash, ext, small_hash as smallHash from uploads where user_id = ? order by id').all(userId) as ExportedUpload[];
}
