import type { ResolvedConfig } from '../config.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { creditsOf } from '../content/site-defaults.ts'
import type { Article, SiteArticle } from '../model.ts'
import { originOf, PATHS } from '../paths.ts'

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
}

/** Everything a serializer needs: settings, absolute links and the articles it lists. */
export interface FeedContext {
  config: ResolvedConfig
  links: SiteLinks
  /** Newest first: a feed's `config.feedItems` newest, or a page's share. */
  articles: readonly SiteArticle[]
  /** The newest `updated` of the listed articles: "a feed is as new as its newest item". */
  updated: string
}

/**
 * Resolves the links of the site against a base: the configured `SITE_URL`, or else the origin
 * the request came to (so a local run links to local pages). Ids never use this base.
 *
 * @param base - origin plus optional base path, no trailing slash
 */
export function siteLinks(base: string): SiteLinks {
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
  return { config, links: siteLinks(config.baseUrl ?? requestOrigin), articles: listed, updated: newestUpdated(listed) }
}
