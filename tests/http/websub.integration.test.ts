import { describe, expect, it } from 'vitest'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import { appWith } from '../helpers/app.ts'
import { bundledArticles } from '../helpers/bundled.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

const articles = await bundledArticles()

const HUB = 'https://hub.example.net/'

describe('WebSub', () => {
  const withHub = appWith({ articles })
  const env = { WEBSUB_HUB: HUB }

  it('advertises the hub and self in RSS, Atom and JSON Feed when configured', async () => {
    const rss = parseXml(await (await withHub.request('/feed.xml', {}, env)).text())
    const rssLinks = children(child(rss, 'channel'), 'link', NS.atom).map((l) => [l.attributes.rel, l.attributes.href])
    expect(rssLinks).toEqual([
      ['self', 'http://localhost/feed.xml'],
      ['hub', 'https://hub.example.net/'],
    ])
    const atom = parseXml(await (await withHub.request('/atom.xml', {}, env)).text())
    expect(
      children(atom, 'link', NS.atom)
        .filter((l) => l.attributes.rel === 'hub')
        .map((l) => l.attributes.href),
    ).toEqual(['https://hub.example.net/'])
    const json = (await (await withHub.request('/feed.json', {}, env)).json()) as JsonFeed
    expect(json.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example.net/' }])
  })

  it('sends Link: rel="hub" and rel="self" on every feed', async () => {
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json']) {
      const link = (await withHub.request(path, {}, env)).headers.get('Link')
      expect(link).toContain('<https://hub.example.net/>; rel="hub"')
      expect(link).toContain(`<http://localhost${path}>; rel="self"`)
    }
  })

  it('advertises no hub when none is configured', async () => {
    const app = appWith({ articles })
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json']) {
      const res = await app.request(path, {}, {})
      expect(res.headers.get('Link')).not.toContain('rel="hub"')
      const body = await res.text()
      expect(body).not.toContain('rel="hub"')
      expect(body).not.toContain('"hubs"')
    }
  })
})
