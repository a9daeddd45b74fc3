import type { SiteLinks } from '../links.ts'
import type { SiteArticle } from '../model/article.ts'
import type { FeedDocument, FeedIdentity, FeedPlacement } from '../model/feed.ts'
import type { SiteConfig } from '../model/site.ts'
import { archivePages, archiveRange } from '../paging.ts'
import { PATHS } from '../paths.ts'

/** `updated` of a feed without articles (feeds must carry a date): a fixed one, never the clock. */
export const NO_ARTICLES_UPDATED = '1970-01-01T00:00:00.000Z'

/** A document of a feed before its articles are read: its links, and which of the feed's articles it lists. */
export interface PlannedDocument extends FeedPlacement {
  /** Positions in the feed (0 = newest): `start` inclusive, `end` exclusive. */
  start: number
  end: number
}

/**
 * The document of `feed` that `archive` names (RFC 5005): its subscription document when
 * `archive` is undefined, else archive page `archive` (from 1, the oldest), for a feed of `count`
 * articles whose subscription document lists `config.feedItems`; `undefined` past the last
 * archive page.
 */
export function planDocument(
  feed: FeedIdentity,
  config: SiteConfig,
  links: SiteLinks,
  count: number,
  archive?: number,
): PlannedDocument | undefined {
  const { feedItems } = config
  const pages = archivePages(count, feedItems)
  const current = (path: string) => links.url(feed.prefix + path)
  const page = (n: number) => (path: string) => links.url(PATHS.archive(feed.prefix, n) + path)
  if (archive === undefined)
    return {
      ...feed,
      current,
      self: current,
      prevArchive: pages > 0 ? page(pages) : undefined,
      history: pages > 0 ? 'subscription' : 'complete',
      immutable: false,
      // WebSub §4: the hub is named by the documents that change; an archive page never does.
      hub: config.websubHub ?? (config.ownHub ? links.url(PATHS.hub) : undefined),
      start: 0,
      end: feedItems,
    }
  if (archive < 1 || archive > pages) return undefined
  return {
    ...feed,
    current,
    self: page(archive),
    prevArchive: archive > 1 ? page(archive - 1) : undefined,
    nextArchive: archive < pages ? page(archive + 1) : undefined,
    history: 'archive',
    immutable: archive < pages,
    ...archiveRange(count, feedItems, archive),
  }
}

/**
 * The whole feed document: the planned document and its articles, with what the site adds to
 * every document (its language, author, icons and XSLT).
 *
 * @param updated - the newest `updated` of `articles`, or a fixed date when the feed has none
 */
export function feedDocument(
  planned: PlannedDocument,
  config: SiteConfig,
  links: SiteLinks,
  articles: readonly SiteArticle[],
  updated: string,
): FeedDocument {
  const { start: _start, end: _end, ...placement } = planned
  return {
    ...placement,
    language: config.language,
    author: config.author,
    icon: links.icon,
    favicon: links.favicon,
    image: links.feedImage,
    stylesheet: links.path(PATHS.xslt),
    updated,
    articles,
    articleUrl: links.article,
  }
}

/** The site's own feed: every article. */
export function siteFeed(config: SiteConfig, links: SiteLinks): FeedIdentity {
  return { title: config.title, description: config.description, id: config.id, home: links.home, prefix: '' }
}
