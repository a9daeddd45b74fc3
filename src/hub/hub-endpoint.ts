import type { Context } from 'hono'
import { readConfig } from '../config.ts'
import { Unavailable } from '../faults/unavailable.ts'
import { isLoopbackHost } from '../http/addresses.ts'
import { errorResponse } from '../http/error-response.ts'
import { readAtMost } from '../http/read-at-most.ts'
import { NOSNIFF } from '../http/response-headers.ts'
import { originOf, PATHS } from '../paths.ts'
import type { AppEnv } from '../routes/site-routes.ts'
import { hubOf } from './hub-client.ts'
import { HUB_POLICY } from './policy.ts'
import { type Refusal, readSubscriptionForm } from './subscription-form.ts'

/** Answers a `GET` of a URL as the Worker would, without leaving it: how the hub reads a topic. */
export type FetchTopic = (url: string, c: Context<AppEnv>) => Promise<Response>

/**
 * `POST /websub` (W3C WebSub §5.1): checks a subscription request and hands it to the hub (202), or
 * says what is wrong with it (4xx) without calling anyone. A topic is a document of this site that
 * names this hub and itself as `self` when the site serves it now: the feeds (site and visible tags,
 * three formats), never an archive page, a hidden tag or another site's URL.
 */
export async function subscriptionRequest(c: Context<AppEnv>, fetchTopic: FetchTopic): Promise<Response> {
  const refusal = await refused(c, fetchTopic)
  if (!('accepted' in refusal)) {
    const headers: Record<string, string> = refusal.retryAfter ? { 'Retry-After': String(refusal.retryAfter) } : {}
    return errorResponse(c, refusal.status, refusal.message, { headers })
  }
  return c.text(
    `Accepted: the hub will verify this request with a GET to ${refusal.accepted} (W3C WebSub §5.3).\n`,
    202,
    NOSNIFF,
  )
}

/** Why the request is refused, or the callback the hub will verify. */
async function refused(c: Context<AppEnv>, fetchTopic: FetchTopic): Promise<Refusal | { accepted: string }> {
  const config = readConfig(c.env)
  const hub = hubOf(c.env)
  if (!hub) return { status: 503, message: 'The hub is not set up: no HUB Durable Object binding (wrangler.toml).' }
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded')
    return { status: 415, message: 'Send the form as application/x-www-form-urlencoded (W3C WebSub §5.1).' }
  const tooLarge: Refusal = { status: 413, message: `The form is larger than ${HUB_POLICY.formBytes} bytes.` }
  if (Number(c.req.header('Content-Length') ?? 0) > HUB_POLICY.formBytes) return tooLarge
  const { bytes: body, whole } = await readAtMost(c.req.raw.body, HUB_POLICY.formBytes)
  if (!whole) return tooLarge
  const hubOrigin = originOf(c.req.url)
  const local = isLoopbackHost(new URL(hubOrigin).hostname)
  const siteHost = config.baseUrl && new URL(config.baseUrl).hostname
  const form = readSubscriptionForm(new URLSearchParams(new TextDecoder().decode(body)), { hubOrigin, siteHost, local })
  if ('status' in form) return form
  // Unsubscribing needs no topic check: the hub refuses a pair it does not hold, without calling it.
  // It stays open when WEBSUB_HUB takes over, so that the own hub's subscribers can still leave.
  if (form.mode === 'subscribe') {
    if (config.websubHub)
      return {
        status: 404,
        message: `This site's feeds name the hub ${config.websubHub} (WEBSUB_HUB); subscribe there.`,
      }
    const hubUrl = (config.baseUrl ?? hubOrigin) + PATHS.hub
    const topicProblem = await checkTopic(form.topic.href, hubUrl, c, fetchTopic)
    if (topicProblem) return { status: 404, message: topicProblem }
  }
  const refusal = await hub.request({ ...form, topic: form.topic.href })
  return refusal ?? { accepted: form.callback }
}

/**
 * Whether `topic` is a feed of this site that names `hub`: a `GET` of it (inside this Worker,
 * never over the network) answers 200 with `Link` naming it `self` and `hub` as its hub.
 * @returns the problem, as a sentence, or `undefined`
 */
async function checkTopic(
  topic: string,
  hub: string,
  c: Context<AppEnv>,
  fetchTopic: FetchTopic,
): Promise<string | undefined> {
  const example = hub.slice(0, -PATHS.hub.length) + PATHS.rss
  const notOurs = `hub.topic ${topic} is not a feed of this site that this hub serves; topics are the self URLs of its feeds, such as ${example}.`
  const response = await fetchTopic(topic, c)
  await response.body?.cancel()
  // The content cannot be read now: the topic may well exist, so the request gets the 503, not a 404.
  if (response.status === 503) throw new Unavailable('content', `checking hub.topic ${topic}: the site answered 503`)
  if (response.status !== 200) return notOurs
  const link = response.headers.get('Link') ?? ''
  if (!link.includes(`<${hub}>; rel="hub"`)) return notOurs
  if (!link.includes(`<${topic}>; rel="self"`)) {
    const self = /<([^>]*)>; rel="self"/.exec(link)?.[1]
    return self ? `hub.topic ${topic} is served under another URL; subscribe to its self URL, ${self}.` : notOurs
  }
  return undefined
}

/** `GET /websub` (a person or a program looking) and every method but `POST`: 405, what the hub takes. */
export function hubInfo(c: Context<AppEnv>): Response | Promise<Response> {
  return errorResponse(
    c,
    405,
    'This is the WebSub hub of this site (W3C WebSub): POST hub.mode, hub.topic and hub.callback as a form to subscribe to one of its feeds.',
    { headers: { Allow: 'POST' } },
  )
}
