import type { Manifest } from '../content/layout.ts'
import { revealTime } from '../content/reveal-time.ts'

/**
 * The `Cache-Tag`s of every response a scheduled article changes when it appears (the rows of
 * `response-kinds.ts` without `unchangedByReveals`): the feeds, the newest archive pages, the
 * index, the tag list and tag pages, the OPML and the sitemaps. Eight tags, one purge request (Free
 * plan: 100 tags per request, 5 requests a minute).
 * @see https://developers.cloudflare.com/workers/cache/purge/
 */
export const REVEAL_TAGS = [
  'feeds',
  'tag-feeds',
  'archives:head',
  'index',
  'tags',
  'tag-pages',
  'opml',
  'sitemaps',
] as const

/** How far back a run of the trigger looks for reveals: two runs' span, so one missed run loses nothing. */
export const PURGE_WINDOW_MS = 120_000

/**
 * The scheduled articles of `manifest` that appeared in `(at - windowMs, at]` (ms since the epoch),
 * as their `published` dates: a trigger that runs at `at` purges {@link REVEAL_TAGS} when there is
 * any.
 */
export function revealsBetween(manifest: Manifest, at: number, windowMs = PURGE_WINDOW_MS): string[] {
  const from = at - windowMs
  return (manifest.schedule ?? [])
    .map((s) => s.published)
    .filter((published) => {
      const t = revealTime(published)
      return t > from && t <= at
    })
}
