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
  /** OPML 2.0 list of the three feeds, for importing into a reader. */
  opml: '/feeds.opml',
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
