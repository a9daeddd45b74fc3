// Written here rather than with `feed` (6.0.0): its RSS puts titles in CDATA that a second `]]>`
// breaks, leaves attribute values unescaped, passes control characters into the XML and writes a
// name-only `<author>` the W3C validator rejects; none of that can be fixed from the input.

import { escapeHtml } from '../content/escape-html.ts'
import type { ArticleImage, Author, SiteArticle } from '../model/article.ts'
import type { FeedDocument } from '../model/feed.ts'
import { rfc822 } from './dates.ts'
import type { FeedFormat } from './feed-format.ts'
import { historyElements } from './feed-history.ts'
import { feedHtml, imageUrl } from './feed-html.ts'
import { characterData, rssTextElement } from './plain-text.ts'
import { element, stylesheetInstruction, textElement, XML_DECLARATION } from './xml.ts'

/**
 * Namespaces used: Atom for `rel="self"` and the archive links, content for the full HTML, Dublin
 * Core for names without email, feed history (RFC 5005) for `fh:complete` and `fh:archive`.
 */
const NAMESPACES = {
  version: '2.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:fh': 'http://purl.org/syndication/history/1.0',
}

/**
 * The side of the square RSS `<image>`, in pixels: RSS 2.0's widest (144). The default image is
 * drawn at this size (scripts/make-icons.ts); a `SITE_ICON` is declared at it, and readers scale it.
 */
export const RSS_IMAGE_SIZE = 144

/**
 * Renders an RSS 2.0 document as the W3C Feed Validation Service reads it.
 * @see https://www.rssboard.org/rss-specification
 * @see https://validator.w3.org/feed/docs/rss2.html
 */
export function renderRss(doc: FeedDocument, format: FeedFormat): string {
  return (
    XML_DECLARATION +
    stylesheetInstruction(doc.stylesheet) +
    element(
      'rss',
      NAMESPACES,
      element(
        'channel',
        {},
        rssTextElement('title', doc.title),
        textElement('link', doc.home),
        rssTextElement('description', doc.description),
        element('atom:link', { href: doc.self(format.path), rel: 'self', type: format.mediaType }),
        // WebSub §4: the hub is advertised next to the self link.
        ...(doc.hub ? [element('atom:link', { href: doc.hub, rel: 'hub' })] : []),
        ...historyElements(doc, format.path, 'atom:link', { type: format.mediaType }),
        textElement('language', doc.language),
        textElement('lastBuildDate', rfc822(doc.updated)),
        textElement('docs', 'https://www.rssboard.org/rss-specification'),
        // Readers such as NetNewsWire and Miniflux show it; its title and link must be the channel's,
        // its width at most 144 (88 × 31 when left out, so the size is always given).
        element(
          'image',
          {},
          textElement('url', doc.image),
          rssTextElement('title', doc.title),
          textElement('link', doc.home),
          textElement('width', String(RSS_IMAGE_SIZE)),
          textElement('height', String(RSS_IMAGE_SIZE)),
        ),
        ...doc.articles.map((article) => itemElement(article, doc.articleUrl(article.slug))),
      ),
    ) +
    '\n'
  )
}

/** One article as an RSS 2.0 `<item>`; `url` is its page. */
function itemElement(article: SiteArticle, url: string): string {
  return element(
    'item',
    {},
    rssTextElement('title', article.title),
    textElement('link', url),
    // The id is a URN, not the page URL, so it is not a permalink (RSS 2.0 <guid>).
    textElement('guid', article.id, { isPermaLink: 'false' }),
    textElement('pubDate', rfc822(article.published)),
    // <description> is entity-encoded HTML for readers; the summary is plain text, so escape it as HTML first.
    textElement('description', escapeHtml(article.summary)),
    textElement('content:encoded', feedHtml(article, url)),
    ...(article.image ? [imageElement(article.image, url)] : []),
    ...article.authors.map(authorElement),
    ...article.tags.map((tag) => element('category', {}, characterData(tag))),
  )
}

/**
 * The article's image: an RSS 2.0 `<enclosure>` when its length and type are known (a published
 * file), since all three attributes are required; else (a web URL) Media RSS `<media:content>`,
 * which needs only the URL. Its namespace is declared on it, so feeds without one stay as they were.
 */
function imageElement(image: ArticleImage, articleUrl: string): string {
  const url = imageUrl(image, articleUrl)
  if (image.type && image.length !== undefined)
    return element('enclosure', { url, length: String(image.length), type: image.type })
  return element('media:content', { 'xmlns:media': 'http://search.yahoo.com/mrss/', url, medium: 'image' })
}

/** RSS `<author>` must be an email address (`email (Name)`); a name alone goes in `dc:creator`. */
function authorElement(author: Author): string {
  return author.email
    ? element('author', {}, characterData(`${author.email} (${author.name})`))
    : element('dc:creator', {}, characterData(author.name))
}
