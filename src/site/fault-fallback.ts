import { faultLog } from '../faults/fault-log.ts'
import { Unavailable } from '../faults/unavailable.ts'
import { type PreparedResponse, prepareResponse, type ResponseProfile } from '../http/prepared-response.ts'
import type { RepresentationStore } from '../http/representation-store.ts'
import { staleCopy } from '../http/stale-copy.ts'
import type { Maybe } from './site-options.ts'

/** What {@link fallback} may use of the response that could not be made. */
export interface Fallback {
  store: RepresentationStore
  /** Its Cache API key in this edition. */
  current: string
  /** Its Cache API key in the previous edition, for bytes a reveal changed (none: nothing older is right). */
  previous: string | undefined
  /** This isolate still has the previous edition's copy: `Site.respond` serves that one. */
  inMemory: boolean
  profile: ResponseProfile
  /** The request's time (ms). */
  now: number
  /** Keeps a response that is this edition's (and returns the one kept). */
  keep(prepared: PreparedResponse): Maybe<PreparedResponse>
}

/**
 * A response whose content could not be read (`error` is `Unavailable`), from the Cache API:
 * this edition's bytes as another isolate stored them (fresh, kept like a render), else the
 * previous edition's (served as a stale copy, never kept). Anything else, or nothing stored: `error`
 * is thrown on (to `Site.respond`, then the app's 503).
 */
export async function fallback(error: unknown, options: Fallback): Promise<PreparedResponse> {
  if (!(error instanceof Unavailable)) throw error
  const { store, profile } = options
  const current = await store.stored(options.current)
  if (current) return options.keep(prepareResponse(current.representation, profile, current.made))
  const previous = !options.inMemory && options.previous ? await store.stored(options.previous) : undefined
  if (!previous) throw error
  faultLog.report(error.kind, `${error.message}; served a stale copy from the Cache API`)
  return staleCopy(prepareResponse(previous.representation, profile, previous.made), options.now)
}
