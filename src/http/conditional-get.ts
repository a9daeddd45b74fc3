import { gzipEtag } from './representation.ts'

/**
 * Evaluates `If-None-Match` and `If-Modified-Since` for a GET or HEAD (RFC 9110 §13.1.2, §13.1.3,
 * §13.2.2). Written here rather than with Hono's `etag` middleware because that one ignores
 * `If-Modified-Since` and only runs after the handler built the body; these validators are known
 * before anything is built.
 *
 * @param etag - the identity coding's strong ETag (the gzip coding's is derived from it)
 * @param lastModifiedMs - `Last-Modified` in milliseconds since the epoch; `undefined` when the
 *   representation has none, so `If-Modified-Since` cannot prove the client's copy current
 * @returns true when the client's copy is current and the answer is `304 Not Modified`
 */
export function isNotModified(headers: Headers, etag: string, lastModifiedMs: number | undefined): boolean {
  const ifNoneMatch = headers.get('If-None-Match')
  if (ifNoneMatch !== null) {
    // §13.1.2: `*` matches any current representation; otherwise a list compared weakly (§8.8.3.2),
    // so W/"x" matches "x", and either coding of the same content matches.
    if (ifNoneMatch.trim() === '*') return true
    // The common case: a reader sends back exactly the ETag it was given.
    if (ifNoneMatch === etag) return true
    const current = [etag, gzipEtag(etag)]
    for (const tag of ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []) {
      if (current.includes(tag.replace(/^W\//, ''))) return true
    }
    // §13.2.2: when If-None-Match is present, If-Modified-Since is ignored.
    return false
  }
  const ifModifiedSince = headers.get('If-Modified-Since')
  if (ifModifiedSince === null || lastModifiedMs === undefined) return false
  const since = parseHttpDate(ifModifiedSince)
  // §13.1.3: a value that is not one valid HTTP-date is ignored.
  return since !== undefined && lastModifiedMs <= since
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)'
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)'
const TIME = '\\d{2}:\\d{2}:\\d{2}'
/** The three forms RFC 9110 §5.6.7 says a recipient must accept: IMF-fixdate, rfc850-date, asctime-date. */
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
)

/**
 * Parses an HTTP-date (RFC 9110 §5.6.7).
 * @returns milliseconds since the epoch, or `undefined` when `value` is not exactly one HTTP-date
 */
export function parseHttpDate(value: string): number | undefined {
  const trimmed = value.trim()
  if (!HTTP_DATE.test(trimmed)) return undefined
  const ms = Date.parse(/GMT$/.test(trimmed) ? trimmed : `${trimmed} GMT`)
  return Number.isNaN(ms) ? undefined : ms
}
