import type { ResolvedConfig } from '../config.ts'

/**
 * `Cache-Control` for feeds and pages: shared caches may store them (`public`), readers reuse them
 * for `max-age` seconds, and a cache may serve a stale copy for `stale-while-revalidate` seconds
 * while it fetches a fresh one (RFC 9111 §5.2.2, RFC 5861 §3).
 */
export function cacheControl(config: Pick<ResolvedConfig, 'cacheMaxAge' | 'cacheStaleWhileRevalidate'>): string {
  return `public, max-age=${config.cacheMaxAge}, stale-while-revalidate=${config.cacheStaleWhileRevalidate}`
}
