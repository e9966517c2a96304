// The statuses every community starts with (migration 0023); their names live in the catalogs.

export const builtInStatusKeys = ['new', 'under_review', 'planned', 'in_progress', 'shipped', 'declined'] as const;

/** The status every new idea gets; it cannot be removed. */
export const INITIAL_STATUS_KEY = 'new';

export function isBuiltInStatus(key: string): key is (typeof builtInStatusKeys)[number] {
  return (builtInStatusKeys as readonly string[]).includes(key);
}
