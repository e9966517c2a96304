import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';

/*
 * The accounts that are staff now (managers and admins): a handful, against which the period's
 * tens of thousands of posters and helpers are told apart from members, instead of looking up
 * each of them (ADR 0042).
 */

const statements = perDatabase((db: Db) => ({
  staff: db.$client.prepare<[], number>("SELECT id FROM users WHERE role <> 'member'").pluck(),
}));

export function readStaffIds(db: Db): number[] {
  return statements(db).staff.all();
}
