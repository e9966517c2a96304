// Time zones are IANA names as Intl knows them (Europe/Istanbul, Asia/Shanghai, UTC).

const known = new Map<string, boolean>();

export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  let valid = known.get(name);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      valid = true;
    } catch {
      valid = false;
    }
    if (known.size > 1000) known.clear();
    known.set(name, valid);
  }
  return valid;
}

/** Every zone this Node knows, for the pickers on the account and admin pages. */
export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf('timeZone');
  return names.includes('UTC') ? names : ['UTC', ...names];
}
