import type { FeedDocument } from '../model/feed.ts'

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
  /**
   * The `type` of its outline in an OPML subscription list: `rss` for RSS and Atom alike (OPML 2.0,
   * "Subscription lists"), `JSONFeed` for JSON Feed (OPML has none; FreshRSS reads this one, and
   * polls any other type as RSS).
   */
  opmlType: 'rss' | 'JSONFeed'
  /**
   * The format `/feeds.opml` subscribes to for the site and each tag (one only: a reader that
   * imports the list takes every `xmlUrl`, so listing three formats would subscribe each topic three
   * times).
   */
  subscribed: boolean
  /** Writes `doc` in this format; `format` is this row (its path and media type name the document's own links). */
  render(doc: FeedDocument, format: FeedFormat): string
}
