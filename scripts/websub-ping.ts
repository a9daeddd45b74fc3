/**
 * Tells a WebSub hub that the feeds changed (W3C WebSub §7 publishing, the de-facto
 * `hub.mode=publish` ping most hubs accept), so subscribers get the new items at once.
 * Run it after `wrangler deploy`.
 *
 * Usage: npm run websub:ping [-- --hub URL --site URL]
 *   Settings come from the flags, else the environment (WEBSUB_HUB, SITE_URL), else the [vars] of
 *   wrangler.toml. SITE_URL is needed: the hub fetches the feeds at their public URLs.
 * Exits 0 when the hub accepted every feed URL (2xx), 1 otherwise, with the reason.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { FORMATS } from '../src/feeds/formats.ts'

const TIMEOUT_MS = 10_000

/** Reads `KEY = "value"` lines of the `[vars]` table of wrangler.toml (no TOML parser needed for that). */
async function wranglerVars(): Promise<Record<string, string>> {
  const text = await readFile(resolve(import.meta.dirname, '..', 'wrangler.toml'), 'utf8').catch(() => '')
  const vars: Record<string, string> = {}
  let inVars = false
  for (const line of text.split('\n')) {
    const table = /^\s*\[([^\]]+)\]/.exec(line)
    if (table) inVars = table[1]?.trim() === 'vars'
    const pair = inVars && /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*"([^"]*)"/.exec(line)
    if (pair) vars[pair[1] as string] = pair[2] as string
  }
  return vars
}

/**
 * Pings `hub` once for each feed URL of `site`.
 * @returns one line per feed URL, saying what the hub answered
 * @throws Error with a clear reason when the hub is unreachable or refuses a URL
 */
export async function pingHub(hub: string, site: string): Promise<string[]> {
  const report: string[] = []
  for (const format of FORMATS) {
    const topic = new URL(format.path, site).href
    let response: Response
    try {
      response = await fetch(hub, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name
      throw new Error(
        `WebSub hub ${hub} is unreachable (${cause}) while pinging ${topic}. Check WEBSUB_HUB and your network.`,
      )
    }
    const text = (await response.text()).slice(0, 200)
    if (!response.ok)
      throw new Error(`WebSub hub ${hub} answered ${response.status} for ${topic}: ${text || response.statusText}`)
    report.push(`${response.status} ${topic}`)
  }
  return report
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { hub: { type: 'string' }, site: { type: 'string' } } })
  const vars = await wranglerVars()
  const hub = values.hub || process.env.WEBSUB_HUB || vars.WEBSUB_HUB
  const site = values.site || process.env.SITE_URL || vars.SITE_URL
  if (!hub) {
    console.log('websub:ping: no WEBSUB_HUB configured; nothing to ping.')
    process.exit(0)
  }
  if (!site) {
    console.error(
      'websub:ping: SITE_URL is not set. The hub fetches the feeds at their public URLs: set SITE_URL in wrangler.toml [vars], the environment, or --site.',
    )
    process.exit(1)
  }
  try {
    for (const line of await pingHub(hub, site)) console.log(`websub:ping: ${line}`)
  } catch (error) {
    console.error(`websub:ping: ${(error as Error).message}`)
    process.exit(1)
  }
}
