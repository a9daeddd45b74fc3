/**
 * One response body as it will be sent, with its validators, built once and reused for GET, HEAD
 * and 304 until the isolate ends. Content is fixed per deployment, so nothing here is per request.
 */
export interface Representation {
  /** UTF-8 bytes of the body. */
  body: Uint8Array
  /** The same bytes gzip-compressed, when that is worth it (see {@link MIN_GZIP_BYTES}). */
  gzip?: Uint8Array
  /** Strong validator of `body` (RFC 9110 §8.8.3): a hash of the bytes, quoted. */
  etag: string
  /** The SHA-256 of `body` (`digestOf`), when it was computed already: the Cache API stores it with the bytes. */
  digest?: string
  /**
   * HTTP-date (RFC 9110 §5.6.7) of the last change of these bytes: its `Last-Modified`. Absent when
   * no date is known to move whenever the bytes do (then only the ETag validates).
   */
  lastModified?: string
  contentType: string
}

/** Bodies smaller than this are sent uncompressed: gzip's framing would eat the gain. */
export const MIN_GZIP_BYTES = 1024

/**
 * Encodes `text`, hashes it for the ETag and compresses it once.
 *
 * @param text - the rendered body, or its bytes
 * @param contentType - full `Content-Type` value
 * @param updated - RFC 3339 date the bytes last changed, for `Last-Modified`; none when unknown
 * @param etag - the ETag when the bytes already have a name made from them (an image), so they are not hashed again
 */
export async function createRepresentation(
  text: string | Uint8Array,
  contentType: string,
  updated: string | undefined,
  etag?: string,
): Promise<Representation> {
  const body = typeof text === 'string' ? new TextEncoder().encode(text) : text
  const digest = etag === undefined ? await digestOf(body) : undefined
  const representation: Representation =
    digest === undefined
      ? { body, etag: etag as string, contentType }
      : { body, etag: `"${digest.slice(0, 24)}"`, digest, contentType }
  if (updated) representation.lastModified = new Date(updated).toUTCString()
  return withGzip(representation)
}

/** Adds the gzip-coded bytes when the body is large enough and the runtime can compress. */
export async function withGzip(representation: Representation): Promise<Representation> {
  const { body } = representation
  // Images (PNG) are compressed already.
  const compressible = !representation.contentType.startsWith('image/')
  if (compressible && body.byteLength >= MIN_GZIP_BYTES && typeof CompressionStream === 'function') {
    representation.gzip = new Uint8Array(
      await new Response(new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
    )
  }
  return representation
}

/** The ETag of the gzip-coded variant: a different strong validator for different bytes (RFC 9110 §8.8.3.3). */
export function gzipEtag(etag: string): string {
  return `${etag.slice(0, -1)}-gzip"`
}

/** Bytes a representation holds in memory: what the bounded caches count. */
export function sizeOf(representation: Representation): number {
  return representation.body.byteLength + (representation.gzip?.byteLength ?? 0)
}

/** The SHA-256 digest of `body`, base64url without padding (43 characters). */
export async function digestOf(body: Uint8Array): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', body)))
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}
