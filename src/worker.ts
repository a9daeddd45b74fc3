import type { Hono } from 'hono'
import { createApp } from './app.ts'
import { type Env, NO_ENV, readConfig } from './config.ts'
import type { ContentFiles } from './corpus/files.ts'
import { reportFault } from './faults/fault-log.ts'
import type { FaultLimits } from './faults/policy.ts'
import type { FeedFormat } from './feeds/feed-format.ts'
import { FORMATS } from './feeds/formats.ts'
import { hubOf } from './hub/hub-client.ts'
import { hubInfo, subscriptionRequest } from './hub/hub-endpoint.ts'
import { PATHS } from './paths.ts'
import { pollFromMemory } from './routes/poll-from-memory.ts'
import { type AppEnv, siteRoutes } from './routes/site-routes.ts'
import { REVEAL_TAGS, revealsBetween } from './schedule/reveal-purge.ts'
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
  /** The time (ms since the epoch) that decides which scheduled articles have appeared. Default `Date.now`; tests set it. */
  clock?: () => number
  /** `false`: render without the Cache API (see `SiteResolverOptions.cacheApi`). */
  cacheApi?: boolean
  /** Shorter deadlines than `FAULT_POLICY`'s: tests of faults wait milliseconds, not seconds. */
  limits?: Partial<FaultLimits>
  /** Opens the Cache API to use instead of the runtime's: tests reach it through a Worker that injects faults. */
  cache?: () => Promise<Cache>
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
  // The site's own WebSub hub (src/hub/): it reads a topic as a GET of it, inside this Worker.
  routes.post(PATHS.hub, (c) => subscriptionRequest(c, async (url, c) => worker.fetch(new Request(url), c.env)))
  routes.all(PATHS.hub, hubInfo)
  const poll = pollFromMemory(resolver, formats)
  const apps = new Map<string, Hono<AppEnv>>()
  const appFor = (env: Env) => {
    const base = basePathOf(env)
    let app = apps.get(base)
    if (!app) {
      app = createApp(base, routes, resolver.limits.requestBudgetMs)
      apps.set(base, app)
    }
    return app
  }
  const worker = {
    fetch(request: Request, env: Env, ctx?: ExecutionContext): Response | Promise<Response> {
      return poll(request, env) ?? appFor(env).fetch(request, env, ctx)
    },
    /** The corpus and its schedule, as requests with `env` read it (the hub asks when the next article appears). */
    schedule: (env: Env) => resolver.schedule(env),
    /**
     * The Cron Trigger (`[triggers]` in wrangler.toml, every minute): when scheduled articles
     * appeared since the last runs, purges the Workers Cache entries of every response they change
     * (`REVEAL_TAGS`). Those entries already expire at the reveal (their `Cache-Control` is cut to
     * it), so this clears what a cache kept past that, within a minute. And it wakes the site's
     * WebSub hub, which notices a new deployment here and pushes the feeds it changed.
     */
    async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<RevealPurge> {
      wakeHub(env, ctx)
      let corpus: Awaited<ReturnType<typeof resolver.schedule>>['corpus']
      try {
        corpus = (await resolver.schedule(env)).corpus
      } catch (error) {
        // The content cannot be read now: the next minute's run looks again (reveals' entries expire by themselves).
        reportFault(error, 'cron')
        return { appeared: [], purged: false, reason: 'the content cannot be read now' }
      }
      const appeared = revealsBetween(corpus.manifest, controller.scheduledTime)
      if (appeared.length === 0) return { appeared, purged: false }
      // Workers Cache exists on Cloudflare's network only (not under wrangler dev or miniflare).
      if (!ctx.cache) return { appeared, purged: false, reason: 'no Workers Cache in this runtime' }
      const result = await ctx.cache.purge({ tags: [...REVEAL_TAGS] })
      if (!result.success) {
        const reason = result.errors.map((e) => `${e.code} ${e.message}`).join('; ')
        console.error(
          `reveal: purging ${REVEAL_TAGS.join(',')} failed (${reason}); the entries expire by their Cache-Control`,
        )
        return { appeared, purged: false, reason }
      }
      return { appeared, purged: true }
    },
  }
  return worker
}

/**
 * Asks the site's hub (when bound) to look for a new deployment or a reveal to push: `HubClient.watch`.
 * Only the Cron Trigger does, not each isolate's first request, which would cost a Durable Object
 * request per isolate started (and measured, ~5 ms of workerd CPU on that request's machine).
 */
function wakeHub(env: Env, ctx: ExecutionContext): void {
  const hub = hubOf(env)
  if (hub) ctx.waitUntil(hub.watch().catch((error: unknown) => console.error('hub: watch failed:', error)))
}

/** What a run of the Cron Trigger did: the `published` dates of the articles that appeared, and whether it purged. */
export interface RevealPurge {
  appeared: string[]
  purged: boolean
  reason?: string
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
