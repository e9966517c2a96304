import { describe, expect, it } from 'vitest';
import { loggedPath } from '../../src/lib/log.js';
import { accessLogLine, type AccessLogLine } from '../../src/lib/response-headers.js';

// The line is assembled by hand for speed; it must stay exactly what JSON.stringify of the entry gives.

const entries: AccessLogLine[] = [
  { id: 'abc-12345678', method: 'GET', path: '/t/1/quote"back\\slash\u2028é', status: 200, started: 0, user: null, client: '127.0.0.1' },
  { id: 'abc-12345678', method: 'POST', path: '/account/sessions/abcdef/end', status: 303, started: 0, user: 42, client: undefined },
  { id: 'abc-12345678', method: 'GET', path: '/x/aaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbb', status: 404, started: 0, user: 7, client: '2001:db8::/48' },
];

describe('access log line', () => {
  it.each(entries)('is the JSON of its fields, client only when logged ($path)', (entry) => {
    const line = accessLogLine({ ...entry, started: performance.now() });
    const { time, ms } = JSON.parse(line) as { time: string; ms: number };
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const { id, method, path, status, user, client } = entry;
    expect(line).toBe(JSON.stringify({ time, id, method, path: loggedPath(path), status, ms, user, client }));
  });
});
