/**
 * The articles as every layer sees them: the build makes them, the content files store them, the
 * serializers and pages read them. Shaped after the `feed` package's `Item`, with what that model
 * lacks for JSON Feed 1.1 and Atom (several authors, language, plain-text content, a
 * host-independent id). This folder imports nothing of the layers that use it.
 */

/** A person credited for an article or the whole site. */
export interface Author {
  name: string
  /** Shown as RSS `<author>`'s mailbox form and Atom `<email>`; never invented. */
  email?: string
  /** Absolute http(s) URL of the author's page. */
  url?: string
}

/** An image of an article: a published file of `seeds/` (type, bytes and size known) or an https URL. */
export interface ArticleImage {
  /** `../media/{hash}.{ext}` (relative to the article page) for a published file, else the URL as written. */
  url: string
  /** Media type and length in bytes, for RSS and Atom enclosures; known for published files. */
  type?: string
  length?: number
  width?: number
  height?: number
}

/** One article, parsed from a file in `seeds/`. Dates are RFC 3339 strings in UTC (`toISOString`). */
export interface Article {
  /** Path segment of the article page: `/articles/{slug}`. */
  slug: string
  /**
   * Host-independent identifier (`urn:uuid:` derived from the file name, or set in metadata).
   * Used verbatim as RSS `<guid isPermaLink="false">`, Atom `<id>` and JSON Feed `id`, so it never
   * changes with the origin that served the request.
   */
  id: string
  title: string
  /** Plain text, one or two sentences. */
  summary: string
  /**
   * What the body was written in: `text` (a `.txt` file: paragraphs, escaped into `<p>`s) or
   * `markdown` (a `.md` file, rendered at build time; its links and images may be relative).
   */
  format: 'text' | 'markdown'
  /** The body as HTML. Links and images may be relative to the article page (the feeds make them absolute). */
  contentHtml: string
  /** The body as plain text: paragraphs separated by a blank line. */
  contentText: string
  /** Paragraphs of the body, plain text (what `contentText` is made from, and `contentHtml` for `text`). */
  paragraphs: string[]
  /** The article's image (`image:`, else the first image of a `.md` body): feeds' enclosure and image, `og:image`. */
  image?: ArticleImage
  published: string
  updated: string
  /** Empty means "the site's author". */
  authors: Author[]
  tags: string[]
  /** BCP 47 language tag, e.g. `en` or `pt-BR`; absent means the site's language. */
  language?: string
  /**
   * `published` and `updated` as a reader of `language` writes them (`6 août 2019`), made at build
   * time for articles in a language other than plain English: `Intl` costs ~12 ms of CPU on its
   * first use in an isolate, more than a whole first request may spend.
   */
  dateLabels?: { published: string; updated: string }
  /** Where the article came from, for error messages: `seeds/000_x.txt`. */
  source: string
}

/**
 * An article as a site serves it: `authors` never empty (the site's author when the file names
 * none) and `language` always set (the site's when the file sets none). Every serializer and page
 * reads this, so none of them applies the fallback again (see `authorAndLanguage`).
 */
export interface SiteArticle extends Article {
  language: string
}

/**
 * An article as the content files store it: without the forms derived from `paragraphs` (a third
 * of the bytes to upload and to parse), with the rendered HTML of a `markdown` body as `html`.
 */
export type StoredArticle = Omit<Article, 'format' | 'contentHtml' | 'contentText'> & { html?: string }
