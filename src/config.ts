import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { inEnglish, lookalikeMessage, lookalikeOf, parseEmbedOrigin } from './embed/origins.js';
import { shippedLocales, SOURCE_LOCALE } from './i18n/catalog.js';
import { supportedLocale } from './i18n/negotiate.js';
import { isTimeZone } from './i18n/time-zones.js';
import { parseProxyTrust, type ProxyTrust } from './lib/client-address.js';
import { AA_NORMAL_TEXT, brandContrast, formatRatio } from './lib/contrast.js';
import type { LogIp } from './lib/logged-address.js';
import { isLoopbackHttp, parseRoleClaim, type OidcSettings, type RoleClaim } from './auth/oidc-settings.js';

const flag = z.enum(['0', '1']).transform((value) => value === '1');
const onOff = z.enum(['on', 'off']).transform((value) => value === 'on');

// EMBED_ORIGINS obeys the same rules as the admin page (src/embed/origins.ts): exact origins,
// http only for localhost/127.0.0.1, no look-alikes of one another.
const origin = z.string().transform((value, ctx) => {
  const check = parseEmbedOrigin(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: inEnglish(check.message) });
  return check.ok ? check.origin : value;
});
const origins = z.array(origin).superRefine((list, ctx) => {
  for (const candidate of list) {
    const imitated = lookalikeOf(candidate, list);
    if (imitated) ctx.addIssue({ code: 'custom', message: inEnglish(lookalikeMessage(candidate, imitated)) });
  }
});

const environment = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/hearth.db'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DEMO_SEED: flag.default(true),
  EMBED_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(origins),
  SITE_NAME: z.string().trim().min(1).max(60).optional(),
  BRAND_COLOR: z
    .string()
    .regex(/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl|oklch)a?\([0-9.,%\s/a-z-]+\))$/, 'must be a CSS colour such as #2563eb')
    // The same rule as Admin → Appearance: white text on it, and it as link text, must stay readable.
    .superRefine((color, ctx) => {
      const ratio = brandContrast(color);
      if (ratio === null) ctx.addIssue({ code: 'custom', message: 'must be an opaque CSS colour (hex, a name, rgb(), hsl() or oklch()) such as #2563eb' });
      else if (ratio < AA_NORMAL_TEXT) ctx.addIssue({ code: 'custom', message: `contrasts ${formatRatio(ratio)}:1 with white text and the page, under the ${AA_NORMAL_TEXT.toFixed(1)}:1 that text needs; choose a darker colour such as #2563eb` });
    })
    .default('#2563eb'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  RATE_LIMIT: onOff.default(true),
  SMTP_URL: z
    .string()
    .default('')
    .refine((value) => value === '' || /^smtps?:\/\/[^\s]+$/.test(value), 'must be an smtp:// or smtps:// URL, such as smtp://user:pass@mail.example.com:587'),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL', 'EXTRA']).default('FULL'),
  DEFAULT_LOCALE: z
    .string()
    .default(SOURCE_LOCALE)
    .transform((value, ctx) => {
      const locale = supportedLocale(value);
      if (!locale) ctx.addIssue({ code: 'custom', message: `must be one of the shipped locales: ${shippedLocales.join(', ')}` });
      return locale ?? value;
    }),
  TIME_ZONE: z.string().default('UTC').refine(isTimeZone, 'must be an IANA time zone such as Europe/Istanbul or Asia/Shanghai'),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return null;
      const trust = parseProxyTrust(value);
      if (trust instanceof Error) ctx.addIssue({ code: 'custom', message: trust.message });
      return trust instanceof Error ? null : trust;
    }),
  LOG_IP: z.enum(['full', 'truncated', 'off'], { error: 'must be full, truncated or off' }).default('full'),
  IP_RETENTION_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').default(30),
  EXPORTS_PATH: z.string().min(1).optional(),
  CACHE_PURGE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, such as http://127.0.0.1:80' }).optional(),
  WORKERS: z
    .string()
    .default('1')
    .refine((value) => value === 'auto' || /^[1-9][0-9]{0,2}$/.test(value), 'must be a whole number of server processes from 1 to 999, or auto (one per core)')
    .transform((value) => (value === 'auto' ? availableParallelism() : Number(value))),
  // Images members upload (docs/uploads.md): the largest file accepted, and where files are kept.
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024, 'must be at least 1024 bytes').max(100 * 1024 * 1024, 'must be at most 104857600 (100 MB)').default(8 * 1024 * 1024),
  UPLOADS_PATH: z.string().min(1).optional(),
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'must be the provider\'s issuer URL, such as https://login.example.com/realms/brand' })
    .refine((value) => value.startsWith('https:') || isLoopbackHttp(value), 'must be an https:// URL (plain http only for localhost)')
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(200).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  OIDC_ONLY: flag.default(false),
  OIDC_TRUST_EMAIL: flag.default(false),
  OIDC_ROLE_CLAIM: z
    .string()
    .optional()
    .transform((value, ctx): RoleClaim | null => {
      if (value === undefined) return null;
      const parsed = parseRoleClaim(value);
      if (parsed instanceof Error) ctx.addIssue({ code: 'custom', message: parsed.message });
      return parsed instanceof Error ? null : parsed;
    }),
}).superRefine((e, ctx) => {
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'is needed with OIDC_ISSUER: the client id the provider gave this community' });
  if (!e.OIDC_ISSUER && e.OIDC_CLIENT_ID) ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'is needed with OIDC_CLIENT_ID: the provider\'s issuer URL' });
  if (!e.OIDC_ISSUER && (e.OIDC_ONLY || e.OIDC_ROLE_CLAIM || e.OIDC_TRUST_EMAIL)) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'is needed for OIDC_ONLY, OIDC_ROLE_CLAIM and OIDC_TRUST_EMAIL' });
  }
});

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  baseUrl: string;
  secureCookies: boolean;
  demoSeed: boolean;
  embedOrigins: string[];
  siteName: string | undefined;
  brandColor: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  rateLimit: boolean;
  smtpUrl: string;
  /** Sender of every email; undefined means "Site name <no-reply@host of BASE_URL>". */
  mailFrom: string | undefined;
  /** Where email goes as .eml files when SMTP_URL is empty: MAIL_OUTBOX_DIR, else `outbox/` beside the database. */
  mailOutboxDir: string;
  sqliteSynchronous: 'FULL' | 'NORMAL' | 'EXTRA';
  /** The community's language and time zone until an admin changes them (src/i18n/community.ts). */
  defaultLocale: string;
  timeZone: string;
  /** Which proxies' X-Forwarded-For/Forwarded are believed (src/lib/client-address.ts); null trusts none. */
  trustProxy: ProxyTrust | null;
  logIp: LogIp;
  /** Client addresses in sign-in history and rate-limit buckets are removed after this many days (src/privacy/retention.ts). */
  ipRetentionDays: number;
  /** Where members' data exports (ZIP files) are built: EXPORTS_PATH, else `exports/` beside the database. */
  exportsDir: string;
  /** Where PURGE requests for the pages a write changed go (a cache in front, src/lib/cache-purge.ts); null sends none. */
  cachePurgeUrl: string | null;
  /** Server processes on one port and one database (src/operations/cluster-primary.ts); 1 runs none extra. */
  workers: number;
  /** The brand's OpenID Connect provider (src/auth/oidc-settings.ts); null when OIDC_ISSUER is unset. */
  oidc: OidcSettings | null;
  /** The largest image a member may upload, in bytes (UPLOAD_MAX_BYTES, default 8 MB). */
  uploadMaxBytes: number;
  /** Where uploaded images are stored: UPLOADS_PATH, else `uploads/` beside the database. */
  uploadsPath: string;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    baseUrl,
    secureCookies: baseUrl.startsWith('https:'),
    demoSeed: e.DEMO_SEED,
    embedOrigins: e.EMBED_ORIGINS,
    siteName: e.SITE_NAME,
    brandColor: e.BRAND_COLOR,
    logLevel: e.LOG_LEVEL,
    rateLimit: e.RATE_LIMIT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailOutboxDir: e.MAIL_OUTBOX_DIR ?? join(dirname(e.DATABASE_PATH), 'outbox'),
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    defaultLocale: e.DEFAULT_LOCALE,
    timeZone: e.TIME_ZONE,
    trustProxy: e.TRUST_PROXY,
    logIp: e.LOG_IP,
    ipRetentionDays: e.IP_RETENTION_DAYS,
    exportsDir: e.EXPORTS_PATH ?? join(dirname(e.DATABASE_PATH), 'exports'),
    cachePurgeUrl: e.CACHE_PURGE_URL?.replace(/\/+$/, '') ?? null,
    workers: e.WORKERS,
    oidc: e.OIDC_ISSUER && e.OIDC_CLIENT_ID
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET ?? '', only: e.OIDC_ONLY, trustEmail: e.OIDC_TRUST_EMAIL, roleClaim: e.OIDC_ROLE_CLAIM }
      : null,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadsPath: e.UPLOADS_PATH ?? join(dirname(e.DATABASE_PATH), 'uploads'),
  };
}

/**
 * The start's warning when real mail goes out (SMTP_URL) with links to a plain-http BASE_URL:
 * RFC 8058 one-click unsubscribe wants an https URL in List-Unsubscribe, and providers may
 * ignore it otherwise. Null when there is nothing to say (.eml files, or https).
 */
export function mailLinksWarning(config: Pick<Config, 'smtpUrl' | 'baseUrl'>): string | null {
  if (!config.smtpUrl || config.baseUrl.startsWith('https://')) return null;
  return `BASE_URL is ${config.baseUrl}: unsubscribe and confirmation links in email will be plain http, and mail providers may ignore one-click unsubscribe. Set BASE_URL to the public https:// address of the community.`;
}

/** A configuration for tests and tools: defaults plus overrides, no environment read. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Abuse limits are off unless a test is about them: suites post far faster than any person.
  const config = { ...loadConfig({}), databasePath: ':memory:', demoSeed: false, logLevel: 'silent' as const, rateLimit: false, ...overrides };
  // Mail written as files lands beside the test's own database, never in the project's ./data.
  const beside = (name: string) => join(dirname(config.databasePath), name);
  return {
    ...config,
    mailOutboxDir: overrides.mailOutboxDir ?? beside('outbox'),
    uploadsPath: overrides.uploadsPath ?? beside('uploads'),
    exportsDir: overrides.exportsDir ?? beside('exports'),
  };
}
