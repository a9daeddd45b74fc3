import type { Scheduled } from '../content/layout.ts'
import { PATHS } from '../paths.ts'

/** The subscription documents' paths under a feed's prefix ('' or a tag's path). */
const FEED_PATHS = [PATHS.rss, PATHS.atom, PATHS.jsonFeed]

/**
 * The topics a reveal changes: the site's feeds, and the feeds of the tags of the articles that
 * appeared (every other tag's documents hold the same articles as before). The hub checks these
 * first-hand instead of every topic, so the site's feed is not queued behind a hundred tags.
 *
 * @param topics - the topics someone subscribes to (self URLs)
 * @param basePath - the site's base path (`/blog`), '' for none
 */
export function touchedBy(appeared: readonly Scheduled[], topics: readonly string[], basePath: string): string[] {
  const prefixes = new Set(['', ...appeared.flatMap((s) => s.tags ?? []).map((key) => PATHS.tag(key))])
  return topics.filter((topic) => {
    const path = new URL(topic).pathname.slice(basePath.length)
    const feed = FEED_PATHS.find((f) => path.endsWith(f))
    return feed !== undefined && prefixes.has(path.slice(0, -feed.length))
  })
}
