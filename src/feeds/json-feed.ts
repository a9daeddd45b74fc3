// Written here rather than with `feed` (6.0.0): it emits JSON Feed 1.0 (`author`, no `authors`,
// no `language`) and omits item `id` unless given, which JSON Feed 1.1 requires.
import type { Author } from '../model/article.ts'
import type { FeedDocument } from '../model/feed.ts'
import { rfc3339 } from './dates.ts'
import type { FeedFormat } from './feed-format.ts'
import { feedHtml, imageUrl } from './feed-html.ts'

/** JSON Feed 1.1 author object; an email alone becomes a `mailto:` URL, as the spec allows. */
interface JsonFeedAuthor {
  name: string
  url?: string
}

/** The JSON Feed 1.1 top-level object, as far as this site fills it. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1'
  title: string
  home_page_url: string
  feed_url: string
  /** The next older page of the feed (its archive pages, newest first); absent on the oldest. */
  next_url?: string
  description: string
  icon: string
  favicon: string
  language: string
  authors: JsonFeedAuthor[]
  /** JSON Feed 1.1 `hubs`: endpoints for real-time notification (WebSub). */
  hubs?: { type: 'WebSub'; url: string }[]
  items: JsonFeedItem[]
}

/** One JSON Feed 1.1 item. */
export interface JsonFeedItem {
  id: string
  url: string
  title: string
  content_html: string
  content_text: string
  /** The article's main image, absolute. */
  image?: string
  summary: string
  date_published: string
  date_modified: string
  authors: JsonFeedAuthor[]
  tags: string[]
  language: string
}

/**
 * Renders a JSON Feed 1.1 document. JSON can carry any string (JSON.stringify escapes control
 * characters and lone surrogates), so the article text is passed through untouched.
 * @see https://www.jsonfeed.org/version/1.1/
 */
export function renderJsonFeed(doc: FeedDocument, format: FeedFormat): string {
  const next = doc.prevArchive?.(format.path)
  const document: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.home,
    // The feed's identity on every page of it; `next_url` walks its archive pages, oldest last.
    feed_url: doc.current(format.path),
    ...(next && { next_url: next }),
    description: doc.description,
    icon: doc.icon,
    favicon: doc.favicon,
    language: doc.language,
    authors: [jsonAuthor(doc.author)],
    // JSON Feed 1.1 `hubs`; WebSub then takes `feed_url` as the topic.
    ...(doc.hub && { hubs: [{ type: 'WebSub' as const, url: doc.hub }] }),
    items: doc.articles.map((article) => {
      const url = doc.articleUrl(article.slug)
      return {
        id: article.id,
        url,
        title: article.title,
        content_html: feedHtml(article, url),
        content_text: article.contentText,
        ...(article.image && { image: imageUrl(article.image, url) }),
        summary: article.summary,
        date_published: rfc3339(article.published),
        date_modified: rfc3339(article.updated),
        authors: article.authors.map(jsonAuthor),
        tags: article.tags,
        language: article.language,
      }
    }),
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

function jsonAuthor(author: Author): JsonFeedAuthor {
  const url = author.url ?? (author.email ? `mailto:${author.email}` : undefined)
  return url ? { name: author.name, url } : { name: author.name }
}
