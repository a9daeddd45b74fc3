import { faultLog } from '../faults/fault-log.ts'
import { FAULT_POLICY } from '../faults/policy.ts'
import { within } from '../faults/unavailable.ts'
import { createRepresentation, digestOf, type Representation, withGzip } from './representation.ts'

/** What {@link RepresentationStore.load} builds on a miss. */
export interface RepresentationSpec {
  /** Same key, same bytes: it names the kind, the variant, the settings and the base URL. */
  key: string
  render: () => string | Uint8Array | Promise<string | Uint8Array>
  contentType: string
  /** RFC 3339 date the bytes last changed, for `Last-Modified`; `undefined` when none is known. */
  updated: string | undefined
  /** The ETag, when the bytes are already named by a hash of them (see `createRepresentation`). */
  etag?: string
  /** When the bytes are made (ms since the epoch): stored with them, for the `Age` of a stale copy. */
  made?: number
}

/** Bytes another isolate stored, and when they were made (see {@link RepresentationStore.stored}). */
export interface Stored {
  representation: Representation
  made: number | undefined
}

/** Options of {@link RepresentationStore}. */
export interface StoreOptions {
  /**
   * Identifies the deployment (its version id). Cache API entries are keyed by it, so a new
   * deployment never reads an old one's bytes. Without it nothing is shared between isolates.
   */
  version?: string
  /** Longest a `match` (with its body) or a `put` may take, in ms. Default `FAULT_POLICY.cacheTimeoutMs`. */
  timeoutMs?: number
  /**
   * Opens the cache to use instead of `caches.open('representations')`: tests reach a real Cache
   * API through a Worker that injects faults. Default: the runtime's.
   */
  open?: () => Promise<Cache>
}

const CACHE_ORIGIN = 'https://representations.feed-endpoint.internal'

/**
 * Renders representations, first looking in the Workers Cache API, which the isolates of one data
 * center share: a fresh isolate then reads bytes another one rendered instead of rendering them
 * again. Where the runtime has no Cache API (or it does nothing, as on `*.workers.dev`), or no
 * deployment version is known, every miss renders. The per-isolate memo is the site's
 * (`src/site/site-memo.ts`), bounded per kind.
 *
 * Hono's `cache` middleware is not used: it keys entries by request URL, but one URL here has
 * several representations (negotiated format, browser view, base URL), and Cache API `match`
 * ignores `Vary`, so URL keys would hand one client's variant to another.
 *
 * The Cache API only saves a render, so none of its faults reaches a reader: a `match` that throws
 * or takes longer than `timeoutMs` is a miss, an entry whose body does not have the length and
 * SHA-256 digest stored with it is a miss (and the render overwrites it), and a failed `put` is
 * logged. Each is logged once per period (`faultLog`).
 */
export class RepresentationStore {
  readonly #options: StoreOptions

  constructor(options: StoreOptions = {}) {
    this.#options = options
  }

  /**
   * The representation for `spec.key`: from the Cache API when another isolate stored it, else rendered
   * (and stored for the others).
   * @param waitUntil - keeps the Cache API write alive after the response (from the execution context)
   */
  async load(spec: RepresentationSpec, waitUntil?: (promise: Promise<unknown>) => void): Promise<Representation> {
    // Opened per load, not kept: a Cache object, like any I/O object, belongs to the request that opened it.
    const cache = await this.#open()
    const url = cache && this.#url(spec.key)
    if (cache && url) {
      const cached = await this.#match(cache, url)
      if (cached) return cached.representation
    }
    const representation = await createRepresentation(await spec.render(), spec.contentType, spec.updated, spec.etag)
    if (cache && url) {
      const put = within(this.#ms, 'cache', 'Cache API put', async () =>
        cache.put(url, await toCached(representation, spec.made)),
      ).catch(logged)
      if (waitUntil) waitUntil(put)
      else await put
    }
    return representation
  }

  /** The bytes stored under `key` (a previous edition's, when the content cannot be read now), without rendering. */
  async stored(key: string): Promise<Stored | undefined> {
    const cache = await this.#open()
    return cache && this.#match(cache, this.#url(key))
  }

  get #ms(): number {
    return this.#options.timeoutMs ?? FAULT_POLICY.cacheTimeoutMs
  }

  #url(key: string): string {
    return `${CACHE_ORIGIN}/${encodeURIComponent(this.#options.version as string)}/${encodeURIComponent(key)}`
  }

  /** A checked hit, or `undefined` for a miss, an entry that fails its check, or a Cache API that throws or hangs. */
  #match(cache: Cache, url: string): Promise<Stored | undefined> {
    return within(this.#ms, 'cache', 'Cache API match', async () => {
      const hit = await cache.match(url)
      return hit && (await fromCached(hit))
    }).catch((error: unknown) => {
      logged(error)
      return undefined
    })
  }

  async #open(): Promise<Cache | undefined> {
    if (!this.#options.version) return undefined
    if (this.#options.open) return this.#options.open().catch(() => undefined)
    if (typeof caches === 'undefined') return undefined
    try {
      return await caches.open('representations')
    } catch {
      return undefined
    }
  }
}

/** A Cache API fault, to the log (once per period). */
function logged(error: unknown): void {
  faultLog.report('cache', error instanceof Error ? error.message : String(error))
}

/** The check stored with an entry: the body's length and SHA-256 digest. */
const DIGEST = 'X-Representation-Digest'
/** When the bytes were made (ms since the epoch). */
const MADE = 'X-Representation-Made'

async function toCached(r: Representation, made: number | undefined): Promise<Response> {
  return new Response(r.body, {
    headers: {
      'Content-Type': r.contentType,
      ETag: r.etag,
      ...(r.lastModified && { 'Last-Modified': r.lastModified }),
      [DIGEST]: `${r.body.byteLength} ${r.digest ?? (await digestOf(r.body))}`,
      ...(made !== undefined && { [MADE]: String(made) }),
      'Cache-Control': 'public, max-age=604800',
    },
  })
}

/**
 * Takes bytes and validators as stored, once the body has the length and digest stored with it:
 * nothing is rendered again. `undefined` (a miss) for an entry that fails the check.
 */
async function fromCached(response: Response): Promise<Stored | undefined> {
  const { headers } = response
  const etag = headers.get('ETag')
  const lastModified = headers.get('Last-Modified')
  const contentType = headers.get('Content-Type')
  const check = headers.get(DIGEST)
  if (!etag || !contentType || !check) {
    await response.body?.cancel()
    return undefined
  }
  const body = new Uint8Array(await response.arrayBuffer())
  const digest = await digestOf(body)
  // Every stored representation was rendered, so its ETag was made from the same digest (`createRepresentation`).
  if (check !== `${body.byteLength} ${digest}` || etag !== `"${digest.slice(0, 24)}"`) {
    faultLog.report('cache', `a Cache API entry failed its check (${body.byteLength} bytes, stored: ${check})`)
    return undefined
  }
  const made = Number(headers.get(MADE) ?? Number.NaN)
  return {
    representation: await withGzip(
      lastModified ? { body, etag, digest, lastModified, contentType } : { body, etag, digest, contentType },
    ),
    made: Number.isFinite(made) ? made : undefined,
  }
}
