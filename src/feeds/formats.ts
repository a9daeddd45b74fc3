import { PATHS } from '../paths.ts'
import { renderAtom } from './atom.ts'
import type { FeedContext } from './feed-context.ts'
import { renderJsonFeed } from './json-feed.ts'
import { renderRss } from './rss.ts'

/** One feed format: where it is served, as what, and how it is rendered. */
export interface FeedFormat {
  name: 'rss' | 'atom' | 'jsonFeed'
  /** Human name, for pages and autodiscovery titles. */
  label: string
  path: string
  /** Registered media type; `Content-Type` adds `; charset=utf-8`. */
  mediaType: string
  render(feed: FeedContext): string
}

/**
 * The formats table. Routes, autodiscovery links and tests all loop over it, so adding a format is
 * one serializer file plus one row here.
 */
export const FORMATS: readonly FeedFormat[] = [
  { name: 'rss', label: 'RSS 2.0', path: PATHS.rss, mediaType: 'application/rss+xml', render: renderRss },
  { name: 'atom', label: 'Atom 1.0', path: PATHS.atom, mediaType: 'application/atom+xml', render: renderAtom },
  {
    name: 'jsonFeed',
    label: 'JSON Feed 1.1',
    path: PATHS.jsonFeed,
    mediaType: 'application/feed+json',
    render: renderJsonFeed,
  },
]
