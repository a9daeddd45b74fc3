import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { displayDate } from '../content/display-date.ts'
import type { SiteLinks } from '../feeds/feed-context.ts'
import { type FeedFormat, FORMATS } from '../feeds/formats.ts'
import type { Article } from '../model.ts'
import { ICON } from './assets.ts'

/** Open Graph / Twitter card data of a page. */
export interface SocialMeta {
  type: 'website' | 'article'
  siteName: string
  published?: string
  modified?: string
  tags?: readonly string[]
}

/** Props of {@link Layout}. */
export interface LayoutProps {
  title: string
  language: string
  links: SiteLinks
  /** Absolute canonical URL of this page. */
  canonical: string
  description: string
  social: SocialMeta
  /** The feeds of this page's subject (a tag), announced before the site's: readers take the first. */
  subjectFeeds?: readonly FeedFamily[]
  /** Feeds of related subjects (an article's tags), announced after the site's. */
  relatedFeeds?: readonly FeedFamily[]
  children: Child
}

/** The feeds of one subject in every format: `prefix` plus a format's path is one of them. */
export interface FeedFamily {
  label: string
  prefix: string
}

/** The page frame shared by every HTML page: metadata, feed autodiscovery, header and footer. */
export function Layout(props: LayoutProps) {
  const { links, social } = props
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.language}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title}</title>
          <meta name="description" content={props.description} />
          <link rel="canonical" href={props.canonical} />
          <FeedLinks families={props.subjectFeeds} links={links} />
          {FORMATS.map((f) => (
            <link rel="alternate" type={f.mediaType} title={f.label} href={links.feed(f.path)} />
          ))}
          <FeedLinks families={props.relatedFeeds} links={links} />
          <meta property="og:type" content={social.type} />
          <meta property="og:site_name" content={social.siteName} />
          <meta property="og:title" content={props.title} />
          <meta property="og:description" content={props.description} />
          <meta property="og:url" content={props.canonical} />
          <meta property="og:locale" content={props.language.replace('-', '_')} />
          {social.published && <meta property="article:published_time" content={social.published} />}
          {social.modified && <meta property="article:modified_time" content={social.modified} />}
          {social.tags?.map((t) => (
            <meta property="article:tag" content={t} />
          ))}
          <meta name="twitter:card" content="summary" />
          <meta name="twitter:title" content={props.title} />
          <meta name="twitter:description" content={props.description} />
          <meta name="color-scheme" content="light dark" />
          <link rel="icon" href={ICON} />
          <link rel="stylesheet" href={links.css} />
          <script src={links.script} defer></script>
        </head>
        <body>
          <header class="site">
            <div class="wrap">
              <a class="home" href={links.home}>
                {social.siteName}
              </a>
              <nav class="feeds" aria-label="Feeds">
                <a href={links.tags()}>Tags</a>
                {FORMATS.map((f) => (
                  <a href={links.feed(f.path)}>{f.label}</a>
                ))}
              </nav>
            </div>
          </header>
          <main class="wrap">{props.children}</main>
          <footer class="site">
            <div class="wrap">
              Subscribe:{' '}
              {FORMATS.map((f, i) => (
                <>
                  {i > 0 && ' · '}
                  <a href={links.feed(f.path)}>{f.label}</a>
                </>
              ))}{' '}
              · <a href={links.opml}>OPML</a>
            </div>
          </footer>
        </body>
      </html>
    </>
  )
}

/** Autodiscovery links of some feed families, one per format, titled `{label} ({format})`. */
function FeedLinks(props: { families: readonly FeedFamily[] | undefined; links: SiteLinks }) {
  return (
    <>
      {props.families?.map((family) =>
        FORMATS.map((f) => (
          <link
            rel="alternate"
            type={f.mediaType}
            title={`${family.label} (${f.label})`}
            href={props.links.feed(family.prefix + f.path)}
          />
        )),
      )}
    </>
  )
}

/**
 * One line per feed: its URL in a field, a copy button, and a `feed:` link where readers register
 * that scheme. `prefix` names a tag's feeds (see {@link FeedFamily}); '' the site's.
 */
export function SubscribeRows(props: {
  links: SiteLinks
  formats?: readonly FeedFormat[]
  prefix?: string
  /** The URL of the feed in the format at `path`, instead of `prefix` plus that path. */
  url?: (path: string) => string
}) {
  return (
    <>
      {(props.formats ?? FORMATS).map((f) => {
        const url = props.url ? props.url(f.path) : props.links.feed((props.prefix ?? '') + f.path)
        const id = `url-${f.name}`
        return (
          <div class="feedrow">
            <span class="label">{f.label}</span>
            <input id={id} type="url" readonly value={url} aria-label={`${f.label} feed URL`} />
            <button type="button" class="copy" data-copy={url} aria-controls={id}>
              Copy
            </button>
            {f.feedScheme && <a href={`feed:${url}`}>Open in reader</a>}
          </div>
        )
      })}
    </>
  )
}

/** Articles as cards: title linking to the article page, date, summary. */
export function ArticleList(props: { articles: readonly Article[]; links: SiteLinks; language: string }) {
  return (
    <ul class="items">
      {props.articles.map((article) => (
        <li>
          <h2>
            <a href={props.links.article(article.slug)}>{article.title}</a>
          </h2>
          <DateTime
            iso={article.published}
            language={props.language}
            label={article.language === props.language ? article.dateLabels?.published : undefined}
          />
          <p>{article.summary}</p>
        </li>
      ))}
    </ul>
  )
}

/** Links to the newer and older pages of a paged list; nothing when there is one page. */
export function Pager(props: {
  page: number
  pages: number
  href: (n: number) => string
  /** Words of the two links: newer and older articles by default. */
  labels?: readonly [string, string]
}) {
  const { page, pages, href } = props
  const [previous, next] = props.labels ?? ['← Newer', 'Older →']
  if (pages <= 1) return null
  return (
    <nav class="pager" aria-label="Pages">
      {page > 1 && (
        <a rel="prev" href={href(page - 1)}>
          {previous}
        </a>
      )}{' '}
      <span class="muted">
        Page {page} of {pages}
      </span>{' '}
      {page < pages && (
        <a rel="next" href={href(page + 1)}>
          {next}
        </a>
      )}
    </nav>
  )
}

/**
 * A date as a `<time>` element, shown in UTC so every visitor sees the same day; `label` is the
 * date already written for `language` (see `Article.dateLabels`).
 */
export function DateTime(props: { iso: string; language: string; label?: string | undefined }) {
  return <time datetime={props.iso}>{props.label ?? displayDate(props.iso, props.language)}</time>
}
