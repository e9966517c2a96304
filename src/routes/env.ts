import type { Config } from '../config.js';
import type { I18n } from '../i18n/translator.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import type { Site } from '../../views/layout.js';
import type { PageCache } from '../lib/page-cache.js';
import type { ThreadViewCounter } from '../insights/thread-views.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { ErrorCounter } from '../lib/error-counter.js';
import type { UploadStore } from '../uploads/store.js';

/** What every route handler can read from the context. */
export type AppEnv = {
  Variables: {
    viewer: Viewer;
    sessionId: string | null;
    services: ServiceContext;
    config: Config;
    site: Site;
    pageCache: PageCache;
    threadViews: ThreadViewCounter;
    /** Unhandled errors this process answered (src/lib/error-counter.ts). */
    errorCounter: ErrorCounter;
    limits: RateLimiter;
    /** Where uploaded images go and how large they may be (src/uploads/). */
    uploads: { store: UploadStore; maxBytes: number };
    requestId: string;
    /** The operator's error log (what createApp was given). */
    log: (message: string, error?: unknown) => void;
    /** This response's CSP nonce (src/lib/csp.ts). */
    nonce: string;
    /** The language, time zone and clock this response is written in (src/routes/request-i18n.ts). */
    i18n: I18n;
  };
};
