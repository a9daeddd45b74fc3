import { expect } from 'vitest'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import type { TestWorker } from './app.ts'
import { child, children, NS, parseXml, type XmlElement } from './xml.ts'

const HISTORY = 'http://purl.org/syndication/history/1.0'

/** One document of a feed, read with a strict parser: its item ids and its history links. */
interface Document {
  ids: string[]
  links: Record<string, string | undefined>
  complete: boolean
  archive: boolean
  cacheControl: string | null
  etag: string | null
}

function xmlLinks(parent: XmlElement, uri: string): Record<string, string | undefined> {
  const links: Record<string, string | undefined> = {}
  for (const link of children(parent, 'link', uri)) links[link.attributes.rel ?? 'alternate'] = link.attributes.href
  return links
}

async function read(app: Pick<TestWorker, 'request'>, url: string, format: string): Promise<Document> {
  const res = await app.request(url)
  expect(res.status, url).toBe(200)
  const body = await res.text()
  const headers = { cacheControl: res.headers.get('Cache-Control'), etag: res.headers.get('ETag') }
  if (format === 'jsonFeed') {
    const feed = JSON.parse(body) as JsonFeed
    return {
      ids: feed.items.map((i) => i.id),
      links: { current: feed.feed_url, 'prev-archive': feed.next_url },
      complete: false,
      archive: false,
      ...headers,
    }
  }
  const root = parseXml(body)
  const parent = format === 'rss' ? child(root, 'channel') : root
  const ids =
    format === 'rss'
      ? children(parent, 'item').map((i) => child(i, 'guid').text)
      : children(parent, 'entry', NS.atom).map((e) => child(e, 'id', NS.atom).text)
  return {
    ids,
    links: xmlLinks(parent, NS.atom),
    complete: children(parent, 'complete', HISTORY).length === 1,
    archive: children(parent, 'archive', HISTORY).length === 1,
    ...headers,
  }
}

/**
 * Walks a feed from its subscription document through every archive page (RFC 5005
 * `prev-archive`; JSON Feed `next_url`), checking each page's links on the way, and returns the
 * item ids in the order met.
 */
export async function walk(app: Pick<TestWorker, 'request'>, subscription: string, format: string): Promise<string[]> {
  const first = await read(app, subscription, format)
  const ids = [...first.ids]
  const seen = new Set([subscription])
  let previous = subscription
  let next = first.links['prev-archive']
  if (format === 'jsonFeed') expect(first.links.current).toBe(subscription)
  else {
    expect(first.links.self).toBe(subscription)
    // RFC 5005 §2: a subscription document with every article says so, and has no archive links.
    expect(first.complete).toBe(next === undefined)
  }
  let newest = true
  while (next !== undefined) {
    expect(seen.has(next), `${next} repeats`).toBe(false)
    seen.add(next)
    const page = await read(app, next, format)
    if (format === 'jsonFeed') expect(page.links.current).toBe(subscription)
    else {
      expect([page.archive, page.complete, page.links.current, page.links.self]).toEqual([
        true,
        false,
        subscription,
        next,
      ])
      // The newest archive page links to no newer one; each older one links back to the one we came from.
      expect(page.links['next-archive']).toBe(newest ? undefined : previous)
    }
    // Full pages with a newer page after them never change: cached for a year.
    expect(page.cacheControl?.includes('immutable'), next).toBe(!newest)
    ids.push(...page.ids)
    previous = next
    next = page.links['prev-archive']
    newest = false
  }
  return ids
}
