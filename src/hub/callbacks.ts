import { readAtMost } from '../http/read-at-most.ts'
import { HUB_POLICY, type HubTimings } from './policy.ts'
import { signature } from './signature.ts'
import type { Intent } from './subscription-form.ts'
import type { DueDelivery, TopicDocument } from './topic-store.ts'

/** A topic's document ready to post: its bytes, encoded once for all its subscribers. */
export interface Payload {
  body: Uint8Array
  contentType: string
  link: string
}

/** A stored document as posted: its bytes encoded once. */
export function payload(document: TopicDocument | undefined): Payload | undefined {
  return (
    document && {
      body: new TextEncoder().encode(document.body),
      contentType: document.contentType,
      link: document.link,
    }
  )
}

/** What a callback answered: accepted (2xx), gone (410: the subscriber wants no more), or failed. */
export type Outcome = 'ok' | 'gone' | 'failed'

/**
 * Verification of intent (W3C WebSub §5.3): a `GET` of the callback with `hub.mode`, `hub.topic`,
 * `hub.challenge` and (to subscribe) `hub.lease_seconds` added to its query. Only a 2xx whose body
 * is the challenge (surrounding white space aside) confirms. Redirects are not followed: the hub
 * calls the callback and nothing else.
 */
export async function verify(intent: Intent, timings: HubTimings): Promise<boolean> {
  const challenge = crypto.randomUUID()
  const query = new URLSearchParams({ 'hub.mode': intent.mode, 'hub.topic': intent.topic, 'hub.challenge': challenge })
  if (intent.mode === 'subscribe') query.append('hub.lease_seconds', String(intent.lease))
  // The callback's own query is kept as written (§5.3), the hub's parameters added after it.
  const url = `${intent.callback}${intent.callback.includes('?') ? '&' : '?'}${query}`
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timings.timeoutMs) })
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel()
      return false
    }
    const { bytes } = await readAtMost(response.body, HUB_POLICY.challengeBytes)
    return new TextDecoder().decode(bytes).trim() === challenge
  } catch {
    return false
  }
}

/**
 * Content distribution (W3C WebSub §7): a `POST` of the topic's new document, with its
 * `Content-Type`, the `Link` header it is served with (its `hub` and `self`), and `X-Hub-Signature:
 * sha256=…` when the subscriber gave a secret (§7.1). Any 2xx is success.
 */
export async function deliver(d: DueDelivery, document: Payload, timings: HubTimings): Promise<Outcome> {
  const { body } = document
  const headers: Record<string, string> = { 'Content-Type': document.contentType, Link: document.link }
  if (d.secret) headers['X-Hub-Signature'] = await signature(d.secret, body)
  try {
    const response = await fetch(d.callback, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timings.timeoutMs),
    })
    await response.body?.cancel()
    if (response.status === 410) return 'gone'
    return response.status >= 200 && response.status <= 299 ? 'ok' : 'failed'
  } catch {
    return 'failed'
  }
}
