import type { ResolvedConfig } from '../config.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { creditsOf } from '../content/site-defaults.ts'
import type { Article, SiteArticle } from '../model.ts'
import { originOf, PATHS } from '../paths.ts'
import { type FeedIdentity, type FeedPage, feedPage } from './feed-page.ts'

/** Absolute URLs of one site as seen from one base URL. */
export interface SiteLinks {
  home: string
  /**
   * A path of the site from the root of its origin (`/blog/feed.xsl`): for what must come from the
   * same origin as the page that asks (the XSLT of a feed), whatever `SITE_URL` says.
   */
  path(path: string): string
  /** The feed served at `path` (a row of the formats table). */
  feed(path: string): string
  opml: string
  stylesheet: string
  css: string
  script: string
  article(slug: string): string
  page(n: number): string
  /** `/tags`, and its page `n` past the first. */
  tags(n?: number): string
  /** The page of the tag whose key is `key`, and its page `n` past the first. */
  tag(key: string, n?: number): string
  /** The feeds' icon, square: `SITE_ICON`, or the site's 512-pixel PNG. */
  icon: string
  /** The same for small sizes (JSON Feed `favicon`, Atom `<icon>`): `SITE_ICON`, or the site's 64-pixel PNG. */
  favicon: string
}

/** Everything a serializer needs: settings, absolute links and the articles it lists. */
export interface FeedContext {
  config: ResolvedConfig
  links: SiteLinks
  /** Newest first: a feed's `config.feedItems` newest, or a page's share. */
  articles: readonly SiteArticle[]
  /** The newest `updated` of the listed articles: "a feed is as new as its newest item". */
  updated: string
  /** Which feed this document belongs to and where it stands in its history. */
  page: FeedPage
}

/**
 * Resolves the links of the site against a base: the configured `SITE_URL`, or else the origin
 * the request came to (so a local run links to local pages). Ids never use this base.
 *
 * @param base - origin plus optional base path, no trailing slash
 */
export function siteLinks(base: string, icon?: string): SiteLinks {
  const basePath = base.slice(originOf(base).length)
  return {
    path: (path) => basePath + path,
    home: base + PATHS.home,
    feed: (path) => base + path,
    opml: base + PATHS.opml,
    stylesheet: base + PATHS.stylesheet,
    css: base + PATHS.css,
    script: base + PATHS.script,
    article: (slug) => base + PATHS.article(slug),
    page: (n) => (n === 1 ? base + PATHS.home : base + PATHS.page(n)),
    tags: (n = 1) => base + (n === 1 ? PATHS.tags : PATHS.tagsPage(n)),
    tag: (key, n = 1) => base + (n === 1 ? PATHS.tag(key) : PATHS.tagPage(key, n)),
    icon: icon ?? base + PATHS.icon,
    favicon: icon ?? base + PATHS.favicon,
  }
}

/**
 * Builds the context the serializers render from.
 *
 * @param config - validated settings
 * @param articles - all articles, newest first (as `loadArticles` returns them); must not be empty
 * @param requestOrigin - origin of the request, used only when no `SITE_URL` is configured
 */
export function feedContext(config: ResolvedConfig, articles: readonly Article[], requestOrigin: string): FeedContext {
  const listed = articles.slice(0, config.feedItems).map((article) => ({ ...article, ...creditsOf(article, config) }))
  const links = siteLinks(config.baseUrl ?? requestOrigin, config.icon)
  const page = feedPage(siteFeed(config, links), links, articles.length, config.feedItems)
  return { config, links, articles: listed, updated: newestUpdated(listed), page }
}

/** The site's own feed: every article. */
export function siteFeed(config: ResolvedConfig, links: SiteLinks): FeedIdentity {
  return { title: config.title, description: config.description, id: config.id, home: links.home, prefix: '' }
}
