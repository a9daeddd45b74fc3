/**
 * Content that exists could not be had: the binding failed, hung, or answered bytes that fail
 * their check. Not a bug in this code (that stays a 500) and not a missing document (a 404): the
 * site answers `503 Service Unavailable` with `Retry-After` (RFC 9110 §15.6.4), or a stale copy.
 * The message names the cause for the log; readers never see it.
 */
export class Unavailable extends Error {
  /** What kind of fault: one log line per kind and period (see `FaultLog`). */
  readonly kind: string

  constructor(kind: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'Unavailable'
    this.kind = kind
  }
}

/**
 * `work`, given up after `ms` with {@link Unavailable} (`kind`, naming `what`): its signal is
 * aborted then, so a fetch and its body stop too. A rejection of `work` that is not already
 * `Unavailable` becomes one: whatever a read throws (a reset connection, a runtime error) is a fault of
 * the thing read.
 */
export async function within<T>(
  ms: number,
  kind: string,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (ms <= 0) throw new Unavailable(kind, `${what}: no time left in the request's budget`)
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new Unavailable(kind, `${what} took longer than ${ms} ms`))
    }, ms)
  })
  try {
    return await Promise.race([work(controller.signal), timeout])
  } catch (error) {
    if (error instanceof Unavailable) throw error
    throw new Unavailable(kind, `${what} failed: ${String(error)}`, { cause: error })
  } finally {
    clearTimeout(timer)
  }
}
