import { tagSegment } from './content/tag-key.ts'

/** The prefix of every tag's page and feeds. */
const TAGS = '/tags'

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
  tags: TAGS,
  tagsPage: (n: number | string) => `${TAGS}/page/${n}`,
  /** The page of one tag (`key` as `tagKey` makes it); its feeds are this path plus a feed path. */
  tag: (key: string) => `${TAGS}/${tagSegment(key)}`,
  tagPage: (key: string, n: number | string) => `${TAGS}/${tagSegment(key)}/page/${n}`,
  /** Archive page `n` (RFC 5005) of the feeds under `prefix` ('' or a tag's path); plus a feed path. */
  archive: (prefix: string, n: number | string) => `${prefix}/archive/${n}`,
  /** OPML 2.0 subscription list, for importing into a reader: one feed (Atom) for the site and for each tag. */
  opml: '/feeds.opml',
  /** The same list with every format of every feed, for choosing one by hand. */
  opmlAll: '/feeds-all.opml',
  /**
   * Sitemap (sitemaps.org 0.9), or on large sites an index of `/sitemap-{n}.xml`: beside it at the
   * root, since a sitemap may only list URLs under its own folder.
   */
  sitemap: '/sitemap.xml',
  sitemapPart: (n: number | string) => `/sitemap-${n}.xml`,
  robots: '/robots.txt',
  /** A published image of an article, named by its bytes (`/media/3f2a….png`). */
  media: (name: string) => `/media/${name}`,
  /** The site's default icon (square PNG, 512 and 64 pixels), when `SITE_ICON` names none. */
  icon: '/icon.png',
  favicon: '/favicon.png',
  /** The default icon as browsers and readers ask for it by name (16, 32 and 48 pixels). */
  faviconIco: '/favicon.ico',
  /** The default icon for iOS home screens and readers that prefer it (180 pixels, opaque). */
  touchIcon: '/apple-touch-icon.png',
  /** The default icon at the RSS `<image>` size (144 pixels). */
  feedImage: '/feed-image.png',
  /** The site's own WebSub hub (W3C WebSub §5): subscribers `POST` here; see src/hub/. */
  hub: '/websub',
  /** XSLT that turns the RSS or Atom document into a readable page in browsers that apply it. */
  xslt: '/feed.xsl',
  /** The one stylesheet and the one script every page uses (no inline code: see the CSP). */
  css: '/assets/site.css',
  script: '/assets/site.js',
} as const

/** Route patterns (Hono's syntax) of the paths above that take a parameter. */
export const ROUTES = {
  article: PATHS.article(':slug'),
  page: PATHS.page(':n'),
  tagsPage: PATHS.tagsPage(':n'),
  /** A tag's page, and the prefix of its feeds (`PATHS.tag` percent-encodes its argument, so it is written out). */
  tag: `${TAGS}/:tag`,
  tagPage: `${TAGS}/:tag/page/:n`,
  archive: (prefix: string) => PATHS.archive(prefix, ':n'),
  /** One segment, `sitemap-{n}.xml` (LinearRouter matches a parameter as a whole segment). */
  sitemapPart: '/:file{sitemap-[1-9][0-9]{0,6}\\.xml}',
  media: PATHS.media(':name'),
} as const

/** A page number in a path: a plain positive number (no sign, no leading zero, at most 7 digits), else `undefined`. */
export function pageNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9][0-9]{0,6}$/.test(text) ? Number(text) : undefined
}

/** The number in a `sitemap-{n}.xml` segment that {@link ROUTES.sitemapPart} matched. */
export function sitemapPartNumber(segment: string | undefined): number | undefined {
  return pageNumber(/^sitemap-([0-9]+)\.xml$/.exec(segment ?? '')?.[1])
}

/**
 * `path` (from the site's root) with the tag segment of a tag path (`/tags/{tag}…`) replaced by
 * the segment of `key`: the same page or feed of the tag written its one way.
 */
export function withTagKey(path: string, key: string): string {
  if (!path.startsWith(`${TAGS}/`)) return path
  const end = path.indexOf('/', TAGS.length + 1)
  return PATHS.tag(key) + (end === -1 ? '' : path.slice(end))
}

/** `scheme://host[:port]` of a URL, without parsing it (workerd hands the Worker normalised URLs). */
export function originOf(url: string): string {
  const slash = url.indexOf('/', url.indexOf('//') + 2)
  return slash === -1 ? url : url.slice(0, slash)
}
