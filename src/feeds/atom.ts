// Written here rather than with `feed` (6.0.0): its Atom cannot carry `xml:lang`, writes `<category>`
// without `term`, puts text in CDATA that a second `]]>` breaks, leaves control characters in and
// makes one `feed` option the self link of both RSS and Atom; none of that can be fixed from the input.
import type { Author, SiteArticle } from '../model/article.ts'
import type { FeedDocument } from '../model/feed.ts'
import { rfc3339 } from './dates.ts'
import type { FeedFormat } from './feed-format.ts'
import { historyElements } from './feed-history.ts'
import { feedHtml, imageUrl } from './feed-html.ts'
import { atomTextElement } from './plain-text.ts'
import { element, stylesheetInstruction, textElement, XML_DECLARATION } from './xml.ts'

/**
 * Renders an Atom 1.0 document (RFC 4287).
 * @see https://www.rfc-editor.org/rfc/rfc4287
 */
export function renderAtom(doc: FeedDocument, format: FeedFormat): string {
  return (
    XML_DECLARATION +
    stylesheetInstruction(doc.stylesheet) +
    element(
      'feed',
      {
        xmlns: 'http://www.w3.org/2005/Atom',
        'xmlns:fh': 'http://purl.org/syndication/history/1.0',
        'xml:lang': doc.language,
      },
      textElement('id', doc.id),
      atomTextElement('title', doc.title),
      atomTextElement('subtitle', doc.description),
      textElement('updated', rfc3339(doc.updated)),
      authorElement(doc.author),
      element('link', { rel: 'self', type: format.mediaType, href: doc.self(format.path) }),
      // WebSub §4: the hub is advertised next to the self link.
      ...(doc.hub ? [element('link', { rel: 'hub', href: doc.hub })] : []),
      element('link', { rel: 'alternate', type: 'text/html', href: doc.home }),
      ...historyElements(doc, format.path, 'link', { type: format.mediaType }),
      // RFC 4287 §4.2.5: a small square icon. No <logo>: §4.2.8 asks for 2:1, and the icon is square.
      textElement('icon', doc.favicon),
      ...doc.articles.map((article) => entryElement(article, doc.articleUrl(article.slug), doc.language)),
    ) +
    '\n'
  )
}

/** One article as an Atom entry (RFC 4287 §4.1.2); `url` is its page, `language` the feed's. */
function entryElement(article: SiteArticle, url: string, language: string): string {
  return element(
    'entry',
    // RFC 4287 §2: xml:lang on an entry overrides the feed's, for articles in another language.
    { 'xml:lang': article.language !== language ? article.language : undefined },
    textElement('id', article.id),
    atomTextElement('title', article.title),
    textElement('updated', rfc3339(article.updated)),
    textElement('published', rfc3339(article.published)),
    element('link', { rel: 'alternate', type: 'text/html', href: url }),
    // RFC 4287 §4.2.7.2: rel="enclosure", with its type and length when known.
    ...(article.image
      ? [
          element('link', {
            rel: 'enclosure',
            type: article.image.type,
            length: article.image.length === undefined ? undefined : String(article.image.length),
            href: imageUrl(article.image, url),
          }),
        ]
      : []),
    ...article.authors.map(authorElement),
    ...article.tags.map((tag) => element('category', { term: tag })),
    atomTextElement('summary', article.summary),
    // RFC 4287 §4.1.3.3: type="html" content is escaped HTML markup.
    textElement('content', feedHtml(article, url), { type: 'html' }),
  )
}

/** Atom Person construct (RFC 4287 §3.2). */
function authorElement(author: Author): string {
  return element(
    'author',
    {},
    textElement('name', author.name),
    ...(author.email ? [textElement('email', author.email)] : []),
    ...(author.url ? [textElement('uri', author.url)] : []),
  )
}
