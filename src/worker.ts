import type { Hono } from 'hono'
import { createApp } from './app.ts'
import { type Env, NO_ENV, readConfig } from './config.ts'
import type { ContentFiles } from './corpus/files.ts'
import type { FeedFormat } from './feeds/feed-format.ts'
import { FORMATS } from './feeds/formats.ts'
import { pollFromMemory } from './routes/poll-from-memory.ts'
import { type AppEnv, siteRoutes } from './routes/site-routes.ts'
import { responseKinds } from './site/response-kinds.ts'
import { SiteResolver } from './site/site-resolver.ts'

/** Options of {@link createWorker}. */
export interface WorkerOptions {
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
 * The Worker's request handling in two steps: (1) a polled feed already in memory is answered at
 * once, before any routing (`pollFromMemory`); (2) everything else goes to the Hono app of the
 * request's base path (`createApp`), which makes the same responses and keeps them for step 1.
 * Settings come with each request's env, so the app of a base path is made the first time a
 * request names it (a deployment has one; tests try several).
 *
 * @example
 * export default { fetch: createWorker().fetch } satisfies ExportedHandler<Env>
 */
export function createWorker(options: WorkerOptions = {}) {
  const formats = options.formats ?? FORMATS
  const resolver = new SiteResolver(options)
  const routes = siteRoutes(responseKinds(formats), resolver)
  const poll = pollFromMemory(resolver, formats)
  const apps = new Map<string, Hono<AppEnv>>()
  const appFor = (env: Env) => {
    const base = basePathOf(env)
    let app = apps.get(base)
    if (!app) {
      app = createApp(base, routes)
      apps.set(base, app)
    }
    return app
  }
  return {
    fetch(request: Request, env: Env, ctx?: ExecutionContext): Response | Promise<Response> {
      return poll(request, env) ?? appFor(env).fetch(request, env, ctx)
    },
  }
}

/**
 * The path of `SITE_URL` (`/blog`), '' when it has none or the settings cannot be read (the app then
 * answers the error); `readConfig` reads an env once, so this is a lookup.
 */
function basePathOf(env: Env | undefined): string {
  try {
    return readConfig(env ?? NO_ENV).basePath
  } catch {
    return ''
  }
}
