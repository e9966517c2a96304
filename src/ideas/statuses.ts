import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ideaStatuses } from '../db/schema.js';

// The statuses ideas can have. Built-in ones (new, under review, …) carry no name: each reader's
// catalog names them (`idea.status.<key>`), until an admin gives one a name of their own.

export type IdeaStatus = { id: number; key: string; name: string | null; position: number; open: boolean };

export { builtInStatusKeys, INITIAL_STATUS_KEY, isBuiltInStatus } from './status-keys.js';

/** Every status in the admins' order. */
export function listIdeaStatuses(db: Db): IdeaStatus[] {
  return db
    .select({ id: ideaStatuses.id, key: ideaStatuses.key, name: ideaStatuses.name, position: ideaStatuses.position, open: ideaStatuses.open })
    .from(ideaStatuses)
    .orderBy(asc(ideaStatuses.position), asc(ideaStatuses.id))
    .all();
}
