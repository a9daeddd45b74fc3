/**
 * The benchmark's peer: the common approach, Hono + the `feed` package generating each feed on
 * every request from the same articles, held in memory as a bundled JSON module. Not served to anyone; it only shows what the design saves.
 */
import { Feed } from 'feed'
import { Hono } from 'hono'
// Written by `npm run bench` from seeds/ (the same articles the product serves).
import articles from '../../generated/peer-articles.json'

const app = new Hono()

function build(origin: string): Feed {
  const feed = new Feed({
    title: 'Feed Endpoint',
    description: 'Articles served as RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the edge.',
    id: 'urn:uuid:5d0c1a8e-7f3b-4e2a-9c61-0b8f4d2e6a17',
    link: `${origin}/`,
    language: 'en',
    copyright: '',
    updated: new Date(articles[0]?.updated ?? 0),
    feedLinks: { rss: `${origin}/feed.xml`, atom: `${origin}/atom.xml`, json: `${origin}/feed.json` },
    author: { name: 'Feed Endpoint' },
  })
  for (const a of articles.slice(0, 20)) {
    feed.addItem({
      title: a.title,
      id: a.id,
      link: `${origin}/articles/${a.slug}`,
      description: a.summary,
      content: a.contentHtml,
      date: new Date(a.updated),
      published: new Date(a.published),
      category: a.tags.map((name) => ({ name, term: name })),
    })
  }
  return feed
}

app.get('/feed.xml', (c) =>
  c.body(build(new URL(c.req.url).origin).rss2(), 200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }),
)
app.get('/atom.xml', (c) =>
  c.body(build(new URL(c.req.url).origin).atom1(), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' }),
)
app.get('/feed.json', (c) =>
  c.body(build(new URL(c.req.url).origin).json1(), 200, { 'Content-Type': 'application/feed+json; charset=utf-8' }),
)

export default app
