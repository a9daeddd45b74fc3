import type { SiteConfig } from '../model/site.ts'

/**
 * `Cache-Control` for feeds and pages: shared caches may store them (`public`), readers reuse them
 * for `max-age` seconds, and a cache may serve a stale copy for `stale-while-revalidate` seconds
 * while it fetches a fresh one (RFC 9111 §5.2.2, RFC 5861 §3).
 */
export function cacheControl(config: Pick<SiteConfig, 'cacheMaxAge' | 'cacheStaleWhileRevalidate'>): string {
  return `public, max-age=${config.cacheMaxAge}, stale-while-revalidate=${config.cacheStaleWhileRevalidate}`
}

/**
 * `Cache-Control` of bytes that never change (a full archive page, an image named by its hash):
 * any cache keeps them a year and need not revalidate (RFC 8246).
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
