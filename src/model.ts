/**
 * The domain model: the only types the content pipeline produces and every serializer and page
 * reads. Shaped after the `feed` package's `Item`/`FeedOptions`, with what that model lacks for
 * JSON Feed 1.1 and Atom (several authors, language, plain-text content, a host-independent id).
 */

/** A person credited for an article or the whole site. */
export interface Author {
  name: string
  /** Shown as RSS `<author>`'s mailbox form and Atom `<email>`; never invented. */
  email?: string
  /** Absolute http(s) URL of the author's page. */
  url?: string
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
  /** The body as escaped HTML: one `<p>` per paragraph. */
  contentHtml: string
  /** The body as plain text: paragraphs separated by a blank line. */
  contentText: string
  /** Paragraphs of the body, plain text (what contentHtml and contentText are made from). */
  paragraphs: string[]
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
 * reads this, so none of them applies the fallback again (see `creditsOf`).
 */
export interface SiteArticle extends Article {
  language: string
}

/** Site-wide settings, read once from the Worker's environment (see `config.ts`). */
export interface SiteConfig {
  title: string
  description: string
  /** Canonical origin + base path, e.g. `https://news.example.com`; `undefined` = the request's origin. */
  baseUrl?: string
  author: Author
  language: string
}
