import { FAULT_POLICY } from './policy.ts'
import { Unavailable } from './unavailable.ts'

/**
 * Logs faults once per kind and period, with the cause, and then how many more there were: a
 * binding that fails under load makes one line a minute, not one per request.
 */
export class FaultLog {
  readonly #every: number
  readonly #kinds = new Map<string, { since: number; more: number }>()

  constructor(every = FAULT_POLICY.logEveryMs) {
    this.#every = every
  }

  /** Reports a fault of `kind` at `now` (ms); logs it unless one of its kind was logged within the period. */
  report(kind: string, message: string, now = Date.now()): void {
    const last = this.#kinds.get(kind)
    if (last && now - last.since < this.#every) {
      last.more++
      return
    }
    const more = last?.more ? ` (${last.more} more since the last report)` : ''
    console.error(`fault: ${message}${more}`)
    this.#kinds.set(kind, { since: now, more: 0 })
  }
}

/** The isolate's one log of faults. */
export const faultLog = new FaultLog()

/**
 * Reports `error` when it is a fault of what was read (`Unavailable`), for work that tries again
 * later (the hub's alarm, the Cron Trigger); throws anything else, which is a bug.
 * @param where - who met it, for the log (`hub`, `cron`)
 */
export function reportFault(error: unknown, where: string): void {
  if (!(error instanceof Unavailable)) throw error
  faultLog.report(error.kind, `${where}: ${error.message}`)
}
