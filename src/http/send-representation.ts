import { parseAccept } from 'hono/utils/accept'
import { isNotModified } from './conditional-get.ts'
import { gzipEtag, type Representation } from './representation.ts'

/** Options of {@link sendRepresentation}. */
export interface SendOptions {
  /** `Cache-Control` value. */
  cacheControl: string
  /** Request headers the choice of representation depended on (`Accept`, …), for `Vary`. */
  vary?: readonly string[]
  /** Further headers for 200 and 304 alike (`Link`, `Content-Location`). */
  headers?: Record<string, string>
}

/**
 * Answers a GET or HEAD from a prepared representation: `304` when the client's validators match
 * (with the headers RFC 9110 §15.4.5 says a 304 keeps, and no body), else `200` with the body,
 * gzip-coded when the client accepts it. Nothing is rendered, hashed or compressed here.
 */
export function sendRepresentation(request: Request, representation: Representation, options: SendOptions): Response {
  const gzip = representation.gzip !== undefined && acceptsGzip(clientAcceptEncoding(request))
  // One plain record, handed to the Response at once: cheaper than a Headers object set field by field.
  const headers: Record<string, string> = { ...options.headers, 'Cache-Control': options.cacheControl, ETag: gzip ? gzipEtag(representation.etag) : representation.etag }
  const vary = representation.gzip ? [...(options.vary ?? []), 'Accept-Encoding'] : (options.vary ?? [])
  if (vary.length > 0) headers.Vary = vary.join(', ')
  if (isNotModified(request.headers, representation)) return new Response(null, { status: 304, headers })

  const body = gzip ? (representation.gzip as Uint8Array) : representation.body
  headers['Content-Type'] = representation.contentType
  headers['Last-Modified'] = representation.lastModified
  headers['Content-Length'] = String(body.byteLength)
  if (gzip) headers['Content-Encoding'] = 'gzip'
  // `manual`: the bytes are already gzip-coded; the runtime must send them as they are.
  return new Response(body, { status: 200, headers, encodeBody: 'manual' })
}

/**
 * The client's own `Accept-Encoding`. Cloudflare's front line (and miniflare, which emulates it)
 * replaces the header a Worker sees with `br, gzip` and keeps the client's value in
 * `request.cf.clientAcceptEncoding`; it only re-codes responses of the types it compresses itself,
 * so for `application/atom+xml` or `application/feed+json` a gzip body would reach a client that
 * never asked for it.
 */
export function clientAcceptEncoding(request: Request): string | null {
  const cf = (request as { cf?: { clientAcceptEncoding?: unknown } }).cf
  return typeof cf?.clientAcceptEncoding === 'string' ? cf.clientAcceptEncoding : request.headers.get('Accept-Encoding')
}

/** Whether `Accept-Encoding` allows gzip (RFC 9110 §12.5.3): named or `*`, with q > 0. */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false
  let q: number | undefined
  for (const coding of parseAccept(acceptEncoding)) {
    const name = coding.type.toLowerCase()
    if (name === 'gzip' || name === 'x-gzip') q = coding.q
    else if (name === '*' && q === undefined) q = coding.q
  }
  return q !== undefined && Number.isFinite(q) && q > 0
}
