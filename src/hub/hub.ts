import { DurableObject } from 'cloudflare:workers'
import type { Env } from '../config.ts'
import type { ContentFiles } from '../corpus/files.ts'
import { reportFault } from '../faults/fault-log.ts'
import { deliver, type Payload, payload, verify } from './callbacks.ts'
import type { HubClient } from './hub-client.ts'
import { HubSite, type Seen } from './hub-site.ts'
import { HubStore } from './hub-store.ts'
import { Invocation, type InvocationRecord } from './invocation.ts'
import { HUB_POLICY, type HubTimings } from './policy.ts'
import type { Intent, Refusal } from './subscription-form.ts'
import { type DueDelivery, TopicStore } from './topic-store.ts'

/** What tests may change (as `createWorker` takes them): the content, and the hub's waits. */
export interface HubOptions {
  files?: ContentFiles
  timings?: Partial<HubTimings>
}

/**
 * The site's own WebSub hub (W3C WebSub §5–7), a Durable Object with SQLite storage. The Worker
 * checks each subscription request against the site and hands it over ({@link request}); the
 * object's alarm does the rest in batches that fit an invocation of the Free plan: it verifies
 * intents, renders the topics a reveal or a new version may have changed (with the Worker's own
 * code, in this object, so a delivery is byte for byte what a `GET` returns), and posts each
 * changed document to its subscribers, retrying failures with backoff. The alarm is armed for the
 * next scheduled article, so a post is pushed when it appears, with no request arriving.
 */
export class Hub extends DurableObject<Env> implements HubClient {
  readonly #store: HubStore
  readonly #topics: TopicStore
  #options: HubOptions = {}
  #hubSite: HubSite | undefined
  /** The invocation running now: content reads are counted against it. */
  #run = new Invocation()
  #inAlarm = false
  readonly #history: InvocationRecord[] = []

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    this.#store = new HubStore(ctx.storage.sql)
    this.#topics = new TopicStore(ctx.storage.sql)
  }

  /** Tests: serve these files and use these waits (a new Worker, so nothing rendered before is kept). */
  configure(options: HubOptions): void {
    this.#options = options
    this.#hubSite = undefined
  }

  get #timings(): HubTimings {
    const { timeoutMs, retryDelaysMs, checkRetryMs } = HUB_POLICY
    return { timeoutMs, retryDelaysMs, checkRetryMs, ...this.#options.timings }
  }

  /** The last invocations of the alarm (newest last): what each spent, for `npm run bench` and the curious. */
  stats(): InvocationRecord[] {
    return [...this.#history]
  }

  async request(intent: Intent): Promise<Refusal | undefined> {
    const counts = this.#store.counts(intent)
    if (intent.mode === 'unsubscribe' && !counts.held)
      return {
        status: 404,
        message: `${intent.callback} is not subscribed to ${intent.topic}; nothing to unsubscribe.`,
      }
    if (counts.pending >= HUB_POLICY.pendingIntents || counts.hostPending >= HUB_POLICY.pendingPerHost)
      return { status: 429, message: 'The hub has many requests to verify; try again in a minute.', retryAfter: 60 }
    if (intent.mode === 'subscribe' && counts.host >= HUB_POLICY.perCallbackHost)
      return refuse(
        `${intent.host} holds ${HUB_POLICY.perCallbackHost} subscriptions, the most one callback host may; unsubscribe some first.`,
      )
    if (intent.mode === 'subscribe' && counts.topic >= HUB_POLICY.perTopic)
      return refuse(`This topic has ${HUB_POLICY.perTopic} subscribers, the most the hub keeps; try again later.`)
    this.#store.addIntent(intent)
    await this.#arm(Date.now())
    return undefined
  }

  async watch(): Promise<void> {
    if (this.#store.idle) return
    const now = Date.now()
    // Its reads count against the alarm's invocation when one is running (the stricter count).
    if (!this.#inAlarm) this.#run = new Invocation()
    await this.#notice(now)
    await this.#rearm(now)
  }

  override async alarm(): Promise<void> {
    const now = Date.now()
    const run = new Invocation()
    this.#run = run
    this.#inAlarm = true
    try {
      this.#store.expire(now)
      await this.#notice(now)
      for (const topic of this.#topics.checks(now, HUB_POLICY.checksPerInvocation)) {
        if (HUB_POLICY.subrequestsPerInvocation - run.subrequests < HUB_POLICY.readsPerRender) break
        await this.#check(topic, run)
      }
      const verifying = Math.min(run.left, HUB_POLICY.verificationsPerInvocation)
      await run.pool(this.#store.intents(verifying), (intent) => this.#verify(intent, run))
      const payloads = new Map<string, Payload | undefined>()
      await run.pool(this.#topics.due(now, run.left), (delivery) => this.#deliver(delivery, payloads, run))
    } finally {
      this.#inAlarm = false
      this.#record(run)
      await this.#rearm(Date.now())
    }
  }

  /** Renders a topic and compares it: changed, gone (a 404: no longer served), or failed (tried again later). */
  async #check(topic: string, run: Invocation): Promise<void> {
    run.checks++
    const now = Date.now()
    const rendered = await this.#site().render(topic)
    if (rendered === 'failed') return this.#topics.retry(topic, now + this.#timings.checkRetryMs)
    if (rendered === 'gone') return this.#topics.gone(topic)
    run.queued += this.#topics.checked(topic, rendered, now)
  }

  /**
   * Arms the alarm for the earlier of the next piece of work and the next scheduled article (when
   * anyone listens). When the content cannot be read to know that, it looks again `checkRetryMs` later.
   */
  async #rearm(now: number): Promise<void> {
    await this.#arm(this.#nextDue(now))
    if (this.#store.idle) return
    const next = await this.#site()
      .nextReveal(now)
      .catch((error: unknown) => {
        reportFault(error, 'hub')
        return now + this.#timings.checkRetryMs
      })
    await this.#arm(next)
  }

  /** When the alarm should next run: now while requests await verification, else when topics need it. */
  #nextDue(now: number): number | undefined {
    return this.#store.pending ? now : this.#topics.nextDue()
  }

  /** Queues the checks of what changed since the hub last looked (a new deployment, a reveal). */
  async #notice(now: number): Promise<void> {
    const seen = JSON.parse(this.#store.get('seen') ?? '[]') as Seen
    const changes = await this.#site()
      .changes(seen, now, () => this.#topics.subscribed())
      // Unknown for now: the alarm comes back (`#rearm`) and looks again.
      .catch((error: unknown) => reportFault(error, 'hub'))
    if (!changes) return
    this.#store.set('seen', JSON.stringify(changes.seen))
    this.#topics.check(changes.topics, now)
  }

  async #verify(intent: Intent, run: Invocation): Promise<void> {
    run.subrequests++
    const verified = await verify(intent, this.#timings)
    run.verifications++
    this.#store.settle(intent, verified, Date.now())
    // A topic new to the hub: its document now is what later changes are measured from (a check).
    if (verified && intent.mode === 'subscribe' && this.#topics.etag(intent.topic) === undefined)
      this.#topics.check([intent.topic], Date.now())
  }

  async #deliver(delivery: DueDelivery, payloads: Map<string, Payload | undefined>, run: Invocation): Promise<void> {
    if (!payloads.has(delivery.topic)) payloads.set(delivery.topic, payload(this.#topics.document(delivery.topic)))
    const document = payloads.get(delivery.topic)
    if (!document) return this.#topics.delivered(delivery)
    run.subrequests++
    const outcome = await deliver(delivery, document, this.#timings)
    run.deliveries++
    if (outcome === 'gone') return this.#store.gone(delivery.topic, delivery.callback)
    const wait = outcome === 'failed' ? this.#timings.retryDelaysMs[delivery.attempt] : undefined
    if (outcome === 'failed') run.failures++
    this.#topics.delivered(delivery, wait === undefined ? undefined : Date.now() + wait)
  }

  /** The site as this object renders it; its content reads counted against the invocation running. */
  #site(): HubSite {
    this.#hubSite ??= new HubSite(this.env, this.#options.files, () => this.#run.subrequests++)
    return this.#hubSite
  }

  /** Sets the alarm to `at` unless it is already set earlier (an alarm in the past runs at once). */
  async #arm(at: number | undefined): Promise<void> {
    if (at === undefined) return
    const current = await this.ctx.storage.getAlarm()
    if (current === null || current > at) await this.ctx.storage.setAlarm(at)
  }

  #record(run: Invocation): void {
    this.#history.push(run.record())
    if (this.#history.length > 500) this.#history.shift()
  }
}

function refuse(message: string): Refusal {
  return { status: 429, message }
}
