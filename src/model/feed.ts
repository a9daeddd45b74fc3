import type { Author, SiteArticle } from './article.ts'

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
 * Where one document stands in its feed's history (RFC 5005): `complete`, a subscription document
 * holding every article (§2, `fh:complete`); `subscription`, the newest articles, older ones in
 * archive pages; `archive`, an archive page (`fh:archive`).
 */
export type FeedHistory = 'complete' | 'subscription' | 'archive'

/**
 * The links of one document of a feed, as functions of the format's path (`/feed.xml`, …): what
 * its place in the feed's history (RFC 5005) decides.
 */
export interface FeedPlacement extends FeedIdentity {
  history: FeedHistory
  /** The subscription document of the feed (`rel="current"` on archive pages; JSON Feed `feed_url`). */
  current(path: string): string
  /** This document. */
  self(path: string): string
  /** The next older archive page (`rel="prev-archive"`; JSON Feed `next_url`), if any. */
  prevArchive?: ((path: string) => string) | undefined
  /** The next newer archive page (`rel="next-archive"`), if any. */
  nextArchive?: ((path: string) => string) | undefined
  /** A full archive page with a newer one after it: its bytes never change (cached for a year). */
  immutable: boolean
  /** The WebSub hub (W3C WebSub §4): on subscription documents only, since archive pages never change. */
  hub?: string | undefined
}

/**
 * One feed document as every serializer renders it, whatever the format: everything it carries
 * (hub, stylesheet, history links, icons) is decided once, here, and each serializer only writes it.
 */
export interface FeedDocument extends FeedPlacement {
  language: string
  author: Author
  /** The feeds' icon, square and large (JSON Feed `icon`). */
  icon: string
  /** The same for small sizes (JSON Feed `favicon`, Atom `<icon>`). */
  favicon: string
  /** The same at most 144 pixels wide (RSS `<image>`). */
  image: string
  /** Path (from the origin's root) of the XSLT a browser applies to the XML formats (`xml-stylesheet`). */
  stylesheet: string
  /** The newest `updated` of the listed articles: "a feed is as new as its newest item". */
  updated: string
  /** Newest first. */
  articles: readonly SiteArticle[]
  /** The absolute URL of an article's page. */
  articleUrl(slug: string): string
}
