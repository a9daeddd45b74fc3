import { Hono } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { secureHeaders } from 'hono/secure-headers'
import { ConfigError, readConfig, type Env } from './config.ts'
import { feedContext, type FeedContext } from './feeds/feed-context.ts'
import { FORMATS } from './feeds/formats.ts'
import { CONTENT_TYPES, feedContentType } from './http/content-types.ts'
import { errorResponse } from './http/error-response.ts'
import { RepresentationCache } from './http/representation-cache.ts'
import type { Article } from './model.ts'
import { ArticlePage } from './pages/article-page.tsx'
import { IndexPage } from './pages/index-page.tsx'
import { PATHS } from './paths.ts'

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The articles to serve, newest first, non-empty (as `loadArticles` returns them). */
  articles: readonly Article[]
}

/**
 * Builds the Hono app: the HTTP edge of the pipeline (content → model → serializers → here).
 *
 * @param options - the content to serve; tests pass their own fixtures
 * @example
 * export default { fetch: createApp({ articles }).fetch } satisfies ExportedHandler<Env>
 */
export function createApp(options: AppOptions) {
  const { articles } = options
  const bySlug = new Map(articles.map((a) => [a.slug, a]))
  const rendered = new RepresentationCache<string>()
  const app = new Hono<{ Bindings: Env; Variables: { feed: FeedContext } }>()

  app.use(secureHeaders())
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => errorResponse(c, 405, `${c.req.method} is not allowed here; use ${methods.join(' or ')}.`, { Allow: methods.join(', ') }),
    }),
  )
  app.use(async (c, next) => {
    const config = readConfig(c.env)
    c.set('feed', feedContext(config, articles, new URL(c.req.url).origin))
    await next()
  })

  for (const format of FORMATS) {
    app.get(format.path, (c) => {
      const feed = c.var.feed
      const body = rendered.get(`${format.name} ${feed.links.home}`, () => format.render(feed))
      return c.body(body, 200, { 'Content-Type': feedContentType(format.mediaType) })
    })
  }
  app.get(PATHS.home, (c) => c.html(<IndexPage feed={c.var.feed} articles={articles} />, 200, { 'Content-Type': CONTENT_TYPES.html }))
  app.get(PATHS.article(':slug'), (c) => {
    const article = bySlug.get(c.req.param('slug') ?? '')
    if (!article) return errorResponse(c, 404, `No article at ${c.req.path}.`)
    return c.html(<ArticlePage feed={c.var.feed} article={article} />, 200, { 'Content-Type': CONTENT_TYPES.html })
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
