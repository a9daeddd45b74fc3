/** Every public path of the site, in one place: routes, feeds and pages all build links from it. */
export const PATHS = {
  home: '/',
  rss: '/feed.xml',
  atom: '/atom.xml',
  jsonFeed: '/feed.json',
  article: (slug: string) => `/articles/${slug}`,
} as const
