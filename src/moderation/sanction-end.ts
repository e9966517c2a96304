// A suspension "until lifted" has no end date. It is stored in the same column as dated ones
// (`users.suspended_until`), as the latest moment a JavaScript Date can hold, so every check that
// compares the end with now (the session, sign-in, digests, fan-out) holds it without change.
// Nothing may print that date: pages, notifications and email ask isUntilLifted first and say
// "until lifted" instead (docs/decisions/0045).

/** 8.64e15 ms: 13 September 275760, the last valid Date. */
export const UNTIL_LIFTED = 8_640_000_000_000_000;

export function isUntilLifted(until: number | null | undefined): boolean {
  return typeof until === 'number' && until >= UNTIL_LIFTED;
}
