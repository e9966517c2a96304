// One map of the personal data Hearth stores: every table and every column of the schema, whether
// it is a member's personal data and what erasing an account does with it. Erasure
// (src/privacy/erase-account.ts), the export (src/privacy/export-data.ts), docs/privacy.md and the
// test that walks the live schema (test/unit/personal-data.test.ts) all read it, so a column added
// later and not placed here fails that test instead of being forgotten.

/**
 * What erasure does with a personal column of the member's rows:
 * row — the row is deleted; null — set to null; placeholder — replaced by a value that names nobody;
 * posts — follows the member's choice for their posts (kept under "deleted member", or emptied);
 * keep — kept, for the reason given (the table's `kept`).
 */
export type Erasure = 'row' | 'null' | 'placeholder' | 'posts' | 'keep';

export type TableMap = {
  /** The column naming the member a row belongs to; absent when no row is any one member's. */
  owner?: string;
  /** Why the table holds personal data (or none), in a sentence for docs/privacy.md. */
  about: string;
  /** How long it is kept, in a sentence for docs/privacy.md. */
  kept?: string;
  personal?: Record<string, Erasure>;
  /** Every other column: not personal data, or only the id of an account (a stub once erased). */
  other: string[];
};

const ACCOUNT = 'As long as the account exists; erasure deletes them.';

export const personalData: Record<string, TableMap> = {
  users: {
    owner: 'id',
    about: 'The account: username, email address, password hash, display name, bio, avatar, language and time zone, sanctions.',
    kept: 'As long as the account exists. Erasure keeps an empty row (username `deleted~ID`, no address, no password) so posts kept under "deleted member" still have an author.',
    personal: {
      username: 'placeholder', username_key: 'placeholder', email: 'placeholder', email_key: 'placeholder', password_hash: 'placeholder',
      silenced_until: 'null', silence_reason: 'null', suspended_until: 'null', suspend_reason: 'null', email_verified_at: 'null', last_digest_at: 'null',
      locale: 'null', time_zone: 'null', display_name: 'null', bio: 'null', avatar_upload_id: 'null', username_changed_at: 'null', created_at: 'keep',
    },
    other: ['id', 'role', 'post_count', 'email_preference', 'address_taken', 'username_changes_left', 'is_brand', 'deleted_at'],
  },
  sessions: { owner: 'user_id', about: 'Signed-in browsers: when, the browser\'s user agent, the embedding page for embed sessions.', kept: 'Until sign-out, 14 days without use or 60 days after sign-in.', personal: { id: 'row', secret_hash: 'row', created_at: 'row', last_used_at: 'row', user_agent: 'row', embed_origin: 'row' }, other: ['user_id'] },
  sign_in_events: { owner: 'user_id', about: 'Each successful sign-in: method, client address, user agent.', kept: 'The address is removed after IP_RETENTION_DAYS (30 days by default); the rest as long as the account exists.', personal: { id: 'row', method: 'row', address: 'row', user_agent: 'row', created_at: 'row' }, other: ['user_id'] },
  user_tokens: { owner: 'user_id', about: 'Links mailed to the member (confirm address, reset password, change address), with the address they went to; only a hash of the secret.', kept: 'Until used or expired (hours); erasure deletes them.', personal: { id: 'row', secret_hash: 'row', purpose: 'row', email: 'row', created_at: 'row', expires_at: 'row', used_at: 'row' }, other: ['user_id'] },
  user_identities: { owner: 'user_id', about: 'The member\'s account at the brand\'s identity provider (issuer, subject, address it gave).', kept: ACCOUNT, personal: { issuer: 'row', subject: 'row', email: 'row', email_verified: 'row', created_at: 'row', last_used_at: 'row' }, other: ['user_id'] },
  pending_identity_links: { owner: 'user_id', about: 'A provider identity waiting to be linked to an account by its password.', kept: 'Minutes (until used or expired).', personal: { id: 'row', secret_hash: 'row', issuer: 'row', subject: 'row', email: 'row', claims: 'row', next: 'row', created_at: 'row', expires_at: 'row' }, other: ['user_id'] },
  embed_sign_in_codes: { owner: 'user_id', about: 'Single-use codes that sign an embed frame in.', kept: 'A minute.', personal: { code_hash: 'row', origin: 'row', created_at: 'row', expires_at: 'row', used_at: 'row' }, other: ['user_id'] },
  oidc_logins: { about: 'Sign-ins through the provider in flight (not tied to an account yet).', kept: 'Minutes; pruned when old.', other: ['state', 'code_verifier', 'nonce', 'next', 'purpose', 'embed_origin', 'browser_hash', 'created_at'] },
  data_exports: { owner: 'user_id', about: 'The member\'s data exports and their state; the ZIP files under EXPORTS_PATH.', kept: 'Seven days after each is ready, then the file is deleted; erasure deletes them.', personal: { id: 'row', secret_hash: 'row', status: 'row', file_name: 'row', bytes: 'row', created_at: 'row', ready_at: 'row', expires_at: 'row' }, other: ['user_id'] },
  profile_field_values: { owner: 'user_id', about: 'The member\'s answers to the profile fields an admin defined.', kept: ACCOUNT, personal: { field_id: 'row', value: 'row' }, other: ['user_id'] },
  username_redirects: { owner: 'user_id', about: 'Old usernames that still lead to the member\'s profile.', kept: ACCOUNT, personal: { old_key: 'row', created_at: 'row' }, other: ['user_id'] },
  uploads: { owner: 'user_id', about: 'Images the member uploaded (re-encoded, metadata stripped).', kept: 'As long as a post shows them; an avatar goes with erasure, images in posts follow the posts choice.', personal: { purpose: 'posts', hash: 'posts', ext: 'posts', bytes: 'posts', width: 'posts', height: 'posts', small_hash: 'posts', small_width: 'posts', small_height: 'posts', animated: 'posts', created_at: 'posts' }, other: ['id', 'user_id'] },
  post_uploads: { about: 'Which posts show which images.', other: ['post_id', 'upload_id'] },
  posts: { owner: 'author_id', about: 'What the member wrote, with its rendered forms.', kept: 'Until deleted; at erasure kept under "deleted member" or emptied, as the member chooses.', personal: { body: 'posts', body_html: 'posts', body_text: 'posts', search_text: 'posts' }, other: ['id', 'thread_id', 'number', 'status', 'rejected_reason', 'author_id', 'render_version', 'created_at', 'edited_at', 'deleted_at', 'hidden_at', 'hidden_by_id', 'hidden_reason', 'helpful_count', 'reply_to_post_id'] },
  post_revisions: { owner: 'editor_id', about: 'Earlier versions of edited posts.', kept: 'With the post; erasing with "delete" removes the member\'s posts\' revisions.', personal: { body: 'posts', title: 'posts' }, other: ['id', 'post_id', 'editor_id', 'created_at'] },
  pending_edits: { owner: 'editor_id', about: 'Edits waiting for a moderator.', kept: 'Until decided; erasure withdraws the member\'s.', personal: { body: 'row', body_html: 'row', body_text: 'row', search_text: 'row', render_version: 'row', title: 'row', created_at: 'row' }, other: ['post_id', 'editor_id'] },
  threads: { owner: 'author_id', about: 'Threads the member opened: the title is theirs.', kept: 'As the opening post; a thread others replied to stays, with its title.', personal: { title: 'posts', search_title: 'posts', slug: 'posts' }, other: ['id', 'category_id', 'author_id', 'status', 'locked', 'pinned', 'solved_post_id', 'last_post_number', 'reply_count', 'helpful_count', 'last_post_id', 'last_post_at', 'last_post_author_id', 'version', 'created_at', 'opened_by_staff', 'first_reply_at', 'first_staff_reply_at', 'solved_at', 'solved_by_staff', 'idea_votes', 'idea_status_id', 'merged_into_id'] },
  submissions: { owner: 'user_id', about: 'Form tokens of posts already made (so a double submit posts once).', kept: 'A day.', personal: { token: 'row', post_id: 'row', created_at: 'row' }, other: ['user_id'] },
  post_votes: { owner: 'user_id', about: '"Helpful" votes the member gave.', kept: ACCOUNT, personal: { post_id: 'row', created_at: 'row' }, other: ['user_id'] },
  poll_votes: { owner: 'user_id', about: 'The member\'s answers to polls and surveys.', kept: ACCOUNT, personal: { poll_id: 'row', option_id: 'row', created_at: 'row' }, other: ['user_id'] },
  idea_votes: { owner: 'user_id', about: 'Ideas the member voted for.', kept: ACCOUNT, personal: { thread_id: 'row', created_at: 'row' }, other: ['user_id'] },
  thread_feedback: { owner: 'user_id', about: '"Did this help?" answers and comments.', kept: ACCOUNT, personal: { embed_key: 'row', helpful: 'row', comment: 'row', token_id: 'row', created_at: 'row', updated_at: 'row' }, other: ['id', 'thread_id', 'user_id'] },
  flags: { owner: 'flagger_id', about: 'Posts the member reported, with their note.', kept: ACCOUNT, personal: { post_id: 'row', reason: 'row', note: 'row', status: 'row', created_at: 'row', resolved_by_id: 'row', resolved_at: 'row' }, other: ['id', 'flagger_id'] },
  notifications: { owner: 'user_id', about: 'The member\'s notifications.', kept: ACCOUNT, personal: { kind: 'row', actor_id: 'row', thread_id: 'row', post_id: 'row', data: 'row', read_at: 'row', emailed_at: 'row', created_at: 'row' }, other: ['id', 'user_id'] },
  thread_watches: { owner: 'user_id', about: 'Threads the member watches or muted.', kept: ACCOUNT, personal: { thread_id: 'row', level: 'row', updated_at: 'row' }, other: ['user_id'] },
  category_watches: { owner: 'user_id', about: 'Categories the member watches or muted.', kept: ACCOUNT, personal: { category_id: 'row', level: 'row', updated_at: 'row' }, other: ['user_id'] },
  email_outbox: { owner: 'user_id', about: 'Email to the member waiting to go out, or sent (address, subject, body).', kept: 'Until erasure; the sent log is the operator\'s to prune.', personal: { to_address: 'row', kind: 'row', subject: 'row', text_body: 'row', html_body: 'row', headers: 'row', status: 'row', attempts: 'row', last_error: 'row', next_attempt_at: 'row', created_at: 'row', sent_at: 'row', claimed_by: 'row' }, other: ['id', 'user_id'] },
  member_days: { owner: 'user_id', about: 'Counts per day for insights (posts, answers, helpful votes received).', kept: ACCOUNT, personal: { day: 'row', category_id: 'row', posts: 'row', answers: 'row', helpful: 'row' }, other: ['user_id'] },
  manager_scopes: { owner: 'user_id', about: 'Categories a manager moderates.', kept: 'While they are a manager.', personal: { category_id: 'row' }, other: ['user_id'] },
  thread_claims: { owner: 'user_id', about: 'A manager working on a question.', kept: 'Until answered or released.', personal: { thread_id: 'row', claimed_at: 'row' }, other: ['user_id'] },
  spam_cleanups: { owner: 'user_id', about: 'A "delete spammer" action on the account, undoable for 30 days.', kept: ACCOUNT, personal: { actor_id: 'row', blocked_domain: 'row', created_at: 'row', reverted_at: 'row', reverted_by_id: 'row' }, other: ['id', 'user_id'] },
  spam_cleanup_posts: { about: 'Which posts a clean-up hid.', other: ['cleanup_id', 'post_id'] },
  mod_log: {
    owner: 'target_user_id',
    about: 'The audit trail of staff actions, some on the member (a suspension and its reason).',
    kept: 'Always (the community\'s accountability); it names accounts by id only, so an erased member is a "deleted member" there.',
    personal: { reason: 'keep', details: 'keep' },
    other: ['id', 'actor_id', 'action', 'target_user_id', 'target_thread_id', 'target_post_id', 'category_id', 'created_at'],
  },
  rate_limit_buckets: { about: 'Abuse limits keyed by client address or by account id.', kept: 'Removed when full again, and at most IP_RETENTION_DAYS; erasure removes the member\'s.', other: ['key', 'tokens', 'updated_at'] },
  // Community content and settings: written by staff for everyone, naming accounts by id at most.
  categories: { about: 'Categories.', other: ['id', 'slug', 'name', 'description', 'kind', 'moderation', 'position', 'thread_count', 'post_count', 'last_thread_id', 'last_post_at', 'created_at', 'version', 'target_reply_minutes', 'archived_at', 'poll_creators', 'idea_vote_limit'] },
  polls: { about: 'Polls on opening posts.', other: ['id', 'thread_id', 'position', 'question', 'kind', 'max_choices', 'results_shown', 'public_votes', 'closes_at', 'closed_at', 'voter_count', 'created_by_id', 'created_at'] },
  poll_options: { about: 'Poll options.', other: ['id', 'poll_id', 'position', 'label', 'vote_count'] },
  idea_statuses: { about: 'Idea statuses.', other: ['id', 'key', 'name', 'position', 'open', 'created_at'] },
  idea_status_changes: { about: 'Managers\' public notes on ideas.', other: ['id', 'thread_id', 'status_id', 'note', 'changed_by_id', 'created_at'] },
  profile_fields: { about: 'Profile fields an admin defined.', other: ['id', 'label', 'position', 'created_at'] },
  review_items: { about: 'The moderators\' worklist.', other: ['id', 'kind', 'post_id', 'category_id', 'status', 'resolution', 'reason', 'created_at', 'resolved_by_id', 'resolved_at', 'alerted_at'] },
  watched_words: { about: 'Watched words.', other: ['id', 'word', 'action', 'created_by_id', 'created_at'] },
  saved_replies: { about: 'Managers\' saved replies.', other: ['id', 'title', 'body', 'created_by_id', 'updated_by_id', 'created_at', 'updated_at'] },
  blocked_email_domains: { about: 'Email domains refused at sign-up.', other: ['domain', 'created_by_id', 'created_at'] },
  embed_origins: { about: 'Sites allowed to embed.', other: ['origin', 'created_by_id', 'created_at'] },
  api_keys: { about: 'API keys for the brand\'s servers.', other: ['id', 'name', 'secret_hash', 'scope', 'created_by_id', 'created_at', 'last_used_at', 'revoked_at'] },
  thread_keys: { about: 'Help articles\' threads.', other: ['key', 'thread_id', 'url', 'created_at'] },
  settings: { about: 'Community settings.', other: ['key', 'value'] },
  leases: { about: 'Which server process runs which job.', other: ['name', 'holder', 'expires_at'] },
  daily_activity: { about: 'Daily counts per category.', other: ['category_id', 'day', 'threads', 'replies', 'views'] },
  thread_views: { about: 'Page views per thread and day (counts only).', other: ['thread_id', 'day', 'views'] },
  sitemap_activity: { about: 'Sitemap dates.', other: ['bucket', 'last_post_at'] },
};

/** Tables SQLite and the tools keep for themselves; the full-text index follows the posts (triggers). */
export const internalTables = /^(sqlite_|__drizzle_migrations$|post_search)/;

/** The member's rows of a table are deleted at erasure when every personal column says `row`. */
export function deletesRows(table: TableMap): boolean {
  const fates = Object.values(table.personal ?? {});
  return table.owner !== undefined && fates.length > 0 && fates.every((fate) => fate === 'row');
}
