import { readConfig } from './config.ts'
import { fromStored, toStored } from './content/article-body.ts'
import { siteLinks, type FeedContext } from './feeds/feed-context.ts'
import { FORMATS } from './feeds/formats.ts'
import { renderOpml } from './feeds/opml.ts'
import { prepareResponse } from './http/prepared-response.ts'
import type { Article } from './model.ts'
import { ArticlePage } from './pages/article-page.tsx'
import { FeedPreviewPage } from './pages/feed-preview-page.tsx'
import { IndexPage } from './pages/index-page.tsx'

/** A made-up article: it only exercises code, and nothing rendered from it is kept or served. */
const SAMPLE: Article = {
  slug: 'warm-up',
  id: 'urn:uuid:00000000-0000-5000-8000-000000000000',
  title: 'Warm-up & <sample>',
  summary: 'Sample.',
  contentHtml: '<p>Sample.</p>',
  contentText: 'Sample.',
  paragraphs: ['Sample.'],
  published: '2020-01-01T00:00:00.000Z',
  updated: '2020-01-02T00:00:00.000Z',
  authors: [{ name: 'Sample', email: 'sample@example.com' }],
  tags: ['Sample'],
  source: 'warm-up',
}

/**
 * Runs the render path once, at module evaluation, on a made-up article: V8 compiles functions on
 * their first call, and the first request of a fresh isolate would otherwise pay for compiling the
 * serializers, the JSX pages and the header code. Cloudflare allows 1 s of CPU for startup but
 * 10 ms per request on the Free plan, so the compilation belongs here (about 2 ms; `npm run bench`
 * reports both figures). Only synchronous code: the runtime allows no I/O, hashing or compression
 * at startup.
 */
export function warmUp(): void {
  const config = readConfig({})
  const articles = [fromStored(JSON.parse(JSON.stringify(toStored(SAMPLE))))] as Article[]
  const feed: FeedContext = { config, links: siteLinks('https://warm-up.invalid'), articles, updated: SAMPLE.updated, key: 'warm-up' }
  let bytes = 0
  for (const format of FORMATS) bytes += new TextEncoder().encode(format.render(feed)).byteLength
  bytes += renderOpml(feed).length
  bytes += `${<IndexPage feed={feed} articles={articles} page={1} pages={2} />}`.length
  bytes += `${<ArticlePage feed={feed} article={articles[0] as Article} />}`.length
  bytes += `${<FeedPreviewPage feed={feed} format={FORMATS[0] as (typeof FORMATS)[number]} />}`.length
  prepareResponse({ body: new Uint8Array(bytes), etag: '"warm-up"', lastModified: new Date(SAMPLE.updated).toUTCString(), contentType: 'text/plain' }, { cacheControl: 'no-store' })
}
