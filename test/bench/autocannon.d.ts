// The part of autocannon's API the load generator uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type RequestParams = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };
  export type Request = RequestParams & { setupRequest?: (request: RequestParams) => RequestParams };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    overallRate?: number;
    headers?: Record<string, string>;
    method?: string;
    requests?: Request[];
  };

  export type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; min: number; total: number };

  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = EventEmitter & {
    stop(): void;
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): Instance;
    on(event: 'done', listener: (result: Result) => void): Instance;
    on(event: 'reqError', listener: (error: Error) => void): Instance;
  };

  function autocannon(options: Options, callback?: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
