import type { Article, Author, SiteArticle } from '../model/article.ts'

/** What a site supplies where an article is silent: its author and its language. */
export interface SiteDefaults {
  author: Author
  language: string
}

/**
 * The authors and language of `article` on a site: its own authors, else the site's author; its
 * own language, else the site's. The one place this rule is written; it is applied once, when a
 * site reads an article, so no serializer or page decides it again.
 */
export function authorAndLanguage(
  article: Pick<Article, 'authors' | 'language'>,
  site: SiteDefaults,
): Pick<SiteArticle, 'authors' | 'language'> {
  return {
    authors: article.authors.length > 0 ? article.authors : [site.author],
    language: article.language ?? site.language,
  }
}
