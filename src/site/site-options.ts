import type { ContentFiles } from '../corpus/files.ts'
import type { Schedule } from '../corpus/schedule.ts'
import type { RepresentationStore } from '../http/representation-store.ts'
import type { SiteConfig } from '../model/site.ts'

/** Options of `Site`. */
export interface SiteOptions {
  config: SiteConfig
  /** Fingerprint of `config`: the same values give the same site, whatever object holds them. */
  fingerprint: string
  /** Origin the request came to; used for links only when no `SITE_URL` is set. */
  origin: string
  /** The corpus and its schedule: which articles a request at a given time sees. */
  schedule: Schedule
  /** Renders on a miss, through the Cache API shared by a data center's isolates. */
  store: RepresentationStore
  /**
   * When this deployment was made (the version metadata's `timestamp`). Code and settings change
   * only with a deployment, so bytes change only when the content or this date does: a response's
   * `Last-Modified` is the later of the two. Unknown: no `Last-Modified` at all, only ETags, since a
   * content date alone would stay put while a new `SITE_TITLE` or stylesheet changes the bytes.
   */
  deployed?: string | undefined
  /** Called with the key of each representation built (rendered or read from the Cache API): tests count them. */
  onBuild?: ((key: string) => void) | undefined
}

/** Keeps the Cache API write of a fresh render alive after the response (the execution context's `waitUntil`). */
export type WaitUntil = ((promise: Promise<unknown>) => void) | undefined

/** What a render may use of the request that asked for it: its content binding and its `waitUntil`. */
export interface RequestScope {
  files: ContentFiles
  waitUntil: WaitUntil
  /** The request's time (ms since the epoch, from the site's clock): which edition of the corpus answers it. */
  now: number
}

/** A value now, or later: what is in memory is returned without a promise, so the hot path never waits. */
export type Maybe<T> = T | Promise<T>
