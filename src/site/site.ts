import type { Edition } from '../corpus/edition.ts'
import type { Schedule } from '../corpus/schedule.ts'
import { faultLog } from '../faults/fault-log.ts'
import { Unavailable } from '../faults/unavailable.ts'
import { type PreparedResponse, prepareResponse, type ResponseProfile } from '../http/prepared-response.ts'
import { createRepresentation } from '../http/representation.ts'
import type { RepresentationStore } from '../http/representation-store.ts'
import { staleCopy } from '../http/stale-copy.ts'
import { type SiteLinks, siteLinks } from '../links.ts'
import type { SiteConfig } from '../model/site.ts'
import { fallback } from './fault-fallback.ts'
import type { ResponseKind, SiteContext, SiteResponder } from './kind.ts'
import { deploymentTime, lastChanged } from './last-modified.ts'
import { ResponseProfiles } from './response-profiles.ts'
import { SiteMemo } from './site-memo.ts'
import type { Maybe, RequestScope, SiteOptions } from './site-options.ts'

/** What a site serves during one {@link Edition}: the context its kinds read, and the memo of the responses a reveal changes. */
interface EditionState {
  context: SiteContext
  memo: SiteMemo
}

/**
 * One site as seen from one base URL with one set of settings: its links, its header sets and the
 * memo of every response it made. What a response is (its route, key, memo, headers, loader) is a
 * row of the table in `response-kinds.ts`; the site only answers a row's parameters, from memory
 * when it can.
 *
 * Responses a reveal changes (lists, feeds, counts) are kept in the memo of one edition of the
 * corpus (the articles published by then): when a scheduled article's time comes, the next request
 * finds a new edition and a new, empty memo, so nothing made before the reveal is served after it;
 * a response still being made for the old edition goes to the old memo, never the new one. What no
 * reveal changes (an article's page, a full archive page, a file) is kept across editions.
 */
export class Site implements SiteResponder {
  readonly config: SiteConfig
  readonly links: SiteLinks
  /** Names everything the bytes depend on besides the content's key: settings, base URL, content. */
  readonly key: string
  readonly profiles: ResponseProfiles
  readonly #schedule: Schedule
  readonly #store: RepresentationStore
  readonly #onBuild: ((key: string) => void) | undefined
  readonly #deployed: string | undefined
  readonly #lasting = new SiteMemo()
  #state: EditionState | undefined
  /**
   * The polled responses (the pinned ones) of the last edition before {@link #state} that made any:
   * the stale copies served while fresh ones cannot be had.
   */
  #previous: SiteMemo | undefined

  constructor(options: SiteOptions) {
    const { config } = options
    const base = config.baseUrl ?? options.origin
    this.config = config
    this.links = siteLinks(base, config.icon)
    this.key = `${base} ${options.fingerprint} ${options.schedule.corpus.manifest.fingerprint}`
    this.#schedule = options.schedule
    this.#store = options.store
    this.profiles = new ResponseProfiles(config)
    this.#onBuild = options.onBuild
    this.#deployed = deploymentTime(options.deployed)
  }

  /** What the kinds read of the site at `now` (ms): its settings, links and the corpus as it stands then. */
  context(now: number): SiteContext {
    return this.#at(now).context
  }

  /** The polled feed kept under `key` at `now` (ms), if any: the hot path's only question. */
  peek(key: string, now: number): PreparedResponse | undefined {
    return this.#at(now).memo.peek(key)
  }

  /**
   * The response `params` name: from memory at once when it is kept (no promise on that path),
   * else a promise of it made now (or read from the Cache API); `undefined` when `locate` finds
   * nothing. When the content cannot be had (`Unavailable`), the response the previous edition
   * made is served stale (`staleCopy`) if this isolate has it; else the fault goes on to the app (503).
   */
  respond<P, F>(kind: ResponseKind<P, F>, params: P, scope: RequestScope): Maybe<PreparedResponse | undefined> {
    const key = kind.key(params)
    const state = this.#at(scope.now)
    const kept = state.memo.peek(key) ?? this.#lasting.peek(key)
    if (kept) return kept
    return this.#make(state, kind, params, key, scope).catch((error: unknown) => {
      const stale = error instanceof Unavailable ? this.#previous?.peek(key) : undefined
      if (!stale || !(error instanceof Unavailable)) throw error
      faultLog.report(error.kind, `${error.message}; served a stale copy`)
      return staleCopy(stale, scope.now)
    })
  }

  /** The state of the edition of `now` (ms): a new one, with an empty memo, once a scheduled article has appeared. */
  #at(now: number): EditionState {
    const state = this.#state
    const edition = this.#schedule.at(now)
    if (state?.context.corpus === edition) return state
    const deployed = this.#deployed
    if (state && !state.memo.empty) this.#previous = state.memo.pinnedOnly()
    this.#state = {
      context: {
        config: this.config,
        links: this.links,
        profiles: this.profiles,
        corpus: edition,
        preview: edition.preview,
        changed: (content) => lastChanged(deployed, edition.bound(content)),
      },
      memo: new SiteMemo(),
    }
    return this.#state
  }

  /** Makes the response under `key`; `located` is what `locate` found already (the same document of a `sameBytesAs`). */
  async #make<P, F>(
    state: EditionState,
    kind: ResponseKind<P, F>,
    params: P,
    key: string,
    scope: RequestScope,
    located?: F,
  ): Promise<PreparedResponse | undefined> {
    const { context } = state
    const found = located ?? (await kind.locate(context, params, scope))
    if (found === undefined) return undefined
    const edition = context.corpus
    const changes = kind.unchangedByReveals?.(params, found) !== true
    const memos = changes ? state.memo : this.#lasting
    const memo = kind.memo(params, found, context)
    const storeKey = this.#storeKey(key, changes ? edition.revealed : undefined)
    const profile = this.#bounded(
      kind.profile(context, params, found, kind.cacheTag(params, found)),
      changes ? edition.next : Number.POSITIVE_INFINITY,
    )
    const same = kind.sameBytesAs?.(params)
    if (same !== undefined) {
      // The same document: what `locate` found serves both, and the bytes are made (or kept) once.
      const sameKey = kind.key(same)
      const original = memos.peek(sameKey) ?? (await this.#make(state, kind, same, sameKey, scope, found))
      // A stale copy is never kept: it is made again for these headers, stale too.
      if (original?.stale) return staleCopy(prepareResponse(original.representation, profile, original.made), scope.now)
      return original && memos.get(key, memo, async () => prepareResponse(original.representation, profile, scope.now))
    }
    const made = memos.get(key, memo, async () => {
      const rendering = await kind.load(context, params, found, scope)
      this.#onBuild?.(key)
      // Bytes a reveal changes changed at the edition's start at the earliest.
      const updated = changes ? edition.floor(rendering.updated) : rendering.updated
      // What is not kept in memory is not worth the Cache API either (an image is read, not made).
      const representation =
        memo === 'none'
          ? await createRepresentation(await rendering.render(), rendering.contentType, updated, rendering.etag)
          : await this.#store.load(
              {
                ...rendering,
                updated,
                key: storeKey,
                made: scope.now,
              },
              scope.waitUntil,
            )
      return prepareResponse(representation, profile, scope.now)
    })
    if (!(made instanceof Promise) || memo === 'none') return made
    const since = edition.since
    return made.catch((error: unknown) =>
      fallback(error, {
        store: this.#store,
        current: storeKey,
        previous:
          changes && Number.isFinite(since) ? this.#storeKey(key, this.#schedule.at(since - 1).revealed) : undefined,
        inMemory: this.#previous?.peek(key) !== undefined,
        profile,
        now: scope.now,
        keep: (prepared) => memos.get(key, memo, async () => prepared),
      }),
    )
  }

  /** The Cache API key of `key`'s bytes: the site, and the edition (`revealed`) for bytes a reveal changes. */
  #storeKey(key: string, revealed: number | undefined): string {
    return `${key} ${this.key}${revealed === undefined ? '' : ` @${revealed}`}`
  }

  /** `profile`, fresh in every cache until `until` (ms) at most: a response a scheduled article will change. */
  #bounded(profile: ResponseProfile, until: number): ResponseProfile {
    if (until === Number.POSITIVE_INFINITY) return profile
    const { cacheMaxAge: maxAge, cacheStaleWhileRevalidate: staleWhileRevalidate } = this.config
    return { ...profile, bound: { until, maxAge, staleWhileRevalidate } }
  }
}
