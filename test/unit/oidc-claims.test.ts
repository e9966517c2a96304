import { describe, expect, it } from 'vitest';
import { parseRoleClaim, roleFromClaims, type RoleClaim } from '../../src/auth/oidc-settings.js';
import { usernameCandidate, usernameFromText } from '../../src/auth/provider-usernames.js';

describe('usernames from the provider\'s claims', () => {
  it.each([
    ['Zoë Ñandú', 'Zoe_Nandu'],
    ['ｊｏｈｎ．ｄｏｅ', 'johndoe'],
    ['a-very-long-preferred-username-indeed', 'a-very-long-preferre'],
    ['李小龙', ''],
    ['ab', ''],
    [42, ''],
  ])('folds %j to %j', (claim, expected) => {
    expect(usernameFromText(claim)).toBe(expected);
  });

  it('takes the first claim that makes a valid name, then the address, then "member"', () => {
    expect(usernameCandidate({ preferred_username: '李小龙', nickname: 'bruce', email: 'lee@example.com' })).toBe('bruce');
    expect(usernameCandidate({ name: '李小龙', email: 'lee.xl@example.com' })).toBe('leexl');
    expect(usernameCandidate({ name: '李小龙' })).toBe('member');
  });
});

describe('roles from a claim', () => {
  const claim = parseRoleClaim('groups:community-managers=manager, community-admins = admin') as RoleClaim;

  it('gives the highest mapped value, member when none, and nothing when no claim is configured', () => {
    expect(roleFromClaims(claim, { groups: ['community-managers', 'community-admins'] })).toBe('admin');
    expect(roleFromClaims(claim, { groups: 'community-managers' })).toBe('manager');
    expect(roleFromClaims(claim, { groups: ['staff'] })).toBe('member');
    expect(roleFromClaims(claim, {})).toBe('member');
    expect(roleFromClaims(null, { groups: ['community-admins'] })).toBeNull();
  });

  it.each(['groups', ':a=admin', 'groups:a', 'groups:a=owner', 'groups:a=admin=x'])('refuses %j with a message', (value) => {
    expect(parseRoleClaim(value)).toBeInstanceOf(Error);
  });
});
