import type { Corpus } from '../corpus/corpus.ts'
import { type PreparedResponse, prepareResponse } from '../http/prepared-response.ts'
import { createRepresentation } from '../http/representation.ts'
import type { RepresentationStore } from '../http/representation-store.ts'
import { type SiteLinks, siteLinks } from '../links.ts'
import type { SiteConfig } from '../model/site.ts'
import type { ResponseKind, SiteResponder } from './kind.ts'
import { deploymentTime, lastChanged } from './last-modified.ts'
import { ResponseProfiles } from './response-profiles.ts'
import { SiteMemo } from './site-memo.ts'
import type { Maybe, RequestScope, SiteOptions } from './site-options.ts'

/**
 * One site as seen from one base URL with one set of settings: its links, its header sets and the
 * memo of every response it made. What a response is (its route, key, memo, headers, loader) is a
 * row of the table in `response-kinds.ts`; the site only answers a row's parameters, from memory
 * when it can.
 */
export class Site implements SiteResponder {
  readonly config: SiteConfig
  readonly links: SiteLinks
  /** Names everything the bytes depend on besides the content's key: settings, base URL, content. */
  readonly key: string
  readonly corpus: Corpus
  readonly profiles: ResponseProfiles
  readonly #store: RepresentationStore
  readonly #onBuild: ((key: string) => void) | undefined
  readonly #deployed: string | undefined
  readonly #memo = new SiteMemo()

  constructor(options: SiteOptions) {
    const { config } = options
    const base = config.baseUrl ?? options.origin
    this.config = config
    this.links = siteLinks(base, config.icon)
    this.key = `${base} ${options.fingerprint} ${options.corpus.manifest.fingerprint}`
    this.corpus = options.corpus
    this.#store = options.store
    this.profiles = new ResponseProfiles(config)
    this.#onBuild = options.onBuild
    this.#deployed = deploymentTime(options.deployed)
  }

  /** The response kept under `key`, if any: the hot path's only question. */
  peek(key: string): PreparedResponse | undefined {
    return this.#memo.peek(key)
  }

  /** `Last-Modified` of bytes made from content last changed at `content` (see `lastChanged`). */
  changed(content?: string): string | undefined {
    return lastChanged(this.#deployed, content)
  }

  /**
   * The response `params` name: from the memo at once (no promise: the common case), else found,
   * rendered or read from the Cache API, prepared with the kind's headers and kept in its memo.
   * `undefined` when the kind finds no such document.
   */
  respond<P, F>(kind: ResponseKind<P, F>, params: P, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    const key = kind.key(params)
    return this.#memo.peek(key) ?? this.#make(kind, params, key, scope)
  }

  /** Makes the response under `key`; `located` is what `locate` found already (the same document of a `sameBytesAs`). */
  async #make<P, F>(
    kind: ResponseKind<P, F>,
    params: P,
    key: string,
    scope: RequestScope,
    located?: F,
  ): Promise<PreparedResponse | undefined> {
    const found = located ?? (await kind.locate(this, params, scope))
    if (found === undefined) return undefined
    const memo = kind.memo(params, found, this)
    const profile = kind.profile(this, params, found, kind.cacheTag(params, found))
    const same = kind.sameBytesAs?.(params)
    if (same !== undefined) {
      // The same document: what `locate` found serves both, and the bytes are made (or kept) once.
      const sameKey = kind.key(same)
      const original = this.#memo.peek(sameKey) ?? (await this.#make(kind, same, sameKey, scope, found))
      return original && this.#memo.get(key, memo, async () => prepareResponse(original.representation, profile))
    }
    return this.#memo.get(key, memo, async () => {
      const rendering = await kind.load(this, params, found, scope)
      this.#onBuild?.(key)
      // What is not kept in memory is not worth the Cache API either (an image is read, not made).
      const representation =
        memo === 'none'
          ? await createRepresentation(
              await rendering.render(),
              rendering.contentType,
              rendering.updated,
              rendering.etag,
            )
          : await this.#store.load({ ...rendering, key: `${key} ${this.key}` }, scope.waitUntil)
      return prepareResponse(representation, profile)
    })
  }
}
