import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { compactScript } from '../../src/embed/loader.js';
import { embedOriginError, isAllowedOrigin, lookalikeOf, parseEmbedOrigin } from '../../src/embed/origins.js';
import { canAttachThreadKey, canManageEmbedding, canRegisterEmbedThreads } from '../../src/embed/permissions.js';
import type { SignedIn, Viewer } from '../../src/lib/context.js';
import { projectPath } from '../../src/lib/paths.js';

describe('parseEmbedOrigin', () => {
  it.each([
    ['https://help.example.com', 'https://help.example.com'],
    ['  https://help.example.com  ', 'https://help.example.com'],
    ['https://help.example.com/', 'https://help.example.com'],
    ['HTTPS://Help.Example.COM', 'https://help.example.com'],
    ['https://help.example.com:443', 'https://help.example.com'],
    ['https://help.example.com:8443', 'https://help.example.com:8443'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('accepts %s as %s', (input, origin) => {
    expect(parseEmbedOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /Enter an exact origin/],
    ['*', /Wildcards are not allowed/],
    ['https://*.example.com', /Wildcards are not allowed/],
    ['null', /"null" is the origin of sandboxed frames/],
    ['https://help.example.com/articles', /has a path/],
    ['https://help.example.com/?x=1', /has a path, query or fragment/],
    ['https://help.example.com#top', /has a path, query or fragment/],
    ['https://user@help.example.com', /contains a user name/],
    ['https://help.example.com@evil.net', /contains a user name/],
    ['http://help.example.com', /plain http, which is allowed only for localhost/],
    ['http://192.168.1.10:3000', /plain http/],
    ['ftp://help.example.com', /Only https:\/\/ sites can embed/],
    ['javascript:alert(1)', /Only https:\/\/ sites can embed/],
    ['help.example.com', /is not an origin/],
    ['https://help.example.com.', /ends with a dot/],
    ['https://help example.com', /is not an origin/],
    ['https:\\\\help.example.com', /is not an origin/],
  ])('refuses %j', (input, message) => {
    const check = parseEmbedOrigin(input);
    expect(check.ok).toBe(false);
    expect(embedOriginError(input)).toMatch(message);
  });
});

describe('look-alikes', () => {
  const allowed = ['https://help.example.com', 'http://localhost:5173'];

  it.each([
    ['https://help.example.com.evil.net', 'https://help.example.com'],
    ['https://help.example.com.co', 'https://help.example.com'],
    ['https://evil.example.com', undefined],
    ['https://example.com', undefined],
    ['https://help.example.community', undefined],
    ['https://help.example.com', undefined],
  ])('%s imitates %s', (candidate, imitated) => {
    expect(lookalikeOf(candidate, allowed)).toBe(imitated);
  });

  it('matches allowed origins exactly, never by prefix or suffix', () => {
    expect(isAllowedOrigin('https://help.example.com', allowed)).toBe(true);
    for (const origin of ['https://help.example.com.evil.net', 'https://evilhelp.example.com', 'http://help.example.com', 'https://help.example.com:444', 'null', undefined]) {
      expect(isAllowedOrigin(origin, allowed)).toBe(false);
    }
  });
});

describe('EMBED_ORIGINS applies the same rules', () => {
  it('normalizes each origin', () => {
    expect(loadConfig({ EMBED_ORIGINS: 'HTTPS://Help.Example.com/, http://localhost:5173' }).embedOrigins).toEqual(['https://help.example.com', 'http://localhost:5173']);
  });

  it.each(['http://help.example.com', 'null', 'https://help.example.com,https://help.example.com.evil.net'])('refuses %s in one line', (value) => {
    expect(() => loadConfig({ EMBED_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ EMBED_ORIGINS: value })).toThrow(/EMBED_ORIGINS/);
  });
});

const member: SignedIn = { id: 1, username: 'ann', role: 'member', createdAt: 0 };
const manager: SignedIn = { id: 2, username: 'mia', role: 'manager', createdAt: 0 };
const scoped: SignedIn = { id: 3, username: 'sam', role: 'manager', createdAt: 0, scope: [7] };
const admin: SignedIn = { id: 4, username: 'ada', role: 'admin', createdAt: 0 };
const viewers: Record<string, Viewer> = { anonymous: null, member, manager, scoped, admin };

describe('embedding permissions', () => {
  it.each([
    ['anonymous', false],
    ['member', false],
    ['manager', false],
    ['admin', true],
  ])('canManageEmbedding: %s → %s', (name, expected) => {
    expect(canManageEmbedding(viewers[name] ?? null)).toBe(expected);
  });

  it.each([
    ['anonymous', 1, false],
    ['member', 1, false],
    ['manager', 1, true],
    ['scoped', 7, true],
    ['scoped', 1, false],
    ['admin', 1, true],
  ])('canAttachThreadKey: %s in category %i → %s', (name, categoryId, expected) => {
    expect(canAttachThreadKey(viewers[name] ?? null, categoryId)).toBe(expected);
  });

  it.each([
    [null, false],
    [{ role: 'member' }, false],
    [{ role: 'manager' }, false],
    [{ role: 'admin' }, true],
  ])('canRegisterEmbedThreads: key created by %o → %s', (creator, expected) => {
    expect(canRegisterEmbedThreads(creator)).toBe(expected);
  });
});

describe('compactScript', () => {
  it('drops whole-line comments and indentation but keeps every statement', () => {
    const source = "/*\n * header\n */\n(function () {\n  // why\n  var a = 'http://x'; // trailing stays\n\n  return a;\n})();\n";
    expect(compactScript(source)).toBe("(function () {\nvar a = 'http://x'; // trailing stays\nreturn a;\n})();\n");
  });

  it('leaves embed.js valid JavaScript', () => {
    const compact = compactScript(readFileSync(projectPath('static/embed.js'), 'utf8'));
    expect(() => new Function(compact)).not.toThrow();
    expect(compact).not.toMatch(/^\s*\/\//m);
  });
});
