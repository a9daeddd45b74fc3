import { PATHS } from '../paths.ts'
import { renderAtom } from './atom.ts'
import type { FeedFormat } from './feed-format.ts'
import { renderJsonFeed } from './json-feed.ts'
import { renderRss } from './rss.ts'

/**
 * The formats table. Routes, autodiscovery links, the OPML and tests all loop over it, so adding a
 * format is one serializer file, one row here and its path in `PATHS` (docs/architecture.md,
 * "Where a change goes").
 */
export const FORMATS: readonly FeedFormat[] = [
  {
    name: 'rss',
    label: 'RSS 2.0',
    path: PATHS.rss,
    mediaType: 'application/rss+xml',
    aliases: ['application/xml', 'text/xml'],
    xml: true,
    feedScheme: true,
    opmlType: 'rss',
    subscribed: false,
    render: renderRss,
  },
  {
    name: 'atom',
    label: 'Atom 1.0',
    path: PATHS.atom,
    mediaType: 'application/atom+xml',
    aliases: [],
    xml: true,
    feedScheme: true,
    opmlType: 'rss',
    // Its titles are shown as written by the most readers (docs/http.md, "What readers show").
    subscribed: true,
    render: renderAtom,
  },
  {
    name: 'jsonFeed',
    label: 'JSON Feed 1.1',
    path: PATHS.jsonFeed,
    mediaType: 'application/feed+json',
    aliases: ['application/json'],
    xml: false,
    feedScheme: false,
    opmlType: 'JSONFeed',
    subscribed: false,
    render: renderJsonFeed,
  },
]
