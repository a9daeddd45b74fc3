import { FAULT_POLICY } from '../faults/policy.ts'
import type { SiteConfig } from '../model/site.ts'

/**
 * `Cache-Control` for feeds and pages: shared caches may store them (`public`), readers reuse them
 * for `max-age` seconds, and a cache may serve a stale copy for `stale-while-revalidate` seconds
 * while it fetches a fresh one (RFC 9111 §5.2.2, RFC 5861 §3). With `SITE_URL` set, where Workers
 * Cache keeps them, a cache may also serve its copy for `stale-if-error` seconds while this Worker
 * answers errors (RFC 5861 §4). Without it they are kept out of Workers Cache (see
 * `ResponseProfiles`), and browsers and feed readers do not implement `stale-if-error`: the
 * directive would only cost bytes on every poll.
 */
export function cacheControl(
  config: Pick<SiteConfig, 'cacheMaxAge' | 'cacheStaleWhileRevalidate' | 'baseUrl'>,
): string {
  const value = `public, max-age=${config.cacheMaxAge}, stale-while-revalidate=${config.cacheStaleWhileRevalidate}`
  return config.baseUrl ? `${value}, stale-if-error=${FAULT_POLICY.staleIfErrorSeconds}` : value
}

/**
 * `Cache-Control` of bytes that never change (a full archive page, an image named by its hash):
 * any cache keeps them a year and need not revalidate (RFC 8246).
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** When a response's bytes change (a scheduled article appears), and the freshness it has otherwise. */
export interface FreshnessBound {
  /** When the bytes change (ms since the epoch). */
  until: number
  maxAge: number
  staleWhileRevalidate: number
}

/**
 * The `Cache-Control` of a response whose bytes change at `bound.until`, when its usual freshness
 * (`max-age` plus `stale-while-revalidate`) would outlive that instant: both are cut so that no
 * cache serves it, fresh or stale, past the change (RFC 9111 §4.2.1, RFC 5861 §3). `undefined`
 * when the usual value ends before it.
 *
 * @param now - the request's time (ms since the epoch)
 */
export function freshnessLeft(bound: FreshnessBound, now: number): string | undefined {
  const left = Math.max(0, Math.floor((bound.until - now) / 1000))
  if (left >= bound.maxAge + bound.staleWhileRevalidate) return undefined
  const maxAge = Math.min(bound.maxAge, left)
  const stale = Math.min(bound.staleWhileRevalidate, left - maxAge)
  return stale > 0 ? `public, max-age=${maxAge}, stale-while-revalidate=${stale}` : `public, max-age=${maxAge}`
}
