/** How many distinct base URLs keep rendered feeds; a request's Host is client data, so this is bounded. */
export const MAX_ENTRIES = 256

/**
 * A small least-recently-used memo for rendered representations, kept per isolate. Content is
 * fixed per deployment, so a body rendered once for a (format, base URL) pair is reused until the
 * isolate ends.
 */
export class RepresentationCache<T> {
  readonly #entries = new Map<string, T>()
  readonly #max: number

  constructor(max = MAX_ENTRIES) {
    this.#max = max
  }

  /** Returns the cached value for `key`, or builds, stores and returns it. */
  get(key: string, build: () => T): T {
    const hit = this.#entries.get(key)
    if (hit !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, hit)
      return hit
    }
    const value = build()
    this.#entries.set(key, value)
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as string)
    return value
  }

  /** Forgets `key`, e.g. after building its value failed. */
  delete(key: string): void {
    this.#entries.delete(key)
  }

  get size(): number {
    return this.#entries.size
  }
}
