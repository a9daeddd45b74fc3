import { parseAccept } from 'hono/utils/accept'
import { type FreshnessBound, freshnessLeft } from './cache-control.ts'
import { isNotModified } from './conditional-get.ts'
import { gzipEtag, type Representation } from './representation.ts'

/** What a response adds to its representation: built once per representation and URL, never per request. */
export interface ResponseProfile {
  /** `Cache-Control` value. */
  cacheControl: string
  /** Request headers the choice of representation depended on (`Accept`, `Sec-Fetch-Dest`), for `Vary`. */
  vary?: readonly string[]
  /** Headers of 200 responses only: `Link`, security headers, `Cache-Tag`. */
  headers?: Record<string, string>
  /** Headers of a 200 about the representation or its readers (`Content-Location`, CORS): its 304 keeps those {@link RETAINED_304_HEADERS} names. */
  shared?: Record<string, string>
  /** When the bytes will change (a scheduled article appears): freshness is cut to end by then, per request. */
  bound?: FreshnessBound
}

/**
 * A representation with its four header records (200 and 304, identity and gzip) built in advance,
 * so answering a request is a header lookup and one `new Response`: what the fastest static Worker
 * does.
 */
export interface PreparedResponse {
  representation: Representation
  /** `Last-Modified` in milliseconds, for `If-Modified-Since`; `undefined` when there is none. */
  lastModifiedMs: number | undefined
  ok: Record<string, string>
  okGzip?: Record<string, string>
  notModified: Record<string, string>
  notModifiedGzip?: Record<string, string>
  /** See {@link ResponseProfile.bound}. */
  bound?: FreshnessBound
  /** When it was made (ms since the epoch): a stale copy's `Age` counts from it (see `staleCopy`). */
  made?: number
  /** A stale copy (see `staleCopy`): served while a fresh one cannot be had, never kept. */
  stale?: true
}

/**
 * What a 304 repeats of its 200 (RFC 9110 §15.4.5: "Content-Location, Date, ETag, and Vary" and
 * "Cache-Control and Expires"; the runtime adds Date and no response here has Expires), plus
 * `Access-Control-Allow-Origin`, so a script that sent the validator can read the status (Fetch
 * standard, CORS check). Nothing else: a poller uses none of it.
 */
export const RETAINED_304_HEADERS = [
  'ETag',
  'Cache-Control',
  'Vary',
  'Content-Location',
  'Access-Control-Allow-Origin',
] as const

/** Builds the header records of `representation` (see {@link PreparedResponse}). */
export function prepareResponse(
  representation: Representation,
  profile: ResponseProfile,
  made?: number,
): PreparedResponse {
  const vary = [...(profile.vary ?? []), ...(representation.gzip ? ['Accept-Encoding'] : [])]
  const records = (etag: string, body: Uint8Array, coding?: string) => {
    const ok: Record<string, string> = {
      'Content-Type': representation.contentType,
      'Content-Length': String(body.byteLength),
      ETag: etag,
      'Cache-Control': profile.cacheControl,
      ...profile.shared,
      ...(vary.length > 0 && { Vary: vary.join(', ') }),
      ...(representation.lastModified && { 'Last-Modified': representation.lastModified }),
      ...profile.headers,
    }
    if (coding) ok['Content-Encoding'] = coding
    return { ok, notModified: retained(ok) }
  }
  const identity = records(representation.etag, representation.body)
  const prepared: PreparedResponse = {
    representation,
    lastModifiedMs: representation.lastModified ? Date.parse(representation.lastModified) : undefined,
    ...identity,
    ...(profile.bound && { bound: profile.bound }),
    ...(made !== undefined && { made }),
  }
  if (representation.gzip) {
    const gzip = records(gzipEtag(representation.etag), representation.gzip, 'gzip')
    prepared.okGzip = gzip.ok
    prepared.notModifiedGzip = gzip.notModified
  }
  return prepared
}

/** The headers of a 200 that its 304 keeps ({@link RETAINED_304_HEADERS}). */
function retained(ok: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const name of RETAINED_304_HEADERS) if (ok[name] !== undefined) kept[name] = ok[name]
  return kept
}

/**
 * Answers a GET or HEAD from a prepared response: `304` when the client's validators match, else
 * `200` with the body, gzip-coded when the client accepts it. Nothing is rendered, hashed,
 * compressed or assembled here; only a response whose bytes change at a scheduled time soon gets
 * its `Cache-Control` cut to the seconds left (see {@link freshnessLeft}).
 *
 * @param now - the request's time (ms), for {@link PreparedResponse.bound}
 */
export function sendPrepared(request: Request, prepared: PreparedResponse, now: number): Response {
  const headers = request.headers
  const gzip = prepared.okGzip !== undefined && acceptsGzip(clientAcceptEncoding(request, headers))
  const cut = prepared.bound && freshnessLeft(prepared.bound, now)
  if (isNotModified(headers, prepared.representation.etag, prepared.lastModifiedMs)) {
    const record = gzip ? (prepared.notModifiedGzip as Record<string, string>) : prepared.notModified
    return new Response(null, { status: 304, headers: cut ? withFreshness(record, cut, prepared.ok) : record })
  }
  const { representation } = prepared
  const record = gzip ? (prepared.okGzip as Record<string, string>) : prepared.ok
  // `manual`: the bytes are already gzip-coded; the runtime must send them as they are.
  return new Response(gzip ? representation.gzip : representation.body, {
    headers: cut ? withFreshness(record, cut, prepared.ok) : record,
    encodeBody: 'manual',
  })
}

/**
 * A response's headers with `Cache-Control` cut. Workers Cache reads `Cloudflare-CDN-Cache-Control`
 * before `Cache-Control`, so it gets the same cut, on a 304 too (a revalidated entry takes the
 * 304's headers, RFC 9111 §4.3.4); a `no-store` there (`ok`'s: no `SITE_URL`) stays.
 */
function withFreshness(
  record: Record<string, string>,
  cacheControl: string,
  ok: Record<string, string>,
): Record<string, string> {
  const cdn = ok['Cloudflare-CDN-Cache-Control'] === 'no-store' ? 'no-store' : cacheControl
  return { ...record, 'Cache-Control': cacheControl, 'Cloudflare-CDN-Cache-Control': cdn }
}

/**
 * The client's own `Accept-Encoding`. Cloudflare's front line (and miniflare, which emulates it)
 * replaces the header a Worker sees with `br, gzip` and keeps the client's value in
 * `request.cf.clientAcceptEncoding`; it only re-codes responses of the types it compresses itself,
 * so for `application/atom+xml` or `application/feed+json` a gzip body would reach a client that
 * never asked for it. A header without gzip was not rewritten, so `request.cf` (which the runtime
 * builds on first access) is only read when the header names gzip.
 */
export function clientAcceptEncoding(request: Request, headers: Headers = request.headers): string | null {
  const header = headers.get('Accept-Encoding')
  if (header === null || !/gzip/i.test(header)) return header
  const cf = (request as { cf?: { clientAcceptEncoding?: unknown } }).cf
  return typeof cf?.clientAcceptEncoding === 'string' ? cf.clientAcceptEncoding : header
}

/** Whether `Accept-Encoding` allows gzip (RFC 9110 §12.5.3): named or `*`, with q > 0. */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false
  // The common case, `gzip, deflate, br` with no weights, without parsing.
  if (!acceptEncoding.includes(';'))
    return /(?:^|[\s,])(?:x-)?gzip(?:$|[\s,])|(?:^|[\s,])\*(?:$|[\s,])/i.test(acceptEncoding)
  let q: number | undefined
  for (const coding of parseAccept(acceptEncoding)) {
    const name = coding.type.toLowerCase()
    if (name === 'gzip' || name === 'x-gzip') q = coding.q
    else if (name === '*' && q === undefined) q = coding.q
  }
  return q !== undefined && Number.isFinite(q) && q > 0
}
