import { parseAccept } from 'hono/utils/accept'
import type { FeedFormat } from '../feeds/formats.ts'

/**
 * Media types each format also answers to, besides its own: what feed readers commonly send
 * (`application/xml`, `text/xml` for RSS; `application/json` for JSON Feed).
 */
const ALIASES: Record<FeedFormat['name'], readonly string[]> = {
  rss: ['application/xml', 'text/xml'],
  atom: [],
  jsonFeed: ['application/json'],
}

/**
 * Picks the feed format an `Accept` header prefers (RFC 9110 §12.5.1): for each format, the
 * quality of the most specific range that matches it; the highest quality wins, then the more
 * specific match (`application/atom+xml` beats `*∕*`), then the order of `formats`, whose first
 * entry is also the answer to a missing or empty `Accept`.
 *
 * @param accept - the request's `Accept` header
 * @param formats - candidates, in order of preference
 * @returns the chosen format, or `undefined` when the client accepts none (answer 406)
 */
export function negotiateFormat(accept: string | undefined, formats: readonly FeedFormat[]): FeedFormat | undefined {
  const ranges = parseAccept(accept ?? '').map((r) => ({
    type: r.type.toLowerCase(),
    q: Number.isFinite(r.q) ? r.q : 0,
  }))
  if (ranges.length === 0) return formats[0]
  let best: { format: FeedFormat; q: number; specificity: number } | undefined
  for (const format of formats) {
    for (const type of [format.mediaType, ...ALIASES[format.name]]) {
      const match = matchType(type, ranges)
      // An alias counts as slightly less specific than the format's own type.
      const specificity = match.specificity - (type === format.mediaType ? 0 : 0.5)
      if (match.q > 0 && (!best || match.q > best.q || (match.q === best.q && specificity > best.specificity))) {
        best = { format, q: match.q, specificity }
      }
    }
  }
  return best?.format
}

/** Quality and specificity (3 exact, 2 `type/*`, 1 `*∕*`, 0 none) of the most specific range matching `type`. */
function matchType(type: string, ranges: readonly { type: string; q: number }[]): { q: number; specificity: number } {
  const major = type.slice(0, type.indexOf('/'))
  let found = { q: 0, specificity: 0 }
  for (const range of ranges) {
    const specificity =
      range.type === type ? 3 : range.type === `${major}/*` ? 2 : range.type === '*/*' || range.type === '*' ? 1 : 0
    if (
      specificity > found.specificity ||
      (specificity === found.specificity && specificity > 0 && range.q > found.q)
    ) {
      found = { q: range.q, specificity }
    }
  }
  return found
}
