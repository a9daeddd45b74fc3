import type { ResolvedConfig } from '../config.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import type { Corpus } from '../corpus/corpus.ts'
import { type FeedContext, type SiteLinks, siteLinks } from '../feeds/feed-context.ts'
import type { FeedFormat } from '../feeds/formats.ts'
import { renderOpml } from '../feeds/opml.ts'
import { fnv1a } from '../fingerprint.ts'
import { CONTENT_TYPES, feedContentType } from '../http/content-types.ts'
import { type PreparedResponse, prepareResponse, type ResponseProfile } from '../http/prepared-response.ts'
import type { RepresentationSpec, RepresentationStore } from '../http/representation-store.ts'
import type { SiteArticle } from '../model.ts'
import { ArticlePage } from '../pages/article-page.tsx'
import { FeedPreviewPage } from '../pages/feed-preview-page.tsx'
import { IndexPage } from '../pages/index-page.tsx'
import { deploymentTime, lastChanged } from './last-modified.ts'
import { type FeedView, ResponseProfiles } from './response-profiles.ts'
import { SiteMemo } from './site-memo.ts'
import type { Maybe, RequestScope, SiteOptions, WaitUntil } from './site-options.ts'
import { STATIC_TEXTS } from './static-texts.ts'

/** Articles per index page: the newest on `/`, older ones on `/page/2`, … */
export const INDEX_PAGE_SIZE = 30

/** Index pages kept for the isolate's life (the ones people and crawlers open most); older ones are bounded. */
export const PINNED_INDEX_PAGES = 3

/** The memo key of a feed response. */
function feedKey(format: FeedFormat, view: FeedView, negotiated: boolean): string {
  return negotiated ? `${view} ${format.name} negotiated` : `${view} ${format.name}`
}

/**
 * One site as seen from one base URL with one set of settings: its links, its header sets and
 * every representation it has rendered, each kind in a memo of its own bound. Routes only ask it
 * for a prepared response and send it.
 */
export class Site {
  readonly config: ResolvedConfig
  readonly links: SiteLinks
  /** Names everything the bytes depend on besides the content: settings and base URL. */
  readonly key: string
  readonly #corpus: Corpus
  readonly #store: RepresentationStore
  readonly #profiles: ResponseProfiles
  readonly #onBuild: ((key: string) => void) | undefined
  readonly #deployed: string | undefined
  readonly #memo = new SiteMemo()

  constructor(options: SiteOptions) {
    const { config } = options
    const base = config.baseUrl ?? options.origin
    this.config = config
    this.links = siteLinks(base)
    this.key = `${base} ${fnv1a(JSON.stringify(config))} ${options.corpus.manifest.fingerprint}`
    this.#corpus = options.corpus
    this.#store = options.store
    this.#profiles = new ResponseProfiles(config, this.links)
    this.#onBuild = options.onBuild
    this.#deployed = deploymentTime(options.deployed)
  }

  /** The feed's response for `view` at its fixed URL, when it is in memory (the hot path: no promise, no routing). */
  peekFeed(format: FeedFormat, view: FeedView): PreparedResponse | undefined {
    return this.#memo.peek(feedKey(format, view, false))
  }

  /** Number of index pages (at least 1, even for an empty corpus). */
  get indexPages(): number {
    return Math.max(1, Math.ceil(this.#corpus.count / INDEX_PAGE_SIZE))
  }

  /**
   * A feed, as `view` says; `negotiated` when it answers `/feed` (then it names its own URL and
   * varies by `Accept`). Returns at once, without a promise, when it is in memory: the common case.
   */
  feed(format: FeedFormat, view: FeedView, negotiated: boolean, scope: RequestScope): Maybe<PreparedResponse> {
    const key = feedKey(format, view, negotiated)
    if (negotiated) {
      // The same bytes as the fixed URL: only the headers differ.
      return this.#memo.get(key, 'pinned', async () => {
        const plain = await this.feed(format, view, false, scope)
        return prepareResponse(plain.representation, this.#profiles.feed(format, view, true))
      })
    }
    return this.#memo.get(key, 'pinned', async () => {
      const articles = await this.#corpus.newest(scope.files, this.config.feedItems, this.config)
      const feed = this.#context(articles)
      // A browser's preview page, the feed as `application/xml` for XSLT, or the feed itself.
      const [render, contentType] =
        view === 'preview'
          ? [() => `${<FeedPreviewPage feed={feed} format={format} />}`, CONTENT_TYPES.html]
          : [
              () => format.render(feed),
              view === 'xml' && format.xml ? CONTENT_TYPES.xml : feedContentType(format.mediaType),
            ]
      const spec = { key, render, contentType, updated: lastChanged(this.#deployed, feed.updated) }
      return this.#prepare(spec, this.#profiles.feed(format, view, false), scope.waitUntil)
    })
  }

  /** Page `n` (1-based) of the index, or `undefined` past the last page. */
  indexPage(n: number, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    const pages = this.indexPages
    if (n > pages) return undefined
    const key = `index ${n}`
    return this.#memo.get(key, n <= PINNED_INDEX_PAGES ? 'pinned' : 'indexPages', async () => {
      const articles = await this.#corpus.range(
        scope.files,
        (n - 1) * INDEX_PAGE_SIZE,
        n * INDEX_PAGE_SIZE,
        this.config,
      )
      const feed = this.#context(articles)
      const render = () => `${<IndexPage feed={feed} articles={articles} page={n} pages={pages} />}`
      return this.#prepare(
        {
          key,
          render,
          contentType: CONTENT_TYPES.html,
          updated: lastChanged(this.#deployed, this.#corpus.manifest.updated),
        },
        this.#profiles.html(`index,index:${n}`),
        scope.waitUntil,
      )
    })
  }

  /** The page of the article at `/articles/{slug}`, or `undefined` when there is none. */
  article(slug: string, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    const key = `article ${slug}`
    return this.#memo.peek(key) ?? this.#loadArticle(key, slug, scope)
  }

  async #loadArticle(key: string, slug: string, scope: RequestScope): Promise<PreparedResponse | undefined> {
    const located = await this.#corpus.bySlug(scope.files, slug, this.config)
    if (!located) return undefined
    const { article, position } = located
    return this.#memo.get(key, position < this.config.feedItems ? 'pinned' : 'articles', () => {
      const feed = this.#context([])
      const render = () => `${<ArticlePage feed={feed} article={article} />}`
      return this.#prepare(
        { key, render, contentType: CONTENT_TYPES.html, updated: lastChanged(this.#deployed, article.updated) },
        this.#profiles.html(`articles,article:${slug}`),
        scope.waitUntil,
      )
    })
  }

  /** The OPML subscription list. */
  opml(scope: RequestScope): Maybe<PreparedResponse> {
    return this.#memo.get('opml', 'pinned', () => {
      const spec = {
        key: 'opml',
        render: () => renderOpml(this.#context([])),
        contentType: CONTENT_TYPES.opml,
        updated: lastChanged(this.#deployed, this.#corpus.manifest.updated),
      }
      return this.#prepare(spec, this.#profiles.service('opml'), scope.waitUntil)
    })
  }

  /** The stylesheet, the script or the XSLT. */
  text(name: keyof typeof STATIC_TEXTS, scope: RequestScope): Maybe<PreparedResponse> {
    const key = `text ${name}`
    return this.#memo.get(key, 'pinned', () => {
      const { text, contentType } = STATIC_TEXTS[name]
      return this.#prepare(
        {
          key,
          render: () => (typeof text === 'string' ? text : text(this.links)),
          contentType,
          updated: lastChanged(this.#deployed),
        },
        this.#profiles.service(`assets,asset:${name}`),
        scope.waitUntil,
      )
    })
  }

  /** What the serializers and pages render from. */
  #context(articles: readonly SiteArticle[]): FeedContext {
    return {
      config: this.config,
      links: this.links,
      articles,
      updated: newestUpdated(articles) || this.#corpus.manifest.updated,
    }
  }

  /** Renders (or reads from the Cache API) and prepares the headers. */
  async #prepare(spec: RepresentationSpec, profile: ResponseProfile, waitUntil: WaitUntil): Promise<PreparedResponse> {
    this.#onBuild?.(spec.key)
    const representation = await this.#store.load({ ...spec, key: `${spec.key} ${this.key}` }, waitUntil)
    return prepareResponse(representation, profile)
  }
}
