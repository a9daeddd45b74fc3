import type { ResolvedConfig } from '../config.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import type { Corpus } from '../corpus/corpus.ts'
import { type FeedContext, type SiteLinks, siteFeed, siteLinks } from '../feeds/feed-context.ts'
import { type FeedPage, feedPage } from '../feeds/feed-page.ts'
import type { FeedFormat } from '../feeds/formats.ts'
import { fnv1a } from '../fingerprint.ts'
import { CONTENT_TYPES, feedContentType } from '../http/content-types.ts'
import { type PreparedResponse, prepareResponse, type ResponseProfile } from '../http/prepared-response.ts'
import type { RepresentationSpec, RepresentationStore } from '../http/representation-store.ts'
import type { SiteArticle } from '../model.ts'
import { ArticlePage } from '../pages/article-page.tsx'
import { FeedPreviewPage } from '../pages/feed-preview-page.tsx'
import { IndexPage } from '../pages/index-page.tsx'
import { type FeedTarget, feedKey, feedSource } from './feed-source.ts'
import { deploymentTime, lastChanged } from './last-modified.ts'
import { INDEX_PAGE_SIZE, PINNED_INDEX_PAGES } from './page-size.ts'
import { type FeedView, ResponseProfiles } from './response-profiles.ts'
import { SiteDocuments } from './site-documents.tsx'
import { type MemoKind, SiteMemo } from './site-memo.ts'
import type { Maybe, RequestScope, SiteOptions } from './site-options.ts'

/** `updated` of a site without articles (feeds must carry a date): a fixed one, never the clock. */
export const NO_ARTICLES_UPDATED = '1970-01-01T00:00:00.000Z'

/** What a response's bytes are made of: everything of a representation but its key. */
export type Rendering = Omit<RepresentationSpec, 'key'>

/**
 * One site as seen from one base URL with one set of settings: its links, its header sets and
 * every representation it has rendered, each kind in a memo of its own bound. Routes only ask it
 * for a prepared response and send it. Lists beyond the feeds and the index (tags, the OPML, the
 * sitemap) are {@link SiteDocuments}.
 */
export class Site {
  readonly config: ResolvedConfig
  readonly links: SiteLinks
  /** Names everything the bytes depend on besides the content: settings and base URL. */
  readonly key: string
  readonly corpus: Corpus
  readonly profiles: ResponseProfiles
  readonly documents: SiteDocuments
  /** The whole site's subscription documents, which the pages link to. */
  readonly feedPage: FeedPage
  readonly #store: RepresentationStore
  readonly #onBuild: ((key: string) => void) | undefined
  readonly #deployed: string | undefined
  readonly #memo = new SiteMemo()

  constructor(options: SiteOptions) {
    const { config } = options
    const base = config.baseUrl ?? options.origin
    this.config = config
    this.links = siteLinks(base, config.icon)
    this.key = `${base} ${fnv1a(JSON.stringify(config))} ${options.corpus.manifest.fingerprint}`
    this.corpus = options.corpus
    this.#store = options.store
    this.profiles = new ResponseProfiles(config)
    this.#onBuild = options.onBuild
    this.#deployed = deploymentTime(options.deployed)
    this.feedPage = feedPage(siteFeed(config, this.links), this.links, this.corpus.count, config.feedItems)
    this.documents = new SiteDocuments(this)
  }

  /** The feed's response for `view` at its fixed URL, when it is in memory (the hot path: no promise, no routing). */
  peekFeed(format: FeedFormat, view: FeedView): PreparedResponse | undefined {
    return this.#memo.peek(feedKey(format, view, false, {}))
  }

  /** Number of index pages (at least 1, even for an empty corpus). */
  get indexPages(): number {
    return Math.max(1, Math.ceil(this.corpus.count / INDEX_PAGE_SIZE))
  }

  /**
   * A feed document, as `view` says: the site's subscription document unless `target` names a
   * tag's feed or an archive page; `undefined` when there is no such document. `negotiated` when
   * it answers a `…/feed` URL (then it names its own URL and varies by `Accept`). Returns at once,
   * without a promise, when it is in memory: the common case.
   */
  feed(
    format: FeedFormat,
    view: FeedView,
    negotiated: boolean,
    scope: RequestScope,
    target: FeedTarget = {},
  ): Maybe<PreparedResponse | undefined> {
    const key = feedKey(format, view, negotiated, target)
    const hit = this.#memo.peek(key)
    return (
      hit ??
      feedSource(target, this.corpus, scope.files, this.config, this.links).then(async (source) => {
        if (!source) return undefined
        const kind = target.tag === undefined && target.archive === undefined ? 'pinned' : 'documents'
        const profile = this.profiles.feed(format, view, negotiated, source.page)
        if (negotiated) {
          // The same bytes as the fixed URL: only the headers differ.
          const plain = (await this.feed(format, view, false, scope, target)) as PreparedResponse
          return this.#memo.get(key, kind, async () => prepareResponse(plain.representation, profile))
        }
        return this.respond(key, kind, profile, scope, async () => {
          const articles = await this.corpus.listRange(scope.files, source.list, source.start, source.end, this.config)
          const feed = this.context(articles, source.page)
          // A browser's preview page, the feed as `application/xml` for XSLT, or the feed itself.
          const [render, contentType] =
            view === 'preview'
              ? [() => `${<FeedPreviewPage feed={feed} format={format} />}`, CONTENT_TYPES.html]
              : [
                  () => format.render(feed),
                  view === 'xml' && format.xml ? CONTENT_TYPES.xml : feedContentType(format.mediaType),
                ]
          return { render, contentType, updated: lastChanged(this.#deployed, feed.updated) }
        })
      })
    )
  }

  /** Page `n` (1-based) of the index, or `undefined` past the last page. */
  indexPage(n: number, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    const pages = this.indexPages
    if (n > pages) return undefined
    const key = `index ${n}`
    const kind = n <= PINNED_INDEX_PAGES ? 'pinned' : 'indexPages'
    const profile = this.profiles.html(`index,index:${n}`)
    return this.respond(key, kind, profile, scope, async () => {
      const articles = await this.corpus.range(scope.files, (n - 1) * INDEX_PAGE_SIZE, n * INDEX_PAGE_SIZE, this.config)
      const feed = this.context(articles)
      return {
        render: () => `${<IndexPage feed={feed} articles={articles} page={n} pages={pages} />}`,
        contentType: CONTENT_TYPES.html,
        updated: this.changed(this.corpus.manifest.updated),
      }
    })
  }

  /** The page of the article at `/articles/{slug}`, or `undefined` when there is none. */
  article(slug: string, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    return this.#memo.peek(`article ${slug}`) ?? this.#loadArticle(`article ${slug}`, slug, scope)
  }

  async #loadArticle(key: string, slug: string, scope: RequestScope): Promise<PreparedResponse | undefined> {
    const located = await this.corpus.bySlug(scope.files, slug, this.config)
    if (!located) return undefined
    const { article, position } = located
    const kind = position < this.config.feedItems ? 'pinned' : 'articles'
    const profile = this.profiles.html(`articles,article:${slug}`)
    return this.respond(key, kind, profile, scope, async () => ({
      render: () => `${<ArticlePage feed={this.context([])} article={article} />}`,
      contentType: CONTENT_TYPES.html,
      updated: this.changed(article.updated),
    }))
  }

  /** The response kept under `key`, if any (see {@link respond}). */
  peek(key: string): PreparedResponse | undefined {
    return this.#memo.peek(key)
  }

  /** `Last-Modified` of bytes made from content last changed at `content` (see `lastChanged`). */
  changed(content?: string): string | undefined {
    return lastChanged(this.#deployed, content)
  }

  /** What the serializers and pages render from: by default, as the site's subscription document. */
  context(articles: readonly SiteArticle[], page: FeedPage = this.feedPage): FeedContext {
    return {
      config: this.config,
      links: this.links,
      articles,
      updated: newestUpdated(articles) || this.corpus.manifest.updated || NO_ARTICLES_UPDATED,
      page,
    }
  }

  /**
   * The response under `key`: in memory (returned at once), or built now from what `load` gives,
   * rendered or read from the Cache API, prepared with `profile` and kept in the memo of `kind`.
   */
  respond(
    key: string,
    kind: MemoKind,
    profile: ResponseProfile,
    scope: RequestScope,
    load: () => Promise<Rendering>,
  ): Maybe<PreparedResponse> {
    return this.#memo.get(key, kind, async () => {
      const rendering = await load()
      this.#onBuild?.(key)
      const representation = await this.#store.load({ ...rendering, key: `${key} ${this.key}` }, scope.waitUntil)
      return prepareResponse(representation, profile)
    })
  }
}
