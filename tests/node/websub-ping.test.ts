import { spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const SCRIPT = resolve(import.meta.dirname, '../../scripts/websub-ping.ts')

/** Runs the ping command with a clean environment; resolves with its exit code and output. */
function ping(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      env: { PATH: process.env.PATH ?? '', WEBSUB_HUB: '', SITE_URL: '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

/** A stub hub on 127.0.0.1 that records what it receives and answers `status`. */
async function stubHub(
  status: number,
): Promise<{ url: string; received: { method: string; type: string; body: URLSearchParams }[]; server: Server }> {
  const received: { method: string; type: string; body: URLSearchParams }[] = []
  const server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        type: req.headers['content-type'] ?? '',
        body: new URLSearchParams(body),
      })
      res.writeHead(status).end(status === 204 ? undefined : 'hub says no')
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received, server }
}

let open: Server | undefined
afterEach(() => {
  open?.close()
  open = undefined
})

describe('npm run websub:ping', () => {
  it('publishes every feed URL to the hub', async () => {
    const hub = await stubHub(204)
    open = hub.server
    const result = await ping(['--hub', hub.url, '--site', 'https://feeds.example.com'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(hub.received.map((r) => [r.method, r.type, r.body.get('hub.mode'), r.body.get('hub.url')])).toEqual([
      ['POST', 'application/x-www-form-urlencoded', 'publish', 'https://feeds.example.com/feed.xml'],
      ['POST', 'application/x-www-form-urlencoded', 'publish', 'https://feeds.example.com/atom.xml'],
      ['POST', 'application/x-www-form-urlencoded', 'publish', 'https://feeds.example.com/feed.json'],
    ])
  })

  it('reads the hub and site from the environment too', async () => {
    const hub = await stubHub(204)
    open = hub.server
    const result = await ping([], { WEBSUB_HUB: hub.url, SITE_URL: 'https://env.example.com' })
    expect(result.code).toBe(0)
    expect(hub.received[0]?.body.get('hub.url')).toBe('https://env.example.com/feed.xml')
  })

  it('fails clearly when the hub is unreachable', async () => {
    const hub = await stubHub(204)
    await new Promise((ok) => hub.server.close(ok)) // the port is now closed: connection refused
    const result = await ping(['--hub', hub.url, '--site', 'https://feeds.example.com'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`WebSub hub ${hub.url} is unreachable (ECONNREFUSED`)
  })

  it('names the cause when the hub cannot be reached at all (unknown host, bad URL)', async () => {
    const unknown = await ping(['--hub', 'http://hub.invalid/', '--site', 'https://feeds.example.com'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/is unreachable \((ENOTFOUND|EAI_AGAIN)[^)]*hub\.invalid/)
    const bad = await ping(['--hub', 'not a url', '--site', 'https://feeds.example.com'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/is unreachable \(.*(Invalid URL|Failed to parse URL)/)
    expect(bad.stderr).not.toContain('(TypeError)')
  })

  it('prints its usage for --help, and a usage error (exit 2) for an unknown option', async () => {
    const help = await ping(['--help'])
    expect(help).toMatchObject({ code: 0, stderr: '' })
    expect(help.stdout).toContain('Usage: npm run websub:ping')
    const unknown = await ping(['--bogus'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Unknown option '--bogus'")
    expect(unknown.stderr).toContain('Usage:')
    expect(unknown.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('keeps the base path of a SITE_URL that has one', async () => {
    const hub = await stubHub(204)
    open = hub.server
    const result = await ping(['--hub', hub.url, '--site', 'https://example.com/blog/'])
    expect(result.code).toBe(0)
    expect(hub.received.map((r) => r.body.get('hub.url'))).toEqual([
      'https://example.com/blog/feed.xml',
      'https://example.com/blog/atom.xml',
      'https://example.com/blog/feed.json',
    ])
  })

  it('fails clearly when the hub refuses', async () => {
    const hub = await stubHub(500)
    open = hub.server
    const result = await ping(['--hub', hub.url, '--site', 'https://feeds.example.com'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('answered 500 for https://feeds.example.com/feed.xml: hub says no')
  })

  it('does nothing when no hub is configured, and refuses to ping without a public SITE_URL', async () => {
    expect(await ping([])).toMatchObject({ code: 0, stdout: expect.stringContaining('no WEBSUB_HUB configured') })
    const noSite = await ping(['--hub', 'http://127.0.0.1:9/'])
    expect(noSite.code).toBe(1)
    expect(noSite.stderr).toContain('SITE_URL is not set')
  })
})
