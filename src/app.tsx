import { Hono } from 'hono'
import { type Env, NO_ENV, readConfig } from './config.ts'
import { type FeedFormat, FORMATS } from './feeds/formats.ts'
import { isBrowserNavigation } from './http/browser-navigation.ts'
import { sendPrepared } from './http/prepared-response.ts'
import type { Article } from './model.ts'
import { originOf } from './paths.ts'
import { type AppEnv, redirect, siteRoutes } from './routes.tsx'
import type { Site } from './site/site.tsx'
import { SiteResolver } from './site/site-resolver.ts'

export { INDEX_PAGE_SIZE } from './site/page-size.ts'

/** Options of {@link createApp}. */
export interface AppOptions {
  /**
   * Articles to serve instead of the built content (newest first, as `loadArticles` returns them):
   * tests pass fixtures, laid out in memory exactly as the build lays them out on disk.
   * Default: the files of `npm run build:content`, read through the `ASSETS` binding.
   */
  articles?: readonly Article[]
  /** The image files of those articles, by published path (`media/….png`), as `loadContent` returns them. */
  media?: ReadonlyMap<string, Uint8Array>
  /** The feed formats (default {@link FORMATS}); tests wrap them to count renders. */
  formats?: readonly FeedFormat[]
  /** Called with the key of every representation an isolate builds (`feed rss`, `article {slug}`, …): tests count them. */
  onBuild?: (key: string) => void
}

/**
 * Builds the Hono app: the HTTP edge of the pipeline (content → model → serializers → here). Each
 * route asks the request's {@link Site} for a prepared response and sends it.
 *
 * @param options - the content to serve; tests pass their own fixtures
 * @example
 * export default { fetch: createApp().fetch } satisfies ExportedHandler<Env>
 */
export function createApp(options: AppOptions = {}) {
  const formats = options.formats ?? FORMATS
  const resolver = new SiteResolver({ articles: options.articles, media: options.media, onBuild: options.onBuild })
  // One router per base path (the path of `SITE_URL`, '' for none): settings come with each request's
  // env, so the routes are mounted with Hono's `basePath` on the first request that names a base.
  const routers = new Map<string, Hono<AppEnv>>()
  const routerFor = (base: string) => {
    let router = routers.get(base)
    if (!router) {
      router = siteRoutes(base, formats, resolver)
      routers.set(base, router)
    }
    return router
  }
  // The app the Worker exports: its `fetch` (and `request`, which calls it) picks the router.
  const app = new Hono<AppEnv>()

  // The hot path. Most traffic is readers polling a fixed feed URL whose response is already in
  // memory; that is answered before routing, since Hono's router and context cost about 7 % of such
  // a request (measured with `npm run bench`). Anything else, or anything not yet in memory, goes
  // through the routes, which produce the same response.
  const feedsByPath = new Map(formats.map((f) => [f.path, f]))
  app.fetch = (request, env, ctx) => {
    const url = request.url
    const origin = originOf(url)
    // The site in memory knows its base path; before it is, the settings say (same value).
    const site = resolver.ready(env, origin)
    const base = site ? site.config.basePath : basePathOf(env)
    const rest = url.slice(origin.length)
    const read = request.method === 'GET' || request.method === 'HEAD'
    const format = read && rest.startsWith(base) ? feedsByPath.get(rest.slice(base.length)) : undefined
    if (format) {
      const prepared = site?.peekFeed(format, isBrowserNavigation(request.headers) ? 'preview' : 'feed')
      if (prepared) return sendPrepared(request, prepared)
    }
    const target = read ? canonicalPath(rest.split('?', 1)[0] as string, base) : undefined
    if (target !== undefined) {
      const location = new URL(url)
      location.pathname = target
      return redirect(location.href)
    }
    return routerFor(base).fetch(request, env, ctx)
  }
  return app
}

/**
 * The one URL of a page that `path` names another way, or `undefined` when `path` is that URL:
 * `/articles/x/` is `/articles/x`, and the home page under a base path is the base with a slash
 * (`/blog/`), like any directory.
 */
function canonicalPath(path: string, base: string): string | undefined {
  if (path === base) return `${base}/`
  if (path.length > 1 && path.endsWith('/') && path !== `${base}/`) return path.replace(/\/+$/, '') || '/'
  return undefined
}

/** The path of `SITE_URL` (`/blog`), '' when it has none or the settings cannot be read (the routes then answer the error). */
function basePathOf(env: Env | undefined): string {
  try {
    return readConfig(env ?? NO_ENV).basePath
  } catch {
    return ''
  }
}
