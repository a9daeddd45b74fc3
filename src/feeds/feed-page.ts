import { PATHS } from '../paths.ts'
import type { SiteLinks } from './feed-context.ts'

/**
 * Entries per archive page. Pages are numbered from the oldest article, so a full page holds the
 * same articles forever (RFC 5005 §4). As many as a feed holds by default: a first request's CPU
 * grows with the entries rendered (`npm run bench` measured 50 at ~6 ms more than a feed of 20).
 */
export const ARCHIVE_PAGE_SIZE = 20

/** `Cache-Control` of a full archive page: its entries never change, so caches keep it a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** One feed of the site: the whole site's, or one tag's. Its subscription document and archive pages share all of this. */
export interface FeedIdentity {
  title: string
  description: string
  /** Atom `<id>`: permanent, host-independent, the same on every document of the feed. */
  id: string
  /** The HTML page listing the same articles: the home page, or the tag page. */
  home: string
  /** Path of the feed's documents before the format's path: '' for the site, `/tags/{key}` for a tag. */
  prefix: string
}

/**
 * Where one document stands in its feed's history (RFC 5005): every link a serializer writes
 * besides the items', as a function of the format's path (`/feed.xml`, …).
 */
export interface FeedPage extends FeedIdentity {
  /** The subscription document of the feed (`rel="current"` on archive pages; JSON Feed `feed_url`). */
  current(path: string): string
  /** This document. */
  self(path: string): string
  /** The next older archive page (`rel="prev-archive"`; JSON Feed `next_url`), if any. */
  prevArchive?: ((path: string) => string) | undefined
  /** The next newer archive page (`rel="next-archive"`), if any. */
  nextArchive?: ((path: string) => string) | undefined
  /**
   * `complete`: a subscription document holding every article (RFC 5005 §2, `fh:complete`);
   * `subscription`: the newest articles, older ones in archive pages; `archive`: an archive page (`fh:archive`).
   */
  history: 'complete' | 'subscription' | 'archive'
  /** A full archive page with a newer one after it: its bytes never change (cached as {@link IMMUTABLE}). */
  immutable: boolean
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

/**
 * The links of one document of `feed`: its subscription document (`archive` undefined) or archive
 * page `archive`, for a feed of `count` articles.
 */
export function feedPage(
  feed: FeedIdentity,
  links: SiteLinks,
  count: number,
  feedItems: number,
  archive?: number,
): FeedPage {
  const pages = archivePages(count, feedItems)
  const current = (path: string) => links.feed(feed.prefix + path)
  const page = (n: number) => (path: string) => links.feed(PATHS.archive(feed.prefix, n) + path)
  if (archive === undefined) {
    return {
      ...feed,
      current,
      self: current,
      prevArchive: pages > 0 ? page(pages) : undefined,
      history: pages > 0 ? 'subscription' : 'complete',
      immutable: false,
    }
  }
  return {
    ...feed,
    current,
    self: page(archive),
    prevArchive: archive > 1 ? page(archive - 1) : undefined,
    nextArchive: archive < pages ? page(archive + 1) : undefined,
    history: 'archive',
    immutable: archive < pages,
  }
}
