import { createApp } from './app.ts'
import type { Env } from './config.ts'
import type { ContentFiles } from './corpus/files.ts'
import type { FeedFormat } from './feeds/feed-format.ts'
import { FORMATS } from './feeds/formats.ts'
import { pollFromMemory } from './routes/poll-from-memory.ts'
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
 * once, before any routing (`pollFromMemory`); (2) everything else goes to the Hono app
 * (`createApp`), which makes the same responses and keeps them for step 1.
 *
 * @example
 * export default { fetch: createWorker().fetch } satisfies ExportedHandler<Env>
 */
export function createWorker(options: WorkerOptions = {}) {
  const formats = options.formats ?? FORMATS
  const resolver = new SiteResolver(options)
  const app = createApp(resolver, formats)
  const poll = pollFromMemory(resolver, formats)
  return {
    app,
    fetch(request: Request, env: Env, ctx?: ExecutionContext): Response | Promise<Response> {
      return poll(request, env) ?? app.fetch(request, env, ctx)
    },
  }
}
