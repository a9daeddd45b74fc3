import type { Article } from '../model/article.ts'

/**
 * The newest `updated` date among `articles` (RFC 3339), or `''` for none: a feed, a page or the
 * whole corpus is as new as its newest article.
 */
export function newestUpdated(articles: readonly Pick<Article, 'updated'>[]): string {
  let newest = ''
  for (const article of articles) if (article.updated > newest) newest = article.updated
  return newest
}
