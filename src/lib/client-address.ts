import { BlockList, isIP } from 'node:net';

// Who is on the other end of a request. Behind a reverse proxy the socket's peer is the proxy, and
// the visitor's address is in X-Forwarded-For or Forwarded (RFC 7239) — but anyone can send those
// headers, so they are believed only as far as the chain of hops is trusted (TRUST_PROXY): walking
// the chain from the right (the hop nearest to us), each trusted hop vouches for the entry to its
// left, and the first untrusted entry is the client. A peer that is not trusted vouches for nothing.

/** Which hops may speak for the one before them: `hop` counts from the socket's peer (0). */
export type ProxyTrust = { readonly setting: string; trusts(address: string, hop: number): boolean };

export type Client = { address: string; scheme: 'http' | 'https' };

export type ForwardingHeaders = { forwardedFor?: string | undefined; forwarded?: string | undefined; forwardedProto?: string | undefined };

/** Parses TRUST_PROXY: a hop count, or comma-separated addresses and CIDRs; an Error says what is wrong. */
export function parseProxyTrust(setting: string): ProxyTrust | Error {
  const value = setting.trim();
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count > 32) return new Error('a hop count must be between 0 and 32');
    return { setting: value, trusts: (_address, hop) => hop < count };
  }
  const list = new BlockList();
  for (const part of value.split(',').map((entry) => entry.trim())) {
    const problem = addToList(list, part);
    if (problem) return new Error(`"${part}" ${problem}; use a hop count or addresses/CIDRs such as 127.0.0.1,10.0.0.0/8,::1`);
  }
  return { setting: value, trusts: (address) => list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4') };
}

function addToList(list: BlockList, entry: string): string | null {
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return 'is not an address or CIDR';
  const type = version === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) {
    list.addAddress(address, type);
    return null;
  }
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  if (bits < 0 || bits > (version === 6 ? 128 : 32)) return 'has a prefix length out of range';
  list.addSubnet(address, bits, type);
  return null;
}

/** One spelling per address: IPv4-mapped IPv6 (`::ffff:192.0.2.1`) becomes plain IPv4. */
export function normalAddress(address: string): string {
  return address.length > 7 && address.slice(0, 7).toLowerCase() === '::ffff:' && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** The client's address and scheme, from the socket unless trusted hops forwarded them. */
export function resolveClient(socketAddress: string | undefined, headers: ForwardingHeaders, trust: ProxyTrust | null): Client {
  const peer = socketAddress ? normalAddress(socketAddress) : 'unknown';
  if (!trust || !trust.trusts(peer, 0)) return { address: peer, scheme: 'http' };
  const fromForwarded = headers.forwardedFor === undefined && headers.forwarded !== undefined;
  const chain = fromForwarded ? forwardedElements(headers.forwarded!) : (headers.forwardedFor ?? '').split(',').map((entry) => ({ for: entry.trim(), proto: undefined }));
  let address = peer;
  let proto = fromForwarded ? undefined : firstValue(headers.forwardedProto);
  for (let hop = 0; hop < chain.length; hop++) {
    if (hop > 0 && !trust.trusts(address, hop)) break;
    const entry = chain[chain.length - 1 - hop]!;
    const next = forwardedAddress(entry.for);
    // A value that is no address (garbage, `unknown`, an obfuscated name) ends the walk at the
    // last hop that is known: guessing past it would let anything upstream choose the address.
    if (!next) break;
    address = next;
    if (fromForwarded) proto = entry.proto;
  }
  return { address, scheme: proto?.toLowerCase() === 'https' ? 'https' : 'http' };
}

function firstValue(header: string | undefined): string | undefined {
  return header?.split(',', 1)[0]!.trim();
}

/** RFC 7239 elements, left to right: `for=192.0.2.1;proto=https, for="[2001:db8::1]:8080"`. */
function forwardedElements(header: string): { for: string; proto: string | undefined }[] {
  return header.split(',').map((element) => {
    const pairs = new Map<string, string>();
    for (const pair of element.split(';')) {
      const equals = pair.indexOf('=');
      if (equals > 0) pairs.set(pair.slice(0, equals).trim().toLowerCase(), pair.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1'));
    }
    return { for: pairs.get('for') ?? '', proto: pairs.get('proto') };
  });
}

/** The address in one forwarded value, without a port or brackets; null when it is none. */
function forwardedAddress(value: string): string | null {
  let candidate = value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(candidate)) candidate = candidate.slice(0, candidate.indexOf(':'));
  return isIP(candidate) ? normalAddress(candidate) : null;
}
