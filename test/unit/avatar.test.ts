import { describe, expect, it } from 'vitest';
import { avatarUrl, initialsColor, initialsOf } from '../../src/profiles/avatar.js';
import { impersonationKey } from '../../src/profiles/profile-text.js';

describe('initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['ada', 'A'],
    ['kettle_fan', 'KF'],
    ['Ömer Şahin', 'ÖŞ'],
    ['ışık', 'I'],
    ['王小明', '王'],
    ['ليلى أحمد', 'لأ'],
    ['  @bob  ', 'B'],
    ['🚲 rider', '🚲R'],
    ['👩‍👩‍👧', '👩‍👩‍👧'],
    ['e\u0301lise', 'É'],
    ['', '?'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials.normalize('NFC'));
  });
});

describe('initialsColor', () => {
  it('writes white on dark brand colours and dark ink on light ones', () => {
    expect(initialsColor('#2563eb')).toBe('#ffffff');
    expect(initialsColor('#fde047')).toBe('#111827');
    expect(initialsColor('not a colour')).toBe('#ffffff');
  });
});

describe('avatarUrl', () => {
  it('is the upload when there is one, else the generated SVG versioned by the display name', () => {
    expect(avatarUrl({ username: 'bob', displayName: null, avatarHash: 'abc', avatarExt: 'webp' })).toBe('/uploads/abc.webp');
    const plain = avatarUrl({ username: 'bob', displayName: null, avatarHash: null, avatarExt: null });
    const named = avatarUrl({ username: 'bob', displayName: 'Bob B', avatarHash: null, avatarExt: null });
    expect(plain).toMatch(/^\/u\/bob\/avatar\.svg\?v=[0-9a-z]+$/);
    expect(named).not.toBe(plain);
  });
});

describe('impersonationKey', () => {
  it('meets the username key however the name is dressed', () => {
    for (const name of ['bob', 'BOB', '@bob', 'ｂｏｂ', ' b o b ', '@@Bob']) expect(impersonationKey(name)).toBe('bob');
    expect(impersonationKey('Bob Smith')).toBe('bobsmith');
  });
});
