/** Limits of a {@link BoundedCache}. */
export interface BoundedCacheOptions {
  /** Most entries kept. */
  entries: number
  /** Most total size kept, as measured by `sizeOf` (e.g. bytes). Default: no limit. */
  size?: number
}

/**
 * A least-recently-used memo with a bound on entries and, optionally, on total size. Everything
 * an isolate keeps that could grow with the corpus or with client input (article pages, origins,
 * parsed chunks) lives in one of these, each named for what it holds.
 */
export class BoundedCache<T> {
  readonly #entries = new Map<string, { value: T; size: number }>()
  readonly #limits: BoundedCacheOptions
  #size = 0

  constructor(limits: BoundedCacheOptions) {
    this.#limits = limits
  }

  /** The value for `key`, marked as recently used, or `undefined`. */
  peek(key: string): T | undefined {
    const hit = this.#entries.get(key)
    if (hit === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, hit)
    return hit.value
  }

  /** Returns the value for `key`, or builds, stores and returns it. */
  get(key: string, build: () => T): T {
    const hit = this.peek(key)
    if (hit !== undefined) return hit
    const value = build()
    this.set(key, value)
    return value
  }

  /** Stores `value` (of `size`, default 0) and evicts the least recently used entries past the limits. */
  set(key: string, value: T, size = 0): void {
    this.delete(key)
    this.#entries.set(key, { value, size })
    this.#size += size
    const maxSize = this.#limits.size ?? Number.POSITIVE_INFINITY
    while (this.#entries.size > this.#limits.entries || (this.#size > maxSize && this.#entries.size > 1)) {
      this.delete(this.#entries.keys().next().value as string)
    }
  }

  /** Forgets `key`, e.g. after building its value failed. */
  delete(key: string): void {
    const entry = this.#entries.get(key)
    if (entry === undefined) return
    this.#size -= entry.size
    this.#entries.delete(key)
  }

  /** Number of entries and their total size, for tests and diagnostics. */
  get stats(): { entries: number; size: number } {
    return { entries: this.#entries.size, size: this.#size }
  }
}
