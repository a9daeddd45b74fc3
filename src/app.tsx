import { Hono, type Context } from 'hono'
import { cors } from 'hono/cors'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { secureHeaders } from 'hono/secure-headers'
import { trimTrailingSlash } from 'hono/trailing-slash'
import { ConfigError, readConfig, type Env, type ResolvedConfig } from './config.ts'
import { feedContext, type FeedContext } from './feeds/feed-context.ts'
import { FORMATS, type FeedFormat } from './feeds/formats.ts'
import { renderOpml } from './feeds/opml.ts'
import { cacheControl } from './http/cache-control.ts'
import { CONTENT_TYPES, feedContentType } from './http/content-types.ts'
import { isBrowserNavigation } from './http/browser-navigation.ts'
import { errorResponse } from './http/error-response.ts'
import { linkHeader, type LinkTarget } from './http/link-header.ts'
import { negotiateFormat } from './http/negotiate.ts'
import { RepresentationCache } from './http/representation-cache.ts'
import { RepresentationStore, type RepresentationSpec } from './http/representation-store.ts'
import { sendRepresentation } from './http/send-representation.ts'
import type { Article } from './model.ts'
import { ArticlePage } from './pages/article-page.tsx'
import { SITE_CSS, SITE_JS } from './pages/assets.ts'
import { FeedPreviewPage } from './pages/feed-preview-page.tsx'
import { FEED_XSL } from './pages/feed-stylesheet.ts'
import { IndexPage } from './pages/index-page.tsx'
import { PATHS } from './paths.ts'

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The articles to serve, newest first, non-empty (as `loadArticles` returns them). */
  articles: readonly Article[]
  /** The feed formats (default {@link FORMATS}); tests wrap them to count renders. */
  formats?: readonly FeedFormat[]
}

type AppEnv = { Bindings: Env; Variables: { feed: FeedContext } }

/** Articles per index page: the newest on `/`, older ones on `/page/2`, … */
export const INDEX_PAGE_SIZE = 30

/** Methods every route answers; `OPTIONS` is the CORS preflight. */
const ALLOWED = ['GET', 'HEAD', 'OPTIONS']

/**
 * Builds the Hono app: the HTTP edge of the pipeline (content → model → serializers → here).
 *
 * @param options - the content to serve; tests pass their own fixtures
 * @example
 * export default { fetch: createApp({ articles }).fetch } satisfies ExportedHandler<Env>
 */
export function createApp(options: AppOptions) {
  const { articles } = options
  const formats = options.formats ?? FORMATS
  const bySlug = new Map(articles.map((a) => [a.slug, a]))
  const newest = articles.reduce((max, a) => (a.updated > max ? a.updated : max), '')
  let store: RepresentationStore | undefined
  const app = new Hono<AppEnv>()

  /** Serves one representation: built once per isolate (or read from the Cache API), then 200/304. */
  async function serve(c: Context<AppEnv>, spec: RepresentationSpec, headers: Record<string, string> = {}, vary: string[] = []) {
    store ??= new RepresentationStore(c.env?.CF_VERSION_METADATA ? { version: c.env.CF_VERSION_METADATA.id } : {})
    const representation = await store.get(spec, waitUntilOf(c))
    const feed = c.var.feed
    return sendRepresentation(c.req.raw, representation, { cacheControl: once(`cache ${feed.key}`, () => cacheControl(feed.config)), headers, vary })
  }

  /** Header values that depend only on settings and origin, built once per context: not per request. */
  // Bounded: the origin in the key comes from the request's Host.
  const headerValues = new RepresentationCache<string>()
  function once(key: string, build: () => string): string {
    return headerValues.get(key, build)
  }

  /** `Link` header of a feed: itself, its hub, and the other formats (RFC 8288, WebSub §4). */
  function feedLinks(feed: FeedContext, format: FeedFormat): string {
    return once(`link ${format.name} ${feed.key}`, () => buildFeedLinks(feed, format))
  }

  function buildFeedLinks(feed: FeedContext, format: FeedFormat): string {
    const targets: LinkTarget[] = [{ href: feed.links[format.name], rel: 'self', type: format.mediaType }]
    if (feed.config.websubHub) targets.push({ href: feed.config.websubHub, rel: 'hub' })
    for (const other of formats) if (other !== format) targets.push({ href: feed.links[other.name], rel: 'alternate', type: other.mediaType })
    return linkHeader(targets)
  }

  /** `Link` header of an HTML page: the feeds that list it. */
  function pageLinks(feed: FeedContext): string {
    return once(`link page ${feed.key}`, () => linkHeader(formats.map((f) => ({ href: feed.links[f.name], rel: 'alternate', type: f.mediaType }))))
  }

  /**
   * Serves a feed, or its readable page to a browser navigation (same URL, `Vary: Sec-Fetch-Dest`).
   * `?view=xslt` sends the feed as `application/xml` so browsers apply its XSLT (a way to see and
   * test that layer; Chromium ignores XSLT on the feed media types).
   */
  function serveFeed(c: Context<AppEnv>, format: FeedFormat, headers: Record<string, string> = {}, vary: string[] = []) {
    const feed = c.var.feed
    const linkHeaders = { Link: feedLinks(feed, format), ...headers }
    const varyAll = [...vary, 'Sec-Fetch-Dest']
    if (isBrowserNavigation(c.req.raw.headers) && c.req.query('view') !== 'xslt') {
      const render = () => `${<FeedPreviewPage feed={feed} format={format} />}`
      return serve(c, { key: `preview ${format.name} ${feed.key}`, render, contentType: CONTENT_TYPES.html, updated: feed.updated }, linkHeaders, varyAll)
    }
    const xslt = c.req.query('view') === 'xslt' && format.name !== 'jsonFeed'
    const contentType = xslt ? CONTENT_TYPES.xml : feedContentType(format.mediaType)
    return serve(c, { key: `feed ${format.name}${xslt ? ' xml' : ''} ${feed.key}`, render: () => format.render(feed), contentType, updated: feed.updated }, linkHeaders, varyAll)
  }

  /** Serves a fixed text (stylesheet, script, XSLT) with the same validators as everything else. */
  function serveText(c: Context<AppEnv>, key: string, text: string, contentType: string) {
    return serve(c, { key: `static ${key}`, render: () => text, contentType, updated: newest })
  }

  app.use(
    secureHeaders({
      // Nothing inline, nothing from elsewhere: the one script and stylesheet are files of this site,
      // so article text could not run script even if it ever escaped its escaping.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
      // The feeds are public and readable from any origin (see CORS below).
      crossOriginResourcePolicy: 'cross-origin',
    }),
  )
  // Feeds are public: any origin may read them and their validators (Fetch standard, CORS protocol).
  app.use(cors({ origin: '*', allowMethods: ALLOWED, allowHeaders: ['If-None-Match', 'If-Modified-Since', 'Accept'], exposeHeaders: ['ETag', 'Last-Modified', 'Link', 'Content-Location'], maxAge: 86400 }))
  // `/articles/x/` is not a page of its own: send readers and crawlers to the one URL (301).
  app.use(trimTrailingSlash())
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c) => errorResponse(c, 405, `${c.req.method} is not allowed here; use GET or HEAD.`, { Allow: ALLOWED.join(', ') }),
    }),
  )
  // The context depends only on the settings and the origin: built once per pair, not per request.
  const contexts = new WeakMap<ResolvedConfig, RepresentationCache<FeedContext>>()
  app.use(async (c, next) => {
    const config = readConfig(c.env ?? {})
    const origin = config.baseUrl ?? new URL(c.req.url).origin
    let byOrigin = contexts.get(config)
    if (!byOrigin) contexts.set(config, (byOrigin = new RepresentationCache<FeedContext>()))
    c.set('feed', byOrigin.get(origin, () => feedContext(config, articles, origin)))
    await next()
  })

  for (const format of formats) app.get(format.path, (c) => serveFeed(c, format))

  // One URL for every format, chosen by Accept (RFC 9110 §12.5.1); the first format answers */*.
  app.get(PATHS.negotiated, (c) => {
    const format = negotiateFormat(c.req.header('Accept'), formats)
    if (!format) {
      c.header('Vary', 'Accept')
      return errorResponse(c, 406, `None of the types in Accept can be served here. Available: ${formats.map((f) => f.mediaType).join(', ')}.`)
    }
    return serveFeed(c, format, { 'Content-Location': c.var.feed.links[format.name] }, ['Accept'])
  })

  app.get(PATHS.opml, (c) => {
    const feed = c.var.feed
    return serve(c, { key: `opml ${feed.key}`, render: () => renderOpml(feed), contentType: CONTENT_TYPES.opml, updated: feed.updated })
  })
  app.get(PATHS.stylesheet, (c) => serveText(c, 'xsl', FEED_XSL, CONTENT_TYPES.xsl))
  app.get(PATHS.css, (c) => serveText(c, 'css', SITE_CSS, CONTENT_TYPES.css))
  app.get(PATHS.script, (c) => serveText(c, 'js', SITE_JS, CONTENT_TYPES.js))

  /** Serves page `n` (1-based) of the index: {@link INDEX_PAGE_SIZE} articles, newest first. */
  function serveIndex(c: Context<AppEnv>, n: number) {
    const feed = c.var.feed
    const pages = Math.max(1, Math.ceil(articles.length / INDEX_PAGE_SIZE))
    if (n > pages) return errorResponse(c, 404, `There is no page ${n}; the index has ${pages}.`)
    const list = articles.slice((n - 1) * INDEX_PAGE_SIZE, n * INDEX_PAGE_SIZE)
    const render = () => `${<IndexPage feed={feed} articles={list} page={n} pages={pages} />}`
    return serve(c, { key: `page index ${n} ${feed.key}`, render, contentType: CONTENT_TYPES.html, updated: newest }, { Link: pageLinks(feed) })
  }

  app.get(PATHS.home, (c) => serveIndex(c, 1))
  app.get(PATHS.page(':n'), (c) => {
    const n = c.req.param('n') ?? ''
    // One URL per page: /page/1 is the home page, and only plain numbers name pages.
    if (n === '1') return c.redirect(c.var.feed.links.home, 301)
    if (!/^[1-9][0-9]{0,6}$/.test(n)) return errorResponse(c, 404, `No page ${n}.`)
    return serveIndex(c, Number(n))
  })

  app.get(PATHS.article(':slug'), (c) => {
    const feed = c.var.feed
    const article = bySlug.get(c.req.param('slug') ?? '')
    if (!article) return errorResponse(c, 404, `No article at ${c.req.path}.`)
    const render = () => `${<ArticlePage feed={feed} article={article} />}`
    return serve(c, { key: `page article ${article.slug} ${feed.key}`, render, contentType: CONTENT_TYPES.html, updated: article.updated }, { Link: pageLinks(feed) })
  })

  app.notFound((c) => errorResponse(c, 404, `Nothing at ${c.req.path}.`))
  app.onError((error, c) => {
    if (error instanceof ConfigError) {
      console.error(error.message)
      return errorResponse(c, 500, error.message)
    }
    console.error(error)
    return errorResponse(c, 500, 'Internal error.')
  })
  return app
}

/** The execution context's `waitUntil`, when the app runs inside a Worker invocation. */
function waitUntilOf(c: Context<AppEnv>): ((promise: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx
    return (promise) => ctx.waitUntil(promise)
  } catch {
    return undefined
  }
}
