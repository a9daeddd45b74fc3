import type { Env } from '../config.ts'
import type { Intent, Refusal } from './subscription-form.ts'

/** What the Worker asks of the hub's Durable Object (RPC; see `Hub` in hub.ts). */
export interface HubClient {
  /** Takes a checked subscription request for verification: `undefined` when accepted (202), else why not. */
  request(intent: Intent): Promise<Refusal | undefined>
  /** Looks for a new version or a reveal to distribute, and keeps the alarm armed (the Cron Trigger calls it). */
  watch(): Promise<void>
}

/**
 * The name of the one hub object of a deployment. One per site, not one per topic: a reveal changes
 * several topics at once (the site's feeds and its tags', in three formats), which one alarm plans
 * together, and the bounds per callback host count over every topic in one place.
 */
export const HUB_NAME = 'hub'

/** The hub of this deployment, when the `HUB` binding is there (wrangler.toml), else `undefined`. */
export function hubOf(env: Env): HubClient | undefined {
  const namespace = env.HUB
  if (!namespace) return undefined
  // The binding is declared untyped in `Env` so that config.ts does not import the Worker it configures.
  return namespace.get(namespace.idFromName(HUB_NAME)) as unknown as HubClient
}
