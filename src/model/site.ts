import type { Author } from './article.ts'

/** The site's settings, read once from the Worker's environment and validated (see `readConfig`). */
export interface SiteConfig {
  title: string
  description: string
  /** Canonical origin + base path, e.g. `https://news.example.com`; `undefined` = the request's origin. */
  baseUrl?: string
  /** The path of `baseUrl` (`/blog`), under which the whole site is served; '' for none. */
  basePath: string
  author: Author
  language: string
  /** Feed id for Atom `<id>` (RFC 4287 §4.2.6): permanent and host-independent. */
  id: string
  /** How many newest articles each subscription document lists. */
  feedItems: number
  /** Seconds a reader or cache may reuse a response without asking again. */
  cacheMaxAge: number
  /** Seconds a cache may serve a stale response while it revalidates in the background (RFC 5861). */
  cacheStaleWhileRevalidate: number
  /** An external WebSub hub (W3C WebSub §4, `WEBSUB_HUB`), advertised instead of the site's own. */
  websubHub?: string
  /** Whether the site's own hub (`HUB` binding, `PATHS.hub`) is there to advertise when no external one is set. */
  ownHub: boolean
  /** The feeds' icon (`SITE_ICON`), when one is configured; else the site serves its own. */
  icon?: string
}

/** A tag as the site lists it: its text, its URL key, and what the tag list and tag pages show. */
export interface TagEntry {
  /** The tag as written in the articles. */
  tag: string
  /** See `tagKey`: `/tags/{key}`. */
  key: string
  /** Folder of its chunks (`tag/{id}/`): tags are numbered as they first appear from the oldest article, so ids stay put. */
  id: number
  /** Number of visible articles with the tag ('' `updated` and 0 when all of them are scheduled). */
  count: number
  /** Newest `updated` of those articles. */
  updated: string
  /**
   * Its scheduled articles, oldest first, as `[published, updated]` (RFC 3339): filed after the
   * `count` visible ones, counted once their time comes (see `Edition.tag`).
   */
  scheduled?: [string, string][]
  /** Articles in its chunk files, scheduled ones included: set where the Worker counts a tag for an edition, which drops `scheduled`. */
  stored?: number
}
