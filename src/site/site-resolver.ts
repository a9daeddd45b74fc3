import { ConfigError, type Env, NO_ENV, readConfig } from '../config.ts'
import { Corpus } from '../corpus/corpus.ts'
import { assetFiles, type ContentFiles } from '../corpus/files.ts'
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
}

/**
 * Finds the {@link Site} of a request: its settings (from `env`), its origin (from the URL, unless
 * `SITE_URL` is set) and the corpus, opened on the first request through that request's binding.
 * Once the corpus is open, everything here is synchronous.
 */
export class SiteResolver {
  readonly #fixed: ContentFiles | undefined
  readonly #options: SiteResolverOptions
  #corpus: Corpus | undefined
  #sites: Sites | undefined

  constructor(options: SiteResolverOptions) {
    this.#options = options
    this.#fixed = options.files
  }

  /** The content files as this request may read them: the files given, or its own ASSETS binding. */
  files(env: Env | undefined): ContentFiles {
    if (this.#fixed) return this.#fixed
    if (!env?.ASSETS)
      throw new ConfigError(
        'No ASSETS binding: the content is read from Workers Static Assets ([assets] in wrangler.toml).',
      )
    return assetFiles(env.ASSETS)
  }

  /** The site of a request to `origin` (see {@link originOf}); without a promise once the corpus is open. */
  site(env: Env | undefined, origin: string): Maybe<Site> {
    const settings = env ?? NO_ENV
    const config = readConfig(settings)
    this.#sites ??= new Sites({
      store: new RepresentationStore(settings.CF_VERSION_METADATA ? { version: settings.CF_VERSION_METADATA.id } : {}),
      deployed: settings.CF_VERSION_METADATA?.timestamp,
      onBuild: this.#options.onBuild,
    })
    const sites = this.#sites
    if (this.#corpus) return sites.get(config, origin, this.#corpus)
    // Each request that finds the corpus unopened opens it through its own binding: nothing
    // pending is shared between requests (see `Corpus`).
    return Corpus.open(this.files(settings)).then((opened) => {
      this.#corpus ??= opened
      return sites.get(config, origin, this.#corpus)
    })
  }

  /** The site of a request when it can be had at once (corpus open, valid settings), else `undefined`. */
  ready(env: Env | undefined, origin: string): Site | undefined {
    if (!this.#corpus) return undefined
    try {
      return this.site(env, origin) as Site
    } catch {
      return undefined
    }
  }
}
