import { type Context, Hono } from 'hono'
import { LinearRouter } from 'hono/router/linear-router'
import { type Env, NO_ENV, readConfig } from './config.ts'
import type { FeedFormat } from './feeds/feed-format.ts'
import { originOf } from './paths.ts'
import { canonicalPaths } from './routes/canonical-paths.ts'
import { mountSite } from './routes/mount-site.ts'
import { type AppEnv, siteRoutes } from './routes/site-routes.ts'
import { responseKinds } from './site/response-kinds.ts'
import type { SiteResolver } from './site/site-resolver.ts'

/**
 * The Hono app: the HTTP edge of the pipeline (content → model → serializers → here). A path
 * written another way is redirected to its one URL (`canonicalPaths`); the site's routes, one per
 * route of the table of response kinds (`siteRoutes`), answer the rest, mounted under the base
 * path of `SITE_URL` with Hono's `route`. The settings come with each request's env, so the routes
 * are mounted under a base path the first time a request names it. The Worker puts the hot path
 * before this app (see `createWorker`).
 *
 * @param resolver - finds each request's site
 * @param formats - the feed formats (the formats table; tests wrap its rows to count renders)
 */
export function createApp(resolver: SiteResolver, formats: readonly FeedFormat[]): Hono<AppEnv> {
  const routes = siteRoutes(responseKinds(formats), resolver)
  const mounted = new Map<string, Hono<AppEnv>>()
  const basePath = (c: Context<AppEnv>) =>
    resolver.ready(c.env, originOf(c.req.url))?.config.basePath ?? basePathOf(c.env)

  const app = new Hono<AppEnv>({ router: new LinearRouter() })
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
