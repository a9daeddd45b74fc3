// Why src/feeds/ does not use the `feed` package: these are the defects of feed@6.0.0 that no clean
// input can avoid. If an upgrade fixes them, these tests fail, and the serializers can be revisited.
import { Feed } from 'feed'
import { describe, expect, it } from 'vitest'
import { hostileArticles } from '../fixtures/hostile.ts'
import { parseXml } from '../helpers/xml.ts'

async function feedWith(title: string): Promise<Feed> {
  const [article] = await hostileArticles()
  const feed = new Feed({
    title: 'T',
    id: 'urn:uuid:5d0c1a8e-7f3b-4e2a-9c61-0b8f4d2e6a17',
    link: 'https://example.com/',
    copyright: '',
    updated: new Date(0),
  })
  feed.addItem({
    title,
    id: article!.id,
    link: 'https://example.com/a',
    date: new Date(article!.updated),
    description: 'x',
    content: article!.contentHtml,
  })
  return feed
}

describe('feed@6.0.0 (kept for the benchmark peer, not for serving)', () => {
  it('breaks RSS and Atom on a title with two "]]>" (CDATA), which a person can write', async () => {
    const feed = await feedWith('a ]]> b ]]> c')
    expect(() => parseXml(feed.rss2())).toThrow()
    expect(() => parseXml(feed.atom1())).toThrow()
  })

  it('passes characters XML forbids straight into the document', async () => {
    const feed = await feedWith('bell \u0007 here')
    expect(() => parseXml(feed.rss2())).toThrow()
  })

  it('writes JSON Feed 1.0, not 1.1', async () => {
    const json = JSON.parse((await feedWith('t')).json1()) as { version: string }
    expect(json.version).toBe('https://jsonfeed.org/version/1')
  })
})
