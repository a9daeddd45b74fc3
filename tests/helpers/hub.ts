import { runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { inject } from 'vitest'
import type { Env } from '../../src/config.ts'
import type { Hub, HubOptions } from '../../src/hub/hub.ts'
import { HUB_NAME } from '../../src/hub/hub-client.ts'
import type { Received } from './subscriber.ts'

/** The Worker's bindings as wrangler.toml declares them: the hub (`HUB`) included. */
export const hubEnv = env as unknown as Env

/** The loopback subscriber started by the global setup. */
export const SUBSCRIBER = inject('subscriber')

/** A callback path of the subscriber no other test uses: `/{behaviour}/{name}-{random}`. */
export function callback(behaviour: string, name: string): string {
  return `${SUBSCRIBER}/${behaviour}/${name}-${crypto.randomUUID().slice(0, 8)}`
}

/** What the subscriber received at `callback` (its path and anything after it). */
export async function received(callbackUrl: string): Promise<Received[]> {
  const prefix = new URL(callbackUrl).pathname
  return (await fetch(`${SUBSCRIBER}/log?prefix=${encodeURIComponent(prefix)}`)).json()
}

/** Waits (polling every 100 ms, at most `ms`) until `check` holds; returns its last value. */
export async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await read()
    if (check(value) || Date.now() > end) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Runs `fn` inside the hub's Durable Object (real storage): to configure it or read its tables. */
export function inHub<T>(fn: (hub: Hub, state: DurableObjectState) => T | Promise<T>): Promise<T> {
  const namespace = hubEnv.HUB as DurableObjectNamespace
  return runInDurableObject(namespace.get(namespace.idFromName(HUB_NAME)), (hub, state) =>
    fn(hub as unknown as Hub, state),
  )
}

/** Configures the hub (see `Hub.configure`). */
export function configureHub(options: HubOptions): Promise<void> {
  return inHub((hub) => hub.configure(options))
}

/** The hub's subscriptions to `topic`: callback → expiry (ms). */
export function subscriptions(topic: string): Promise<Map<string, number>> {
  return inHub((_hub, state) => {
    const rows = state.storage.sql.exec<{ callback: string; expires: number }>(
      'SELECT callback, expires FROM subscriptions WHERE topic = ?',
      topic,
    )
    return new Map(rows.toArray().map((r) => [r.callback, r.expires]))
  })
}

/** A form POST to the hub (`/websub`) at `origin`. */
export function hubRequest(
  origin: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Request {
  return new Request(`${origin}/websub`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  })
}
