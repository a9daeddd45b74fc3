import { originOf, PATHS } from './paths.ts'

/** Absolute URLs of one site as seen from one base URL (the paths of {@link PATHS}, resolved). */
export interface SiteLinks {
  home: string
  /**
   * A path of the site from the root of its origin (`/blog/feed.xsl`): for what must come from the
   * same origin as the page that asks (the XSLT of a feed), whatever `SITE_URL` says.
   */
  path(path: string): string
  /** The absolute URL of any path of the site (`/feed.xml` → `https://example.com/blog/feed.xml`). */
  url(path: string): string
  opml: string
  /** Every format of every feed, as OPML. */
  opmlAll: string
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
  /** The same for small sizes (JSON Feed `favicon`, Atom `<icon>`, the pages' icon): `SITE_ICON`, or the site's 64-pixel PNG. */
  favicon: string
  /** The RSS `<image>`: `SITE_ICON`, or the site's 144-pixel PNG. */
  feedImage: string
  /** The pages' `apple-touch-icon`: `SITE_ICON`, or the site's opaque 180-pixel PNG. */
  touchIcon: string
}

/**
 * Resolves the links of the site against a base: the configured `SITE_URL`, or else the origin
 * the request came to (so a local run links to local pages). Ids never use this base.
 *
 * @param base - origin plus optional base path, no trailing slash
 * @param icon - `SITE_ICON`, when set
 */
export function siteLinks(base: string, icon?: string): SiteLinks {
  const basePath = base.slice(originOf(base).length)
  return {
    path: (path) => basePath + path,
    home: base + PATHS.home,
    url: (path) => base + path,
    opml: base + PATHS.opml,
    opmlAll: base + PATHS.opmlAll,
    css: base + PATHS.css,
    script: base + PATHS.script,
    article: (slug) => base + PATHS.article(slug),
    page: (n) => (n === 1 ? base + PATHS.home : base + PATHS.page(n)),
    tags: (n = 1) => base + (n === 1 ? PATHS.tags : PATHS.tagsPage(n)),
    tag: (key, n = 1) => base + (n === 1 ? PATHS.tag(key) : PATHS.tagPage(key, n)),
    icon: icon ?? base + PATHS.icon,
    favicon: icon ?? base + PATHS.favicon,
    feedImage: icon ?? base + PATHS.feedImage,
    touchIcon: icon ?? base + PATHS.touchIcon,
  }
}
