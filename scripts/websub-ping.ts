/**
 * Tells a WebSub hub that the feeds changed (W3C WebSub §7 publishing, the de-facto
 * `hub.mode=publish` ping most hubs accept), so subscribers get the new items at once.
 * Run it after `wrangler deploy`.
 *
 * Usage: npm run websub:ping [-- --hub URL --site URL]   (--help prints this)
 *   Settings come from the flags, else the environment (WEBSUB_HUB, SITE_URL), else the [vars] of
 *   wrangler.toml. SITE_URL is needed: the hub fetches the feeds at their public URLs.
 * Exits 0 when the hub accepted every feed URL (2xx), 1 otherwise, with the reason.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { FORMATS } from '../src/feeds/formats.ts'

const TIMEOUT_MS = 10_000

const USAGE = `Usage: npm run websub:ping [-- --hub URL --site URL]

Tells a WebSub hub that the feeds changed, so subscribers get new items at once. Run it after
\`wrangler deploy\`.

  --hub URL    the hub (default: WEBSUB_HUB from the environment, else wrangler.toml [vars])
  --site URL   the public site, with its base path if any (default: SITE_URL, likewise)
  --help       print this

Exits 0 when the hub accepted every feed URL, 1 otherwise, with the reason.`

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
    // Links are base + path, as the Worker writes them: a SITE_URL with a path keeps its path.
    const topic = site.replace(/\/+$/, '') + format.path
    let response: Response
    try {
      response = await fetch(hub, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch (error) {
      throw new Error(
        `WebSub hub ${hub} is unreachable (${reason(error)}) while pinging ${topic}. Check WEBSUB_HUB and your network.`,
      )
    }
    const text = (await response.text()).slice(0, 200)
    if (!response.ok)
      throw new Error(`WebSub hub ${hub} answered ${response.status} for ${topic}: ${text || response.statusText}`)
    report.push(`${response.status} ${topic}`)
  }
  return report
}

/**
 * What went wrong with a `fetch`, as a person can act on it: Node's `fetch failed` hides the real
 * reason (refused, unknown host, TLS, timeout) in `cause`.
 */
function reason(error: unknown): string {
  const { name, message, cause } = error as Error & { cause?: Error & { code?: string } }
  if (name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`
  if (cause) return [cause.code, cause.message].filter(Boolean).join(': ') || String(cause)
  return `${name}: ${message}`
}

/** The command line, or a usage error (exit 2) instead of a stack trace. */
function readArgs(): { hub?: string | undefined; site?: string | undefined } {
  try {
    const { values } = parseArgs({
      options: { hub: { type: 'string' }, site: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    })
    if (values.help) {
      console.log(USAGE)
      process.exit(0)
    }
    return values
  } catch (error) {
    console.error(`websub:ping: ${(error as Error).message}\n\n${USAGE}`)
    process.exit(2)
  }
}

if (import.meta.main) {
  const values = readArgs()
  const vars = await wranglerVars()
  const hub = values.hub || process.env.WEBSUB_HUB || vars.WEBSUB_HUB
  const site = values.site || process.env.SITE_URL || vars.SITE_URL
  if (!hub) {
    console.log(
      "websub:ping: no WEBSUB_HUB configured: the site's own hub (/websub) pushes every change by itself; nothing to ping.",
    )
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
