import { BoundedCache } from '../bounded-cache.ts'
import type { Schedule } from '../corpus/schedule.ts'
import { fnv1a } from '../fingerprint.ts'
import type { RepresentationStore } from '../http/representation-store.ts'
import type { SiteConfig } from '../model/site.ts'
import { Site } from './site.ts'

/**
 * Sites kept per isolate. With `SITE_URL` set there is one; without it, one per origin asked, and
 * the `Host` a client sends is client data, so the count is bounded (least recently used go).
 */
export const MAX_SITES = 16

/** Options of {@link Sites}. */
export interface SitesOptions {
  store: RepresentationStore
  /** When this deployment was made (RFC 3339): see `SiteOptions.deployed`. */
  deployed?: string | undefined
  onBuild?: ((key: string) => void) | undefined
}

/** The {@link Site} objects of one isolate: one per (settings, origin), built once, bounded. */
export class Sites {
  readonly #options: SitesOptions
  readonly #sites = new BoundedCache<Site>({ entries: MAX_SITES })
  /** Settings fingerprint per settings object: the same values give the same site, whatever object holds them. */
  readonly #fingerprints = new WeakMap<SiteConfig, string>()
  /** The last site asked for: nearly every request of an isolate asks for the same one. */
  #last: { config: SiteConfig; origin: string; site: Site } | undefined

  constructor(options: SitesOptions) {
    this.#options = options
  }

  /** The site for these settings as seen from `origin` (ignored when `SITE_URL` is set). */
  get(config: SiteConfig, origin: string, schedule: Schedule): Site {
    const last = this.#last
    if (last && last.config === config && last.origin === origin) return last.site
    const site = this.#lookup(config, origin, schedule)
    this.#last = { config, origin, site }
    return site
  }

  #lookup(config: SiteConfig, origin: string, schedule: Schedule): Site {
    let fingerprint = this.#fingerprints.get(config)
    if (fingerprint === undefined) {
      fingerprint = fnv1a(JSON.stringify(config))
      this.#fingerprints.set(config, fingerprint)
    }
    const key = `${fingerprint} ${config.baseUrl ?? origin}`
    return this.#sites.get(key, () => new Site({ config, fingerprint, origin, schedule, ...this.#options }))
  }
}
