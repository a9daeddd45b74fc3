import { PATHS } from '../paths.ts'
import { renderAtom } from './atom.ts'
import type { FeedContext } from './feed-context.ts'
import { renderJsonFeed } from './json-feed.ts'
import { renderRss } from './rss.ts'

/** One feed format: where it is served, as what, and how it is rendered. */
export interface FeedFormat {
  /** Short identifier: cache tags (`feed:{name}`), element ids, test names. */
  name: string
  /** Human name, for pages and autodiscovery titles. */
  label: string
  path: string
  /** Registered media type; `Content-Type` adds `; charset=utf-8`. */
  mediaType: string
  /**
   * Other media types `/feed` answers with this format (what readers commonly send), less
   * specific than `mediaType`: `application/xml` for RSS, `application/json` for JSON Feed.
   */
  aliases: readonly string[]
  /** An XML document: browsers may style it with `/feed.xsl` (`?view=xslt`), and it gets a CSP. */
  xml: boolean
  /** Readers register the `feed:` scheme for it, so pages offer an "Open in reader" link. */
  feedScheme: boolean
  render(feed: FeedContext): string
}

/**
 * The formats table. Routes, autodiscovery links and tests all loop over it, so adding a format is
 * one serializer file plus one row here.
 */
export const FORMATS: readonly FeedFormat[] = [
  {
    name: 'rss',
    label: 'RSS 2.0',
    path: PATHS.rss,
    mediaType: 'application/rss+xml',
    aliases: ['application/xml', 'text/xml'],
    xml: true,
    feedScheme: true,
    render: renderRss,
  },
  {
    name: 'atom',
    label: 'Atom 1.0',
    path: PATHS.atom,
    mediaType: 'application/atom+xml',
    aliases: [],
    xml: true,
    feedScheme: true,
    render: renderAtom,
  },
  {
    name: 'jsonFeed',
    label: 'JSON Feed 1.1',
    path: PATHS.jsonFeed,
    mediaType: 'application/feed+json',
    aliases: ['application/json'],
    xml: false,
    feedScheme: false,
    render: renderJsonFeed,
  },
]
