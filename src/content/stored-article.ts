import type { Article, SiteArticle, StoredArticle } from '../model/article.ts'
import { escapeHtml } from './escape-html.ts'
import { authorAndLanguage, type SiteDefaults } from './site-defaults.ts'

/** The body of a `text` article as HTML: one escaped `<p>` per paragraph. */
export function bodyHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
}

/** The body as plain text: paragraphs separated by a blank line. */
export function bodyText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n')
}

/**
 * An article as the content files store it (see {@link StoredArticle}): the HTML of a `text` body
 * and the text form are dropped, since `paragraphs` makes them again.
 */
export function toStored({ format, contentHtml, contentText: _text, ...stored }: Article): StoredArticle {
  return format === 'markdown' ? { ...stored, html: contentHtml } : stored
}

/**
 * Rebuilds the full article from its stored form (see {@link toStored}) as `site` serves it (its
 * author and language where the article has none). The HTML and text forms are made when first
 * read: an index page lists thirty articles and shows none of their bodies.
 */
export function fromStored(stored: StoredArticle, site: SiteDefaults): SiteArticle {
  const { html: markdownHtml, ...fields } = stored
  let html = markdownHtml
  let text: string | undefined
  return {
    ...fields,
    ...authorAndLanguage(stored, site),
    format: markdownHtml === undefined ? 'text' : 'markdown',
    get contentHtml() {
      html ??= bodyHtml(stored.paragraphs)
      return html
    },
    get contentText() {
      text ??= bodyText(stored.paragraphs)
      return text
    },
  }
}
