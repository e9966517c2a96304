import { describe, expect, it } from 'vitest';
import { normalAddress, parseProxyTrust, resolveClient, type ForwardingHeaders, type ProxyTrust } from '../../src/lib/client-address.js';
import { loggedAddress } from '../../src/lib/logged-address.js';

function trust(setting: string): ProxyTrust {
  const parsed = parseProxyTrust(setting);
  if (parsed instanceof Error) throw parsed;
  return parsed;
}

type Case = [name: string, socket: string | undefined, headers: ForwardingHeaders, setting: string | null, address: string, scheme?: 'http' | 'https'];

const cases: Case[] = [
  ['no trust: the socket, whatever the headers say', '203.0.113.9', { forwardedFor: '198.51.100.1', forwardedProto: 'https' }, null, '203.0.113.9'],
  ['spoofed X-Forwarded-For from an untrusted peer is ignored', '203.0.113.9', { forwardedFor: '198.51.100.1' }, '127.0.0.1', '203.0.113.9'],
  ['spoofed Forwarded from an untrusted peer is ignored', '203.0.113.9', { forwarded: 'for=198.51.100.1;proto=https' }, '10.0.0.0/8', '203.0.113.9'],
  ['hop count 0 trusts nobody', '127.0.0.1', { forwardedFor: '198.51.100.1' }, '0', '127.0.0.1'],
  ['a trusted peer without the header: the peer', '127.0.0.1', {}, '127.0.0.1', '127.0.0.1'],
  ['one trusted proxy: the entry it added', '127.0.0.1', { forwardedFor: '198.51.100.1' }, '127.0.0.1', '198.51.100.1'],
  ['the client cannot prepend a fake hop', '127.0.0.1', { forwardedFor: '6.6.6.6, 198.51.100.1' }, '127.0.0.1', '198.51.100.1'],
  ['a chain of trusted proxies is walked from the right', '10.0.0.2', { forwardedFor: '6.6.6.6, 198.51.100.1, 10.0.0.1' }, '10.0.0.0/8', '198.51.100.1'],
  ['every hop trusted: the leftmost entry', '10.0.0.2', { forwardedFor: '10.0.0.5, 10.0.0.1' }, '10.0.0.0/8', '10.0.0.5'],
  ['hop count 1: the rightmost entry', '192.0.2.50', { forwardedFor: '6.6.6.6, 198.51.100.1' }, '1', '198.51.100.1'],
  ['hop count 2: one entry further', '192.0.2.50', { forwardedFor: '6.6.6.6, 198.51.100.1, 192.0.2.51' }, '2', '198.51.100.1'],
  ['hop count longer than the chain: the leftmost entry', '192.0.2.50', { forwardedFor: '198.51.100.1' }, '5', '198.51.100.1'],
  ['IPv4-mapped socket address matches an IPv4 entry', '::ffff:127.0.0.1', { forwardedFor: '198.51.100.1' }, '127.0.0.1', '198.51.100.1'],
  ['IPv4-mapped forwarded address is logged and limited as IPv4', '::1', { forwardedFor: '::ffff:198.51.100.1' }, '::1', '198.51.100.1'],
  ['IPv6 proxy and client', '2001:db8::10', { forwardedFor: '2001:db8:abcd::7' }, '2001:db8::/64', '2001:db8:abcd::7'],
  ['IPv6 CIDR does not trust outside it', '2001:db9::10', { forwardedFor: '2001:db8:abcd::7' }, '2001:db8::/32', '2001:db9::10'],
  ['an entry with a port', '127.0.0.1', { forwardedFor: '198.51.100.1:4711' }, '127.0.0.1', '198.51.100.1'],
  ['malformed entry ends the walk at the last known hop', '127.0.0.1', { forwardedFor: '<script>' }, '127.0.0.1', '127.0.0.1'],
  ['empty entry ends the walk', '10.0.0.2', { forwardedFor: '198.51.100.1, , 10.0.0.1' }, '10.0.0.0/8', '10.0.0.1'],
  ['an empty header: the peer', '127.0.0.1', { forwardedFor: '' }, '127.0.0.1', '127.0.0.1'],
  ['no socket (in-process)', undefined, { forwardedFor: '198.51.100.1' }, '127.0.0.1', 'unknown'],
  ['X-Forwarded-Proto from a trusted peer', '127.0.0.1', { forwardedFor: '198.51.100.1', forwardedProto: 'https' }, '127.0.0.1', '198.51.100.1', 'https'],
  ['X-Forwarded-Proto other than https is http', '127.0.0.1', { forwardedProto: 'gopher' }, '127.0.0.1', '127.0.0.1', 'http'],
  ['Forwarded for= and proto=', '127.0.0.1', { forwarded: 'for=198.51.100.1;proto=https' }, '127.0.0.1', '198.51.100.1', 'https'],
  ['Forwarded with a quoted IPv6 and port', '127.0.0.1', { forwarded: 'for="[2001:db8:cafe::17]:4711"' }, '127.0.0.1', '2001:db8:cafe::17'],
  ['Forwarded chain, case-insensitive names', '10.0.0.2', { forwarded: 'for=6.6.6.6, For=198.51.100.1;Proto=https, for=10.0.0.1' }, '10.0.0.0/8', '198.51.100.1', 'https'],
  ['Forwarded obfuscated identifier stops the walk', '127.0.0.1', { forwarded: 'for=_hidden' }, '127.0.0.1', '127.0.0.1'],
  ['Forwarded "unknown" stops the walk', '127.0.0.1', { forwarded: 'for=unknown' }, '127.0.0.1', '127.0.0.1'],
  ['X-Forwarded-For wins over Forwarded', '127.0.0.1', { forwardedFor: '198.51.100.1', forwarded: 'for=6.6.6.6' }, '127.0.0.1', '198.51.100.1'],
];

describe('resolveClient', () => {
  it.each(cases)('%s', (_name, socket, headers, setting, address, scheme = 'http') => {
    expect(resolveClient(socket, headers, setting === null ? null : trust(setting))).toEqual({ address, scheme });
  });
});

describe('parseProxyTrust', () => {
  it.each(['', 'nginx', '1.2.3', '10.0.0.0/33', '::1/129', '10.0.0.0/8/1', '127.0.0.1,', '33', '1.5'])('refuses %j', (setting) => {
    expect(parseProxyTrust(setting)).toBeInstanceOf(Error);
  });

  it('reads lists with spaces, single addresses and CIDRs of both families', () => {
    const list = trust(' 127.0.0.1 , 10.0.0.0/8, ::1, fd00::/8 ');
    expect(['127.0.0.1', '10.9.9.9', '::1', 'fd12::3'].map((address) => list.trusts(address, 3))).toEqual([true, true, true, true]);
    expect(['127.0.0.2', '11.0.0.1', '::2', 'fe80::1'].map((address) => list.trusts(address, 0))).toEqual([false, false, false, false]);
  });
});

describe('normalAddress and loggedAddress', () => {
  it.each([
    ['::ffff:192.0.2.1', 'full', '192.0.2.1'],
    ['192.0.2.1', 'truncated', '192.0.2.0/24'],
    ['2001:db8:abcd:12::7', 'truncated', '2001:db8:abcd::/48'],
    ['2001:db8::1', 'truncated', '2001:db8:0::/48'],
    ['::1', 'truncated', '0:0:0::/48'],
    ['2001:0db8:00ab::', 'truncated', '2001:db8:ab::/48'],
    ['unknown', 'truncated', 'unknown'],
    ['192.0.2.1', 'off', undefined],
  ] as const)('%s logged %s is %s', (address, mode, logged) => {
    expect(loggedAddress(normalAddress(address), mode)).toBe(logged);
  });
});
