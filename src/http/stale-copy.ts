import type { PreparedResponse } from './prepared-response.ts'

/**
 * A response this isolate made before, served because a fresh one cannot be had now (the content
 * binding fails): the same bytes and validators, marked stale. `Age` says how old it is (RFC 9111
 * §5.1); `Cache-Control: no-cache` lets a cache store it but never reuse it without asking again
 * (§5.2.2.4), so no cache keeps it as fresh; Workers Cache does not store it at all, so the copy it
 * may already hold (and serve under `stale-if-error`) is not replaced by an older one.
 *
 * @param now - the request's time (ms since the epoch)
 */
export function staleCopy(prepared: PreparedResponse, now: number): PreparedResponse {
  const age = String(Math.max(0, Math.floor((now - (prepared.made ?? now)) / 1000)))
  const mark = (record: Record<string, string>, ok: boolean): Record<string, string> => ({
    ...record,
    'Cache-Control': 'no-cache',
    ...(ok && { 'Cloudflare-CDN-Cache-Control': 'no-store' }),
    Age: age,
  })
  const { bound: _fresh, ...rest } = prepared
  return {
    ...rest,
    stale: true,
    ok: mark(prepared.ok, true),
    notModified: mark(prepared.notModified, false),
    ...(prepared.okGzip && { okGzip: mark(prepared.okGzip, true) }),
    ...(prepared.notModifiedGzip && { notModifiedGzip: mark(prepared.notModifiedGzip, false) }),
  }
}
