// (page.evaluate takes strings here: the project's types are the Workers runtime's, not the DOM's.)
// Markdown articles in real Chromium: the README example (examples/markdown/) on a phone, light and
// dark, and every hostile Markdown vector on its page, in the feeds' browser views and in the feeds'
// HTML shown as a reader would (with no CSP), with no dialog, no script error and no CSP violation. Built by the real build script, served by the
// deploy bundle in workerd. Skipped with a message when Chromium is not installed.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deployBundle } from '../../bench/lib/bundle.ts'
import { type RunningWorker, startWorker } from '../../bench/lib/workers.ts'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import { HOSTILE_MARKDOWN, hostileMarkdownFiles } from '../fixtures/hostile-markdown.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SHOTS = resolve(ROOT, 'test-results/screenshots')
const RICH = '/articles/how-a-feed-is-built-at-the-edge'

describe.skipIf(!existsSync(CHROMIUM))('Markdown in Chromium', () => {
  let worker: RunningWorker
  let browser: Browser
  let tmp: string
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'markdown-'))
    const seeds = join(tmp, 'seeds')
    cpSync(join(ROOT, 'examples/markdown'), seeds, { recursive: true })
    for (const file of hostileMarkdownFiles()) writeFileSync(join(seeds, file.name), file.bytes)
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-content.ts'), seeds, join(tmp, 'assets')], {
      encoding: 'utf8',
    })
    if (build.status !== 0) throw new Error(build.stderr)
    worker = await startWorker({
      scriptPath: deployBundle(join(tmp, 'bundle')),
      assetsDir: join(tmp, 'assets'),
      // Every article in the subscription documents, so that one read sees every vector.
      bindings: { FEED_ITEMS: '100' },
    })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    })
    mkdirSync(SHOTS, { recursive: true })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await worker?.dispose()
    rmSync(tmp, { recursive: true, force: true })
  })

  /** A fresh page that records dialogs, script errors and CSP violations (console errors). */
  async function watched(viewport = { width: 390, height: 844 }) {
    const page = await browser.newPage({ viewport })
    const trouble: string[] = []
    page.on('dialog', (d) => {
      trouble.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    page.on('pageerror', (e) => trouble.push(`error: ${e}`))
    page.on('console', (m) => m.type() === 'error' && trouble.push(`console: ${m.text()}`))
    return { page, trouble }
  }

  /** Opens `path` of the Worker in a {@link watched} page. */
  async function open(path: string, viewport?: { width: number; height: number }) {
    const { page, trouble } = await watched(viewport)
    const res = await page.goto(worker.url + path)
    expect(res?.status(), path).toBe(200)
    return { page, trouble }
  }

  it('reads well on a phone, light and dark: headings, list, quote, code, table, image', async () => {
    const { page, trouble } = await open(RICH)
    expect(await page.locator('article h1').textContent()).toBe('How a feed is built at the edge')
    for (const selector of ['h2#the-pipeline', 'ol li', 'ul li', 'blockquote', 'pre code', 'table th', 'a[href]'])
      expect(await page.locator(`article .body ${selector}`).count(), selector).toBeGreaterThan(0)
    // The image loaded from its hashed URL, and its box was reserved before (width and height).
    const img = page.locator('article .body img')
    await img.scrollIntoViewIfNeeded()
    // Waits for the load in the page itself: a string predicate polled by waitForFunction is
    // evaluated as a string, which the page's CSP refuses (no 'unsafe-eval') when the first check fails.
    await img.evaluate(
      (el) =>
        (el as { complete: boolean }).complete ||
        new Promise((resolve) => el.addEventListener('load', resolve, { once: true })),
    )
    const size =
      'Array.from(document.querySelectorAll("article .body img"), (el) => [el.naturalWidth, el.getAttribute("width"), el.getAttribute("height")])'
    expect(await page.evaluate(size)).toEqual([[512, '512', '512']])
    // Nothing wider than the screen: the table and the code scroll inside their own box.
    expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false)
    await page.screenshot({ path: join(SHOTS, 'markdown-phone.png'), fullPage: true })
    const light = await page.evaluate('getComputedStyle(document.querySelector("pre")).backgroundColor')
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await page.evaluate('getComputedStyle(document.querySelector("pre")).backgroundColor')).not.toBe(light)
    await page.screenshot({ path: join(SHOTS, 'markdown-phone-dark.png'), fullPage: true })
    expect(trouble).toEqual([])
    await page.close()
  })

  it(`runs none of ${HOSTILE_MARKDOWN.length} hostile vectors on their pages, with no CSP violation`, async () => {
    for (let i = 0; i < HOSTILE_MARKDOWN.length; i++) {
      const { page, trouble } = await open(`/articles/hostile-${i}`)
      // Follow every link the page shows inside the article: none may be a script URL that runs.
      for (const link of await page.locator('article .body a').all()) {
        const href = (await link.getAttribute('href')) ?? ''
        expect(/^\s*(javascript|vbscript|data):/i.test(href), href).toBe(false)
      }
      expect(trouble, HOSTILE_MARKDOWN[i]).toEqual([])
      await page.close()
    }
  })

  it("runs none of them as a reader shows the feeds' HTML, even with no CSP at all", async () => {
    const get = async (path: string) => (await fetch(worker.url + path)).text()
    const bodies = {
      rss: children(child(parseXml(await get('/feed.xml')), 'channel'), 'item').map(
        (i) => child(i, 'encoded', NS.content).text,
      ),
      atom: children(parseXml(await get('/atom.xml')), 'entry', NS.atom).map((e) => child(e, 'content', NS.atom).text),
      json: (JSON.parse(await get('/feed.json')) as JsonFeed).items.map((i) => i.content_html),
    }
    for (const [format, html] of Object.entries(bodies)) {
      expect(html, format).toHaveLength(HOSTILE_MARKDOWN.length + 1)
      // A reader's own page: the items' HTML as the feed carries it, with no policy to hold it back.
      const { page, trouble } = await watched({ width: 900, height: 1100 })
      await page.route('http://reader.test/', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><meta charset="utf-8"><body>${html.join('<hr>')}`,
        }),
      )
      await page.goto('http://reader.test/')
      // Point at every element, as a reader's user would: a smuggled handler would run now.
      await page.evaluate(
        'for (const el of document.body.querySelectorAll("*")) el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }))',
      )
      // Images fail to load here (hosts that do not exist offline, the Worker on loopback, which
      // Chromium keeps from a public page): that is not a script running.
      expect(
        trouble.filter((t) => !/Failed to load resource|more-private address space/.test(t)),
        format,
      ).toEqual([])
      expect(await page.locator('script, iframe, svg, style').count(), format).toBe(0)
      await page.close()
    }
  })

  it('runs none of them in the feeds as a browser shows them', async () => {
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json']) {
      const { page, trouble } = await open(path, { width: 900, height: 1100 })
      expect(trouble, path).toEqual([])
      await page.close()
    }
    // Chromium marks a page made by XSLT with a deprecation banner of its own, whose inline style and
    // handler the CSP blocks: the XSLT view of a feed without hostile text (the tag of the example)
    // reports exactly those, and the hostile feeds must report nothing more.
    const reports = async (path: string) => {
      const { page, trouble } = await open(path, { width: 900, height: 1100 })
      await page.close()
      return trouble.map((t) => t.replace(/'sha256-[^']+'/g, "'sha256-…'")).sort()
    }
    const control = await reports('/tags/markdown/feed.xml?view=xslt')
    expect(
      control.every((t) => t.startsWith('console: ')),
      control.join('\n'),
    ).toBe(true)
    for (const path of ['/feed.xml?view=xslt', '/atom.xml?view=xslt'])
      expect(await reports(path), path).toEqual(control)
  })
})
