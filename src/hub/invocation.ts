import { HUB_POLICY } from './policy.ts'

/** What one invocation of the hub did: the figures `npm run bench` reads (`Hub.stats`). */
export interface InvocationRecord {
  /** When it began (ms since the epoch). */
  at: number
  /** Requests it made: callbacks verified or delivered to, content files read. */
  subrequests: number
  checks: number
  verifications: number
  deliveries: number
  failures: number
  /** Deliveries the changed topics it checked made due. */
  queued: number
}

/**
 * One invocation of the hub's alarm: the subrequests it may still make (`HUB_POLICY`, under the
 * Free plan's 50), and a pool that runs callbacks a few at a time so that one that hangs holds one
 * slot, not the batch.
 */
export class Invocation {
  readonly at = Date.now()
  subrequests = 0
  checks = 0
  verifications = 0
  deliveries = 0
  failures = 0
  queued = 0

  /** Callbacks this invocation may still call: within its subrequests and its share of CPU. */
  get left(): number {
    const callbacks = HUB_POLICY.callbacksPerInvocation - this.verifications - this.deliveries
    return Math.max(0, Math.min(HUB_POLICY.subrequestsPerInvocation - this.subrequests, callbacks))
  }

  /** Runs `task` on every item, at most `HUB_POLICY.concurrency` at once; an item that throws is logged, not fatal. */
  async pool<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
    let next = 0
    const lane = async () => {
      while (next < items.length) {
        const item = items[next++] as T
        try {
          await task(item)
        } catch (error) {
          console.error('hub:', error)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(HUB_POLICY.concurrency, items.length) }, lane))
  }

  record(): InvocationRecord {
    const { at, subrequests, checks, verifications, deliveries, failures, queued } = this
    return { at, subrequests, checks, verifications, deliveries, failures, queued }
  }
}
