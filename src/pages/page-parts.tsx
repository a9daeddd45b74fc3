import { displayDate } from '../content/display-date.ts'
import type { FeedFormat } from '../feeds/feed-format.ts'
import { FORMATS } from '../feeds/formats.ts'
import type { SiteLinks } from '../links.ts'
import type { Article } from '../model/article.ts'

// The pieces pages share inside the frame of layout.tsx: subscribe rows, article lists, pagers, dates.

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
        const url = props.url ? props.url(f.path) : props.links.url((props.prefix ?? '') + f.path)
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
