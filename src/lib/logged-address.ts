import { isIP } from 'node:net';

// LOG_IP: the access log keeps the client's whole address (`full`), only its network (`truncated`:
// a /24 for IPv4, a /48 for IPv6, enough to see that requests came from one place, not from whom),
// or nothing (`off`).

export type LogIp = 'full' | 'truncated' | 'off';

/** The address as the access log shows it; undefined when it is not logged. */
export function loggedAddress(address: string, mode: LogIp): string | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'full') return address;
  const version = isIP(address);
  if (version === 4) return `${address.slice(0, address.lastIndexOf('.'))}.0/24`;
  if (version === 6) return `${fullGroups(address).slice(0, 3).join(':')}::/48`;
  return address === 'unknown' ? address : undefined;
}

/** The eight groups of an IPv6 address, `::` expanded (a trailing dotted IPv4 counts as two). */
function fullGroups(address: string): string[] {
  const plain = address.split('%', 1)[0]!.toLowerCase();
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? [] : Array<string>(8 - width(left) - width(right)).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
