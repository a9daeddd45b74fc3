import { escapeHtml } from '../content/escape-html.ts'
import type { Article, ArticleImage } from '../model/article.ts'

/** What `escapeHtml` writes in an attribute value, back to the text. */
const ATTRIBUTE_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
}

/**
 * An article's HTML as feeds carry it: every relative link and image (`href`, `src`) made absolute
 * against the article's URL, since readers resolve relative URLs unreliably or not at all (the
 * pages keep them relative). `text` articles have no links: their HTML is returned as it is.
 *
 * @param url - the article page's absolute URL
 */
export function feedHtml(article: Pick<Article, 'format' | 'contentHtml'>, url: string): string {
  if (article.format === 'text') return article.contentHtml
  // The HTML is the Markdown renderer's own: attribute values are double-quoted and escaped.
  return article.contentHtml.replace(/ (href|src)="([^"]*)"/g, (whole, name: string, value: string) => {
    const raw = value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ATTRIBUTE_ENTITIES[entity] as string)
    // The build lets through only URLs that resolve; one that does not is kept as it is, not a 500.
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || !URL.canParse(raw, url)) return whole
    return ` ${name}="${escapeHtml(new URL(raw, url).href)}"`
  })
}

/** An article image's absolute URL (a published file's is relative to the article page). */
export function imageUrl(image: ArticleImage, url: string): string {
  return new URL(image.url, url).href
}
