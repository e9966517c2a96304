import { RateLimited } from './errors.js';

// In-process token buckets: one Node process serves the community, so memory is the right place.
// Each rule allows `limit` actions per `windowMs`, refilling continuously.

export type Rule = { limit: number; windowMs: number; message: string };

export const rules = {
  loginPerIp: { limit: 30, windowMs: 10 * 60_000, message: 'Too many sign-in attempts from your network.' },
  loginFailuresPerAccount: { limit: 10, windowMs: 15 * 60_000, message: '' },
  signupPerIp: { limit: 5, windowMs: 60 * 60_000, message: 'Too many new accounts from your network.' },
  postPerMember: { limit: 10, windowMs: 60_000, message: 'You are posting very quickly.' },
  // Spam comes from fresh accounts: in their first day members post at most once every 30 seconds.
  postPerNewMember: { limit: 1, windowMs: 30_000, message: 'New members can post once every 30 seconds.' },
  flagPerMember: { limit: 20, windowMs: 60 * 60_000, message: 'You have sent many flags in a short time.' },
  // Mailed links: enough for a typo or a slow inbox, too few to flood anyone's mailbox.
  resetPerIp: { limit: 10, windowMs: 60 * 60_000, message: 'Too many password reset requests from your network.' },
  resetPerAddress: { limit: 3, windowMs: 60 * 60_000, message: 'We already sent several links for that account recently.' },
  verificationPerMember: { limit: 3, windowMs: 60 * 60_000, message: 'We already sent several confirmation links recently.' },
  searchPerIp: { limit: 60, windowMs: 60_000, message: 'Too many searches in a short time.' },
  apiPerClient: { limit: 120, windowMs: 60_000, message: 'Too many API requests.' },
} satisfies Record<string, Rule>;

type Bucket = { tokens: number; updated: number };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(key: string, rule: Rule): Bucket {
    const now = this.now();
    const existing = this.buckets.get(key);
    if (!existing) return { tokens: rule.limit, updated: now };
    const refill = ((now - existing.updated) / rule.windowMs) * rule.limit;
    return { tokens: Math.min(rule.limit, existing.tokens + refill), updated: now };
  }

  /** Seconds until one more action is allowed (0 when allowed now). */
  wait(key: string, rule: Rule): number {
    if (!this.enabled) return 0;
    const bucket = this.bucket(key, rule);
    return bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) * rule.windowMs) / rule.limit / 1000);
  }

  /** Uses one action, or throws RateLimited saying when to try again. */
  take(key: string, rule: Rule): void {
    if (!this.enabled) return;
    const bucket = this.bucket(key, rule);
    if (bucket.tokens < 1) {
      const seconds = Math.ceil(((1 - bucket.tokens) * rule.windowMs) / rule.limit / 1000);
      throw new RateLimited(`${rule.message} Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, seconds);
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.prune();
  }

  /** Gives back one action taken for something that did not happen (a refused or failed post). */
  refund(key: string, rule: Rule): void {
    if (!this.enabled || !this.buckets.has(key)) return;
    const bucket = this.bucket(key, rule);
    bucket.tokens = Math.min(rule.limit, bucket.tokens + 1);
    this.buckets.set(key, bucket);
  }

  /** Full buckets carry no information; dropping them bounds memory. */
  private prune(): void {
    for (const [key, bucket] of this.buckets) {
      if (this.now() - bucket.updated > 60 * 60_000) this.buckets.delete(key);
    }
  }
}
