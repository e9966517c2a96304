import type { Statement } from 'better-sqlite3';
import type { Db } from './client.js';
import { perDatabase } from './prepared.js';

// Has the database changed since a moment ago? A mark that moves with every commit, made by this
// connection or any other (in this process or another process on the same file), so values read
// from the database can be kept in memory and trusted until it moves (src/forum/page-versions.ts).
//
// SQLite's `data_version` changes when another connection commits; `total_changes()` counts this
// connection's own changes (triggers included). `total_changes()` costs nothing (no transaction);
// `data_version` opens a read transaction, as costly as the lookups it saves, so it is read once
// per turn of the event loop: another process's commit is seen from the next turn, within
// milliseconds, while this process's own writes are seen at once. (Proxies in front keep public
// pages for seconds: s-maxage=5.)

export type ChangeMark = { dataVersion: number; totalChanges: number };

type State = { data: Statement; own: Statement; dataVersion: number | undefined };

const states = perDatabase((db): State => ({
  data: db.$client.prepare('pragma data_version').pluck(),
  own: db.$client.prepare('select total_changes()').pluck(),
  dataVersion: undefined,
}));

/**
 * Moves whenever another connection (another server process) has committed since this one last
 * asked; never for this connection's own commits. Read fresh: settings kept in memory are checked
 * against it on every request the app handles (src/routes/site-settings.ts).
 */
export function outsideWrites(db: Db): number {
  return states(db).data.get() as number;
}

/** `data_version` read once per turn of the event loop, for checks made many times a turn. */
function outsideWritesThisTurn(db: Db): number {
  const state = states(db);
  if (state.dataVersion === undefined) {
    state.dataVersion = state.data.get() as number;
    setImmediate(() => (state.dataVersion = undefined));
  }
  return state.dataVersion;
}

/** The database's change mark now; undefined inside a transaction, where nothing may be kept. */
export function changeMark(db: Db): ChangeMark | undefined {
  if (db.$client.inTransaction) return undefined;
  return { dataVersion: outsideWritesThisTurn(db), totalChanges: states(db).own.get() as number };
}

export function sameMark(a: ChangeMark, b: ChangeMark): boolean {
  return a.dataVersion === b.dataVersion && a.totalChanges === b.totalChanges;
}
