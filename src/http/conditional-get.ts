import { gzipEtag, type Representation } from './representation.ts'

/**
 * Evaluates `If-None-Match` and `If-Modified-Since` for a GET or HEAD (RFC 9110 §13.1.2, §13.1.3,
 * §13.2.2). Written here rather than with Hono's `etag` middleware because that one ignores
 * `If-Modified-Since` and only runs after the handler built the body; these validators are known
 * before anything is built.
 *
 * @returns true when the client's copy is current and the answer is `304 Not Modified`
 */
export function isNotModified(headers: Headers, representation: Representation): boolean {
  const ifNoneMatch = headers.get('If-None-Match')
  if (ifNoneMatch !== null) {
    // §13.1.2: `*` matches any current representation; otherwise a list compared weakly (§8.8.3.2),
    // so W/"x" matches "x", and either coding of the same content matches.
    if (ifNoneMatch.trim() === '*') return true
    const current = [representation.etag, gzipEtag(representation.etag)]
    for (const tag of ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []) {
      if (current.includes(tag.replace(/^W\//, ''))) return true
    }
    // §13.2.2: when If-None-Match is present, If-Modified-Since is ignored.
    return false
  }
  const ifModifiedSince = headers.get('If-Modified-Since')
  if (ifModifiedSince === null) return false
  const since = Date.parse(ifModifiedSince)
  // §13.1.3: an invalid date, or one that is not an HTTP-date, is ignored.
  if (Number.isNaN(since) || !/GMT$/.test(ifModifiedSince.trim())) return false
  return Date.parse(representation.lastModified) <= since
}
