import type { Article, SiteArticle } from '../model.ts'
import { escapeHtml } from './escape-html.ts'
import { creditsOf, type SiteDefaults } from './site-defaults.ts'

/** An article as the build stores it in the bundle: without the two forms derived from `paragraphs`. */
export type StoredArticle = Omit<Article, 'contentHtml' | 'contentText'>

/** The body as escaped HTML: one `<p>` per paragraph. */
export function bodyHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
}

/** The body as plain text: paragraphs separated by a blank line. */
export function bodyText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n')
}

/**
 * Drops what can be derived, so the bundle holds each article's text once instead of three times
 * (a third of the bytes to upload and to parse at isolate start).
 */
export function toStored({ contentHtml: _html, contentText: _text, ...stored }: Article): StoredArticle {
  return stored
}

/**
 * Rebuilds the full article from its stored form (see {@link toStored}); with `site`, as that site
 * serves it (its author and language where the article has none). The HTML and text forms are
 * made when first read: an index page lists thirty articles and shows none of their bodies.
 */
export function fromStored(stored: StoredArticle): Article
export function fromStored(stored: StoredArticle, site: SiteDefaults): SiteArticle
export function fromStored(stored: StoredArticle, site?: SiteDefaults): Article {
  let html: string | undefined
  let text: string | undefined
  return {
    ...stored,
    ...(site && creditsOf(stored, site)),
    get contentHtml() {
      html ??= stored.html ?? bodyHtml(stored.paragraphs)
      return html
    },
    get contentText() {
      text ??= bodyText(stored.paragraphs)
      return text
    },
  }
}
