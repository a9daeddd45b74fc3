import { tagSegment } from './content/tag-key.ts'

/** Every public path of the site, in one place: routes, feeds and pages all build links from it. */
export const PATHS = {
  home: '/',
  rss: '/feed.xml',
  atom: '/atom.xml',
  jsonFeed: '/feed.json',
  /** One URL for all formats, chosen by `Accept`. */
  negotiated: '/feed',
  article: (slug: string) => `/articles/${slug}`,
  /** Older articles: page 2 onwards of the index (page 1 is `/`). */
  page: (n: number | string) => `/page/${n}`,
  /** Every tag with its count; `/tags/page/{n}` past 500 tags (`TAG_LIST_PAGE_SIZE`). */
  tags: '/tags',
  tagsPage: (n: number | string) => `/tags/page/${n}`,
  /** The page of one tag (`key` as `tagKey` makes it); its feeds are this path plus a feed path. */
  tag: (key: string) => `/tags/${tagSegment(key)}`,
  tagPage: (key: string, n: number | string) => `/tags/${tagSegment(key)}/page/${n}`,
  /** Archive page `n` (RFC 5005) of the feeds under `prefix` ('' or a tag's path); plus a feed path. */
  archive: (prefix: string, n: number | string) => `${prefix}/archive/${n}`,
  /** OPML 2.0 list of the site's feeds and every tag's, for importing into a reader. */
  opml: '/feeds.opml',
  /**
   * Sitemap (sitemaps.org 0.9), or on large sites an index of `/sitemap-{n}.xml`: beside it at the
   * root, since a sitemap may only list URLs under its own folder.
   */
  sitemap: '/sitemap.xml',
  sitemapPart: (n: number) => `/sitemap-${n}.xml`,
  robots: '/robots.txt',
  /** A published image of an article, named by its bytes (`/media/3f2a….png`). */
  media: (name: string) => `/media/${name}`,
  /** The site's default icon (square PNG, 512 and 64 pixels), when `SITE_ICON` names none. */
  icon: '/icon.png',
  favicon: '/favicon.png',
  /** XSLT that turns the RSS or Atom document into a readable page in browsers that apply it. */
  stylesheet: '/feed.xsl',
  /** The one stylesheet and the one script every page uses (no inline code: see the CSP). */
  css: '/assets/site.css',
  script: '/assets/site.js',
} as const

/** `scheme://host[:port]` of a URL, without parsing it (workerd hands the Worker normalised URLs). */
export function originOf(url: string): string {
  const slash = url.indexOf('/', url.indexOf('//') + 2)
  return slash === -1 ? url : url.slice(0, slash)
}
