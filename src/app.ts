import { type Context, Hono } from 'hono'
import { LinearRouter } from 'hono/router/linear-router'
import { type Env, NO_ENV, readConfig } from './config.ts'
import type { ContentFiles } from './corpus/files.ts'
import type { FeedFormat } from './feeds/feed-format.ts'
import { FORMATS } from './feeds/formats.ts'
import { originOf } from './paths.ts'
import { canonicalPaths } from './routes/canonical-paths.ts'
import { mountSite } from './routes/mount-site.ts'
import { pollFromMemory } from './routes/poll-from-memory.ts'
import { type AppEnv, siteRoutes } from './routes/site-routes.ts'
import { responseKinds } from './site/response-kinds.ts'
import { SiteResolver } from './site/site-resolver.ts'

/** Options of {@link createApp}. */
export interface AppOptions {
  /**
   * The content files to serve instead of those the `ASSETS` binding reads: tests lay out their own
   * articles with the build's code (`packCorpus`) and hand the files over.
   */
  files?: ContentFiles
  /** The feed formats (default {@link FORMATS}); tests wrap them to count renders. */
  formats?: readonly FeedFormat[]
  /** Called with the key of every representation an isolate builds (`feed rss`, `article {slug}`, …): tests count them. */
  onBuild?: (key: string) => void
}

/**
 * Builds the Hono app: the HTTP edge of the pipeline (content → model → serializers → here). In
 * order: (1) a polled feed already in memory is answered at once (`pollFromMemory`); (2) a path
 * written another way is redirected to its one URL (`canonicalPaths`); (3) the site's routes,
 * mounted under the base path of `SITE_URL`, answer the rest (`siteRoutes`, one route per route of
 * the table of response kinds). The settings come with each request's env, so the routes are
 * mounted under a base path the first time a request names it.
 *
 * @param options - the content to serve; tests pass their own
 * @example
 * export default { fetch: createApp().fetch } satisfies ExportedHandler<Env>
 */
export function createApp(options: AppOptions = {}): Hono<AppEnv> {
  const formats = options.formats ?? FORMATS
  const resolver = new SiteResolver(options)
  const routes = siteRoutes(responseKinds(formats), resolver)
  const mounted = new Map<string, Hono<AppEnv>>()
  const basePath = (c: Context<AppEnv>) =>
    resolver.ready(c.env, originOf(c.req.url))?.config.basePath ?? basePathOf(c.env)

  const app = new Hono<AppEnv>({ router: new LinearRouter() })
  app.use(pollFromMemory(resolver, formats))
  app.use(canonicalPaths(basePath))
  app.all('*', (c) => {
    const base = basePath(c)
    let site = mounted.get(base)
    if (!site) {
      site = mountSite(base, routes)
      mounted.set(base, site)
    }
    return site.fetch(c.req.raw, c.env, executionContextOf(c))
  })
  return app
}

/** The path of `SITE_URL` (`/blog`), '' when it has none or the settings cannot be read (the routes then answer the error). */
function basePathOf(env: Env | undefined): string {
  try {
    return readConfig(env ?? NO_ENV).basePath
  } catch {
    return ''
  }
}

/** The request's execution context, when it runs inside a Worker invocation (`app.request` in tests has none). */
function executionContextOf(c: Context<AppEnv>): Context<AppEnv>['executionCtx'] | undefined {
  try {
    return c.executionCtx
  } catch {
    return undefined
  }
}
