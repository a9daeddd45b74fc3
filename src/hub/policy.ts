/**
 * The hub's limits, in one table: how long a subscription lasts, how many a callback host and a
 * topic may hold, how much one invocation does, and how a failed delivery is retried. Each number
 * is a promise to subscribers or to the Free plan (50 subrequests and 10 ms of CPU per invocation);
 * README "WebSub" states them.
 */
export const HUB_POLICY = {
  /** `hub.lease_seconds` when the subscriber names none (W3C WebSub §5.1: the hub decides): 10 days. */
  defaultLeaseSeconds: 10 * 86_400,
  /** The longest lease granted; a longer request is cut to it (never perpetual): 30 days. */
  maxLeaseSeconds: 30 * 86_400,
  /** The shortest lease granted: a shorter request is raised to it (an hour), so leases are not a way to flood verifications. */
  minLeaseSeconds: 3_600,
  /** `hub.secret` must be shorter than this, in bytes (W3C WebSub §5.1). */
  secretBytes: 200,
  /** Longest `hub.callback` and `hub.topic`, in characters. */
  urlLength: 2_048,
  /** Largest request body the hub reads, in bytes: a form of five fields fits many times. */
  formBytes: 8_192,
  /** Subscriptions (verified and pending) one callback host may hold, over all topics. */
  perCallbackHost: 1_000,
  /** Subscriptions one topic may hold. */
  perTopic: 10_000,
  /** Requests awaiting verification, over all hosts: more are refused with 429 until these are done. */
  pendingIntents: 2_000,
  /** Requests awaiting verification from one callback host (subscriptions and unsubscriptions). */
  pendingPerHost: 200,
  /**
   * Subrequests one invocation makes (callbacks verified or delivered to, content files read): under
   * the Free plan's 50, with room for the few reads an invocation may start before it counts them.
   */
  subrequestsPerInvocation: 40,
  /**
   * Callbacks called per invocation (verifications and deliveries). Measured (`npm run bench`, 1,000
   * subscribers): at 40 an invocation cost workerd 8.6 ms of CPU more than the limit's bare posts,
   * too near the Free plan's 10 ms; at 25 it stays well under, and 1,000 deliveries still take ~1 s.
   */
  callbacksPerInvocation: 25,
  /** Of those, verifications: the rest of an invocation is kept for deliveries, so requests cannot starve a push. */
  verificationsPerInvocation: 10,
  /** Content files a render may read (a feed's chunks, a tag's bucket): a render starts only with this many subrequests left. */
  readsPerRender: 6,
  /** Wait before checking again a topic that failed to render (not a 404), in ms. */
  checkRetryMs: 10_000,
  /** Topics rendered and compared per invocation: each costs CPU (a feed of 20 articles, ~1 ms). */
  checksPerInvocation: 4,
  /** Requests to callbacks in flight at once (a Worker may hold 6 connections open). */
  concurrency: 6,
  /** How long a callback may take to answer a verification or a delivery, in ms. */
  timeoutMs: 5_000,
  /** Bytes of a verification answer read to find the challenge. */
  challengeBytes: 1_024,
  /** Wait before each retry of a failed delivery, in ms (≈ 9 h in all); after the last, it is dropped. */
  retryDelaysMs: [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000],
} as const

/** The policy an instance runs with: {@link HUB_POLICY}, with times that tests shorten. */
export interface HubTimings {
  timeoutMs: number
  retryDelaysMs: readonly number[]
  checkRetryMs: number
}
