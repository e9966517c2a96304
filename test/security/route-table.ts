import type { Hono } from 'hono';
import type { Db } from '../../src/db/client.js';

// The sweeps are generated from the app's own route table, so a route added tomorrow is swept too
// (or makes the sweep fail until someone says what it should do).

export type Route = { method: string; path: string };

/** Every concrete handler route (middleware and catch-alls registered with `ALL` are not routes). */
export function routesOf(app: Hono<never> | Hono<any>): Route[] {
  const seen = new Map<string, Route>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

export const key = (route: Route) => `${route.method} ${route.path}`;

export function isMutating(route: Route): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
}

/** Names of the route's parameters, e.g. `/t/:id{[0-9]+}/:flag{(?:lock|pin)}` → ['id', 'flag']. */
export function parameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)(?:\{[^}]*\})?\??/g)].map((match) => match[1]!);
}

/**
 * A concrete URL for a route pattern: each `:name` takes `values[name]` (or, for an alternation
 * like `{(?:lock|pin)}`, `values[name]` if it is one of them, else the first alternative).
 */
export function concretePath(path: string, values: Record<string, string | number>): string {
  return path
    .replace(/:([A-Za-z]+)\{\(\?:([^)]*)\)\}/g, (_all, name: string, alternatives: string) => {
      const options = alternatives.split('|');
      const wanted = values[name];
      return wanted !== undefined && options.includes(String(wanted)) ? String(wanted) : options[0]!;
    })
    .replace(/:([A-Za-z]+)(?:\{[^}]*\})?(\?)?/g, (_all, name: string, optional?: string) => {
      const value = values[name];
      if (value === undefined) {
        if (optional) return '';
        throw new Error(`no value for :${name} in ${path}`);
      }
      return encodeURIComponent(String(value));
    })
    .replace(/\/$/, '') || '/';
}

/** Everything in the database, as one string: equal snapshots mean nothing changed. */
export function snapshot(db: Db, except: string[] = []): string {
  const tables = (db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => !except.includes(name));
  return JSON.stringify(tables.map((name) => [name, db.$client.prepare(`select * from "${name}"`).raw().all()]));
}
