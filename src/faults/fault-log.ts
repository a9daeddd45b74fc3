import { FAULT_POLICY } from './policy.ts'

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
