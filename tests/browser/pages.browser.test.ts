// (page.evaluate takes strings here: the project's types are the Workers runtime's, not the DOM's.)
// Real-browser tests: Debian's Chromium driven by playwright-core against the deploy bundle served by
// workerd on 127.0.0.1. Screenshots go to test-results/screenshots/. Skipped (with a message) when
// /usr/bin/chromium is not installed; `.ci/run` installs it.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ASSETS_DIR, deployBundle } from '../../bench/lib/bundle.ts'
import { type RunningWorker, startWorker } from '../../bench/lib/workers.ts'
import { renderAtom } from '../../src/feeds/atom.ts'
import { renderRss } from '../../src/feeds/rss.ts'
import { ATOM, context as feedOf, RSS } from '../fixtures/articles.ts'
import { hostileArticles } from '../fixtures/hostile.ts'
import { READER_SITE, readerArticles } from '../fixtures/reader-corpus.ts'
import { xmlChars } from '../helpers/reader-text.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots')
const available = existsSync(CHROMIUM)
if (!available)
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)

/** Chromium as it is today, and as it will be once XSLT is removed. */
const MODES = [
  { name: 'with XSLT', args: [] as string[] },
  { name: 'without XSLT', args: ['--disable-features=XSLT'] },
]

describe.skipIf(!available)('in Chromium', () => {
  let worker: RunningWorker
  let tmp: string
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'browser-'))
    worker = await startWorker({ scriptPath: deployBundle(join(tmp, 'bundle')), assetsDir: ASSETS_DIR })
    mkdirSync(SHOTS, { recursive: true })
  }, 120_000)
  afterAll(async () => {
    await worker?.dispose()
    rmSync(tmp, { recursive: true, force: true })
  })

  describe.each(MODES)('$name', (mode) => {
    let browser: Browser
    let context: BrowserContext
    const slug = mode.name.replace(/\s+/g, '-')
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          ...mode.args,
        ],
      })
      context = await browser.newContext({ viewport: { width: 900, height: 1100 } })
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.url })
    }, 60_000)
    afterAll(async () => browser?.close())

    async function open(path: string): Promise<Page> {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      const res = await page.goto(worker.url + path)
      expect(res?.status()).toBe(200)
      ;(page as Page & { errors: string[] }).errors = errors
      return page
    }

    it.each(['/feed.xml', '/atom.xml', '/feed.json'])(
      'shows %s as a readable page with a working copy button',
      async (path) => {
        const page = await open(path)
        // Locators wait for their element themselves (up to Playwright's 30 s), and the page is whole at
        // `load`, which page.goto awaits. expect.poll gave the first locator call, which injects
        // Playwright's script into the page, 1 s in all: not enough on a loaded 2-core machine.
        expect(await page.locator('h1').first().textContent()).toBe('Feed Endpoint')
        expect(await page.locator('.notice').textContent()).toContain('This is a feed')
        expect(await page.locator('ul.items li h2 a').count()).toBeGreaterThan(0)
        const input = page.locator('.feedrow input').first()
        expect(await input.inputValue()).toBe(worker.url + path)
        await page.locator('button.copy').first().click()
        await page.locator('button.copy[data-state=copied]').first().waitFor()
        expect(await page.evaluate('navigator.clipboard.readText()')).toBe(worker.url + path)
        await page.screenshot({ path: join(SHOTS, `${slug}${path.replace(/[/.]/g, '-')}.png`), fullPage: true })
        expect((page as Page & { errors: string[] }).errors).toEqual([])
        await page.close()
      },
    )

    it('opens an article from the feed page, and the article page is complete', async () => {
      const page = await open('/feed.xml')
      await page.locator('ul.items li h2 a').first().click()
      await page.waitForURL(/\/articles\//)
      expect(await page.locator('article h1').textContent()).toContain('North Korea')
      expect(await page.locator('article time').first().getAttribute('datetime')).toBe('2019-08-06T08:00:00.000Z')
      expect(await page.locator('article .tags li').count()).toBe(4)
      const bg = await page.evaluate('getComputedStyle(document.body).backgroundColor')
      expect(bg).not.toBe('rgba(0, 0, 0, 0)') // the site stylesheet applied under the CSP
      await page.screenshot({ path: join(SHOTS, `${slug}-article.png`), fullPage: true })
      await page.emulateMedia({ colorScheme: 'dark' })
      expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).not.toBe(bg)
      await page.screenshot({ path: join(SHOTS, `${slug}-article-dark.png`), fullPage: true })
      expect((page as Page & { errors: string[] }).errors).toEqual([])
      await page.close()
    })

    it('shows the index with subscribe rows for each format', async () => {
      const page = await open('/')
      expect(await page.locator('.subscribe .feedrow').count()).toBe(3)
      expect(await page.locator('a[href$="/feeds.opml"]').count()).toBeGreaterThan(0)
      await page.setViewportSize({ width: 390, height: 844 })
      const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')
      expect(overflow).toBe(false) // good on a phone: nothing wider than the screen
      await page.screenshot({ path: join(SHOTS, `${slug}-index-phone.png`), fullPage: true })
      expect((page as Page & { errors: string[] }).errors).toEqual([])
      await page.close()
    })

    it("follows an article's tag to the tag page, and the header to every tag, on a phone", async () => {
      const page = await open('/')
      await page.setViewportSize({ width: 390, height: 844 })
      await page.locator('ul.items li h2 a').first().click()
      await page.waitForURL(/\/articles\//)
      const tag = (await page.locator('article .tags li a').first().textContent()) as string
      await page.locator('article .tags li a').first().click()
      await page.waitForURL(/\/tags\//)
      expect(await page.locator('h1').textContent()).toBe(tag)
      expect(await page.locator('.subscribe .feedrow').count()).toBe(3)
      expect(await page.locator('ul.items li').count()).toBeGreaterThan(0)
      expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false)
      await page.screenshot({ path: join(SHOTS, `${slug}-tag-phone.png`), fullPage: true })
      await page.locator('header.site a', { hasText: 'Tags' }).click()
      await page.waitForURL(/\/tags$/)
      expect(await page.locator('ul.taglist li').count()).toBe(4)
      expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false)
      expect((page as Page & { errors: string[] }).errors).toEqual([])
      await page.close()
    })
  })

  it('applies the XSLT layer where the browser has XSLT (?view=xslt serves the feed as application/xml)', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    })
    try {
      const context = await browser.newContext({ viewport: { width: 900, height: 1100 } })
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.url })
      for (const path of ['/feed.xml', '/atom.xml']) {
        const page = await context.newPage()
        await page.goto(`${worker.url}${path}?view=xslt`)
        expect(await page.locator('main[data-view="xslt"] h1').textContent()).toBe('Feed Endpoint')
        expect(await page.locator('ul.items li h2 a').first().getAttribute('href')).toMatch(/\/articles\//)
        await page.locator('button.copy').click()
        await page.locator('button.copy[data-state=copied]').waitFor()
        await page.screenshot({ path: join(SHOTS, `xslt${path.replace(/[/.]/g, '-')}.png`), fullPage: true })
        await page.close()
      }
    } finally {
      await browser.close()
    }
  })

  it('shows hostile titles and descriptions in the XSLT view as text, never as markup', async () => {
    const articles = [...(await readerArticles()), ...(await hostileArticles()).slice(0, 1)]
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    })
    try {
      const context = await browser.newContext()
      for (const [name, render] of [
        ['rss', (doc: ReturnType<typeof feedOf>) => renderRss(doc, RSS)],
        ['atom', (doc: ReturnType<typeof feedOf>) => renderAtom(doc, ATOM)],
      ] as const) {
        // The feed is this test's, served at the Worker's origin so that its /feed.xsl applies.
        const url = `${worker.url}/hostile-${name}.xml`
        const body = render(feedOf(articles, READER_SITE, worker.url))
        await context.route(url, (route) => route.fulfill({ body, contentType: 'application/xml; charset=utf-8' }))
        const page = await context.newPage()
        const dialogs: string[] = []
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message())
          void dialog.dismiss()
        })
        await page.goto(url)
        await page.locator('main[data-view="xslt"] h1').waitFor()
        expect(await page.locator('main h1').textContent(), name).toBe(READER_SITE.SITE_TITLE)
        expect(await page.locator('main ul.items li h2 a').allTextContents(), name).toEqual(
          articles.map((a) => xmlChars(a.title)),
        )
        expect(await page.locator('main script, main b, main i, main ul.items p *').count(), name).toBe(0)
        expect(dialogs, name).toEqual([])
        await page.close()
      }
    } finally {
      await browser.close()
    }
  })

  it('gives a feed reader the feed, never the page, at the same URL', async () => {
    const res = await fetch(`${worker.url}/feed.xml`, { headers: { Accept: 'application/rss+xml, */*' } })
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect((await res.text()).startsWith('<?xml')).toBe(true)
    expect(res.headers.get('vary')).toContain('Sec-Fetch-Dest')
  })
})
