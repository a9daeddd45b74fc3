/** Every public path of the site, in one place: routes, feeds and pages all build links from it. */
export const PATHS = {
  home: '/',
  rss: '/feed.xml',
  atom: '/atom.xml',
  jsonFeed: '/feed.json',
  /** One URL for all formats, chosen by `Accept`. */
  negotiated: '/feed',
  article: (slug: string) => `/articles/${slug}`,
} as const
