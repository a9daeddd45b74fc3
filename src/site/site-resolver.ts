import { ConfigError, type Env, NO_ENV, readConfig } from '../config.ts'
import { RefusedContent } from '../content/refused-content.ts'
import { Corpus } from '../corpus/corpus.ts'
import { assetFiles, type ContentFiles, type ReadDeadline } from '../corpus/files.ts'
import { Schedule } from '../corpus/schedule.ts'
import { FAULT_POLICY, type FaultLimits } from '../faults/policy.ts'
import { isLoopbackHost } from '../http/addresses.ts'
import { RepresentationStore } from '../http/representation-store.ts'
import type { Site } from './site.ts'
import type { Maybe } from './site-options.ts'
import { Sites } from './sites.ts'

/** Options of {@link SiteResolver}. */
export interface SiteResolverOptions {
  /**
   * The content files to serve instead of those the `ASSETS` binding reads: tests lay out their
   * own articles with the build's code and hand over the files.
   */
  files?: ContentFiles | undefined
  onBuild?: ((key: string) => void) | undefined
  /** The time (ms since the epoch) that decides which scheduled articles have appeared. Default `Date.now`. */
  clock?: (() => number) | undefined
  /**
   * `false`: render without the Cache API (the hub's Durable Object, whose every call to it would
   * count among its invocation's subrequests). Default: the Cache API when the version is known.
   */
  cacheApi?: boolean | undefined
  /** Shorter limits than `FAULT_POLICY`'s (tests of faults); a `cache` opener stands in for the runtime's Cache API. */
  limits?: Partial<FaultLimits> | undefined
  cache?: (() => Promise<Cache>) | undefined
}

/**
 * Finds the {@link Site} of a request: its settings (from `env`), its origin (from the URL, unless
 * `SITE_URL` is set) and the corpus, opened on the first request through that request's binding.
 * Once the corpus is open, everything here is synchronous.
 */
export class SiteResolver {
  readonly #fixed: ContentFiles | undefined
  readonly #options: SiteResolverOptions
  /** The time now (ms since the epoch): which edition of the corpus a request gets (see `Edition`). */
  readonly now: () => number
  readonly limits: FaultLimits
  #schedule: Schedule | undefined
  #sites: Sites | undefined

  constructor(options: SiteResolverOptions) {
    this.#options = options
    this.#fixed = options.files
    this.now = options.clock ?? Date.now
    this.limits = { ...FAULT_POLICY, ...options.limits }
  }

  /**
   * The deadline of a request that starts now: each read within `readTimeoutMs`, all of them a
   * Cache API lookup (`cacheTimeoutMs`) before the end of the request's budget, so that a copy
   * found then still goes out within it.
   */
  deadline(): ReadDeadline {
    const { readTimeoutMs, requestBudgetMs, cacheTimeoutMs } = this.limits
    return { readTimeoutMs, until: Date.now() + requestBudgetMs - cacheTimeoutMs }
  }

  /**
   * The content files as this request may read them: the files given, or its own ASSETS binding,
   * every read bounded by `deadline` (default: each read by `readTimeoutMs`, no request budget).
   */
  files(env: Env | undefined, deadline?: ReadDeadline): ContentFiles {
    if (this.#fixed) return this.#fixed
    if (!env?.ASSETS)
      throw new ConfigError(
        'No ASSETS binding: the content is read from Workers Static Assets ([assets] in wrangler.toml).',
      )
    return assetFiles(
      env.ASSETS,
      deadline ?? { readTimeoutMs: this.limits.readTimeoutMs, until: Number.POSITIVE_INFINITY },
    )
  }

  /**
   * The site of a request to `origin` (see {@link originOf}); without a promise once the corpus is
   * open. The manifest is read within `readTimeoutMs` but not the request's budget: a binding
   * slower than the budget allows still opens the corpus (the request that started it answers
   * 503), so the next request has one read less to wait for.
   */
  site(env: Env | undefined, origin: string): Maybe<Site> {
    const settings = env ?? NO_ENV
    const config = readConfig(settings)
    this.#sites ??= new Sites({
      store: new RepresentationStore(
        settings.CF_VERSION_METADATA && this.#options.cacheApi !== false
          ? {
              version: settings.CF_VERSION_METADATA.id,
              timeoutMs: this.limits.cacheTimeoutMs,
              ...(this.#options.cache && { open: this.#options.cache }),
            }
          : {},
      ),
      deployed: settings.CF_VERSION_METADATA?.timestamp,
      onBuild: this.#options.onBuild,
    })
    const sites = this.#sites
    const serve = (schedule: Schedule) => {
      if (schedule.corpus.manifest.preview) refuseRemotePreview(origin)
      return sites.get(config, origin, schedule)
    }
    if (this.#schedule) return serve(this.#schedule)
    return this.schedule(settings).then(serve)
  }

  /**
   * The corpus and its schedule, opened on the first call. Each request that finds the corpus
   * unopened opens it through its own binding: nothing pending is shared between requests (see `Corpus`).
   */
  async schedule(env: Env | undefined): Promise<Schedule> {
    if (this.#schedule) return this.#schedule
    const opened = await Corpus.open(this.files(env ?? NO_ENV))
    this.#schedule ??= new Schedule(opened)
    return this.#schedule
  }

  /** The site of a request when it can be had at once (corpus open, valid settings), else `undefined`. */
  ready(env: Env | undefined, origin: string): Site | undefined {
    if (!this.#schedule) return undefined
    try {
      return this.site(env, origin) as Site
    } catch {
      return undefined
    }
  }
}

/**
 * A preview build (drafts and scheduled articles as if published, `npm run preview`) answers only
 * requests to this machine: the build refuses `PREVIEW` outside `wrangler dev`, and this keeps such
 * content unreachable should it still be uploaded (`wrangler dev --remote`, files copied by hand).
 * @throws RefusedContent for any other host: every request answers 503 with the fix
 */
function refuseRemotePreview(origin: string): void {
  if (!isLoopbackHost(new URL(origin).hostname))
    throw new RefusedContent([
      'generated/assets/_content is a preview build (drafts and scheduled articles as if published), served on localhost only. Build the content again without PREVIEW (`npm run build:content`; `wrangler deploy` does) before it leaves this machine.',
    ])
}
