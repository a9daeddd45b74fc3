import { type CallbackScope, readCallback } from './callback-address.ts'
import { HUB_POLICY } from './policy.ts'

/**
 * A subscriber's request as the hub keeps it until verified (W3C WebSub §5.1): what to do, to which
 * topic, for which callback, for how long, and with which secret.
 */
export interface Intent {
  mode: 'subscribe' | 'unsubscribe'
  /** The feed's self URL, exactly as the feed names it. */
  topic: string
  callback: string
  /** The callback's host name (any port): what the per-host bound counts. */
  host: string
  /** Seconds granted (bounded by the policy); 0 for an unsubscription. */
  lease: number
  /** `hub.secret` ('' for none): the key of `X-Hub-Signature`. */
  secret: string
}

/** A request the hub refuses at once, with the status and one sentence saying why and what to do. */
export interface Refusal {
  status: 400 | 403 | 404 | 413 | 415 | 429 | 503
  message: string
  retryAfter?: number
}

/**
 * Reads the `application/x-www-form-urlencoded` body of a subscription request (W3C WebSub §5.1).
 * Everything but the topic is checked here; whether the topic is one of this site's feeds is the
 * caller's to decide (it knows the site).
 */
export function readSubscriptionForm(
  form: URLSearchParams,
  scope: CallbackScope,
): (Omit<Intent, 'topic'> & { topic: URL }) | Refusal {
  const mode = form.get('hub.mode')
  if (mode !== 'subscribe' && mode !== 'unsubscribe')
    return bad(`hub.mode must be subscribe or unsubscribe (got ${mode === null ? 'nothing' : `"${mode}"`}).`)
  const topicValue = form.get('hub.topic')
  const callbackValue = form.get('hub.callback')
  if (!topicValue) return bad("hub.topic is missing: give the self URL of one of this site's feeds.")
  if (!callbackValue) return bad('hub.callback is missing: give the URL the hub should verify and deliver to.')
  if (topicValue.length > HUB_POLICY.urlLength || callbackValue.length > HUB_POLICY.urlLength)
    return bad(`hub.topic and hub.callback must be at most ${HUB_POLICY.urlLength} characters.`)
  let topic: URL
  try {
    topic = new URL(topicValue)
  } catch {
    return {
      status: 404,
      message: `hub.topic "${topicValue}" is not a URL; give the self URL of one of this site's feeds.`,
    }
  }
  const callback = readCallback(callbackValue, scope)
  if (!(callback instanceof URL)) return callback
  const secret = form.get('hub.secret') ?? ''
  if (new TextEncoder().encode(secret).length >= HUB_POLICY.secretBytes)
    return bad(`hub.secret must be shorter than ${HUB_POLICY.secretBytes} bytes (W3C WebSub §5.1).`)
  const lease = readLease(form.get('hub.lease_seconds'))
  if (typeof lease === 'string') return bad(lease)
  return {
    mode,
    topic,
    callback: callback.href,
    host: callback.hostname,
    lease: mode === 'subscribe' ? lease : 0,
    secret,
  }
}

/** `hub.lease_seconds`: the default when absent, else a whole number of seconds brought within the policy's bounds. */
function readLease(value: string | null): number | string {
  if (value === null || value === '') return HUB_POLICY.defaultLeaseSeconds
  if (!/^\d{1,10}$/.test(value)) return `hub.lease_seconds must be a whole number of seconds (got "${value}").`
  return Math.min(HUB_POLICY.maxLeaseSeconds, Math.max(HUB_POLICY.minLeaseSeconds, Number(value)))
}

function bad(message: string): Refusal {
  return { status: 400, message }
}
