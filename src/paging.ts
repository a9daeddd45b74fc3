/**
 * How the site's lists are cut into pages: every page size in one place, and the arithmetic of the
 * feeds' archive pages (RFC 5005), which the build's layout and the Worker's routes both follow.
 */

/** Articles per index page: the newest on `/`, older ones on `/page/2`, … (and per tag page). */
export const INDEX_PAGE_SIZE = 30

/** Index pages kept for the isolate's life (the ones people and crawlers open most); older ones are bounded. */
export const PINNED_INDEX_PAGES = 3

/** Tags per `/tags` page, and per tag-list file of the content (the OPML reads them all). */
export const TAG_LIST_PAGE_SIZE = 500

/**
 * Entries per archive page. Pages are numbered from the oldest article, so a full page holds the
 * same articles forever (RFC 5005 §4). As many as a feed holds by default: a first request's CPU
 * grows with the entries rendered (`npm run bench` measured 50 at ~6 ms more than a feed of 20).
 */
export const ARCHIVE_PAGE_SIZE = 20

/** Number of pages of `size` for `count` items: at least 1, so an empty list still has its page saying so. */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size))
}

/** Number of archive pages of a feed of `count` articles whose subscription document holds `feedItems`. */
export function archivePages(count: number, feedItems: number): number {
  return Math.ceil(Math.max(0, count - feedItems) / ARCHIVE_PAGE_SIZE)
}

/**
 * The articles of archive page `n` (from 1, the oldest) as positions in feed order (0 = newest):
 * `start` inclusive, `end` exclusive. Page `n` holds articles `(n - 1) * ARCHIVE_PAGE_SIZE …`
 * counted from the oldest, up to the first one the subscription document holds.
 */
export function archiveRange(count: number, feedItems: number, n: number): { start: number; end: number } {
  const newestArchived = Math.max(0, count - feedItems)
  return { start: count - Math.min(n * ARCHIVE_PAGE_SIZE, newestArchived), end: count - (n - 1) * ARCHIVE_PAGE_SIZE }
}
