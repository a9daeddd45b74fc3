import { parseAccept } from 'hono/utils/accept'
import type { FeedFormat } from '../feeds/feed-format.ts'

/** An `Accept` range, lower-cased, with its quality (0 when unreadable). */
interface Range {
  type: string
  q: number
}

/**
 * Picks the feed format an `Accept` header prefers (RFC 9110 §12.5.1). A format's quality is that
 * of the most specific range matching its media type; when no range names it at all, its aliases
 * (`FeedFormat.aliases`) may stand in, as slightly less specific. A most specific match with `q=0`
 * refuses the format outright (§12.4.2: "not acceptable"), whatever an alias or broader range says:
 * `application/feed+json;q=0, application/json` does not get the JSON Feed. The highest quality
 * wins, then the more specific match, then the order of `formats`, whose first entry also answers
 * a missing or empty `Accept`.
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
    const own = matchType(format.mediaType, ranges)
    if (own.specificity > 0 && own.q === 0) continue
    let match = own
    for (const alias of format.aliases) {
      const byAlias = matchType(alias, ranges)
      // An alias counts as slightly less specific than the format's own type.
      const specificity = byAlias.specificity - 0.5
      if (byAlias.q > match.q || (byAlias.q === match.q && specificity > match.specificity))
        match = { q: byAlias.q, specificity }
    }
    if (match.q > 0 && (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity))) {
      best = { format, ...match }
    }
  }
  return best?.format
}

/** Quality and specificity (3 exact, 2 `type/*`, 1 `*∕*`, 0 none) of the most specific range matching `type`. */
function matchType(type: string, ranges: readonly Range[]): { q: number; specificity: number } {
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
