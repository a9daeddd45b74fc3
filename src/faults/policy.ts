/**
 * How the Worker answers when what it reads from fails, hangs or lies (the content binding, the
 * Cache API), in one table. Each number is a promise to readers: an answer within the budget,
 * and a `Retry-After` they can act on. README "When the platform fails" and SECURITY.md state them.
 */
export const FAULT_POLICY = {
  /**
   * Longest a request waits for content before it is answered (a 503, or a stale copy): feed
   * readers give up after 10 to 30 s; 5 s leaves a slow binding room and every client an answer.
   */
  requestBudgetMs: 5_000,
  /**
   * Longest one content read (a `fetch` of the binding and its whole body) may take; it is cut
   * further to what is left of the request's budget. A healthy Static Assets read takes ~1 ms.
   */
  readTimeoutMs: 4_000,
  /**
   * Longest a Cache API `match` (and its body) or `put` may take. The Cache API only saves a
   * render: past this the representation is rendered instead, so a hanging cache costs this once
   * per render, not the request.
   */
  cacheTimeoutMs: 1_000,
  /** `Retry-After` of a 503, in seconds (RFC 9110 §10.2.3): long enough for a blip, short enough to poll again soon. */
  retryAfterSeconds: 30,
  /** Faults of one kind are logged once per this period, with a count of the others (no log storm). */
  logEveryMs: 60_000,
  /**
   * `stale-if-error` of responses caches may keep (RFC 5861 §4): a cache that holds a copy may
   * serve it for a day while this Worker answers errors.
   */
  staleIfErrorSeconds: 86_400,
} as const

/** The limits of one reader of content or of the Cache API: the table's, or a test's shorter ones. */
export interface FaultLimits {
  requestBudgetMs: number
  readTimeoutMs: number
  cacheTimeoutMs: number
}
