import { CONTROL_CHARACTER, httpUrl, isAbsoluteUri, isEmail, LANGUAGE_TAG } from './content/text-rules.ts'
import type { SiteConfig } from './model.ts'

/** The Worker's bindings: `[vars]` in wrangler.toml, overridable per environment or with `--var`. */
export interface Env {
  SITE_TITLE?: string
  SITE_DESCRIPTION?: string
  /** Canonical origin (and optional base path) for every link; empty = the origin of each request. */
  SITE_URL?: string
  /** Host-independent id of the feed itself (Atom `<id>`): an absolute URI that never changes. */
  SITE_ID?: string
  SITE_AUTHOR?: string
  SITE_AUTHOR_EMAIL?: string
  SITE_AUTHOR_URL?: string
  SITE_LANGUAGE?: string
  /** How many newest articles each feed lists. */
  FEED_ITEMS?: string
  /** `max-age` of feeds and pages, in seconds. */
  CACHE_MAX_AGE?: string
  /** `stale-while-revalidate` of feeds and pages, in seconds. */
  CACHE_STALE_WHILE_REVALIDATE?: string
  /** WebSub hub to advertise (`rel="hub"`); empty = none. */
  WEBSUB_HUB?: string
  /** Absolute URL of a square PNG, JPEG or GIF (512 px or more) for feed readers; empty = the site's default icon. */
  SITE_ICON?: string
  /** Version of the deployment (`[version_metadata]` in wrangler.toml): keys the Cache API entries. */
  CF_VERSION_METADATA?: { id: string; timestamp?: string }
  /** Workers Static Assets (`[assets]` in wrangler.toml): the built content is read through it. */
  ASSETS?: Fetcher
}

/** The variables that are text settings (not bindings). */
type TextVar = Exclude<keyof Env, 'CF_VERSION_METADATA' | 'ASSETS'>

/** Settings after defaults and validation. */
export interface ResolvedConfig extends SiteConfig {
  /** Feed id for Atom `<id>` (RFC 4287 §4.2.6): permanent and host-independent. */
  id: string
  feedItems: number
  /** Seconds a reader or cache may reuse a response without asking again. */
  cacheMaxAge: number
  /** Seconds a cache may serve a stale response while it revalidates in the background (RFC 5861). */
  cacheStaleWhileRevalidate: number
  /** WebSub hub URL (W3C WebSub §4), when one is configured. */
  websubHub?: string
  /** The feeds' icon (`SITE_ICON`), when one is configured; else the site serves its own. */
  icon?: string
  /** The path of `SITE_URL` (`/blog`), under which the whole site is served; '' for none. */
  basePath: string
}

/** Used when a variable is unset, so `npm start` works untouched. */
export const DEFAULTS = {
  title: 'Feed Endpoint',
  description: 'Articles served as RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the edge.',
  id: 'urn:uuid:5d0c1a8e-7f3b-4e2a-9c61-0b8f4d2e6a17',
  author: 'Feed Endpoint',
  language: 'en',
  feedItems: 20,
  cacheMaxAge: 300,
  cacheStaleWhileRevalidate: 86400,
} as const

/** Settings when the app runs outside a Worker (`app.request` without an env): all defaults. */
export const NO_ENV: Env = {}

/** A configuration value that cannot be used; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const cache = new WeakMap<object, ResolvedConfig>()

/**
 * Reads and validates site settings from the Worker's environment, once per `env` object.
 *
 * @param env - the Worker's bindings
 * @returns settings with defaults filled in
 * @throws ConfigError listing every bad variable
 */
export function readConfig(env: Env): ResolvedConfig {
  const cached = cache.get(env)
  if (cached) return cached
  const problems: string[] = []
  const text = (key: TextVar, fallback?: string): string | undefined => {
    const value = env[key]?.trim()
    if (value === undefined || value === '') return fallback
    if (CONTROL_CHARACTER.test(value)) problems.push(`${key} holds a control character`)
    return value
  }
  const absoluteUrl = (key: TextVar): string | undefined => {
    const value = text(key)
    if (value === undefined) return undefined
    const url = httpUrl(value)
    if (url !== undefined) return url
    problems.push(`${key} must be an absolute http(s) URL, e.g. https://news.example.com (got "${value}")`)
    return undefined
  }

  const language = text('SITE_LANGUAGE', DEFAULTS.language) as string
  if (!LANGUAGE_TAG.test(language))
    problems.push(`SITE_LANGUAGE must be a BCP 47 tag such as en or pt-BR (got "${language}")`)
  const id = text('SITE_ID', DEFAULTS.id) as string
  if (!isAbsoluteUri(id)) problems.push(`SITE_ID must be an absolute URI such as urn:uuid:… (got "${id}")`)
  const email = text('SITE_AUTHOR_EMAIL')
  if (email !== undefined && !isEmail(email))
    problems.push(`SITE_AUTHOR_EMAIL must be an email address (got "${email}")`)
  const wholeNumber = (key: TextVar, fallback: number, min: number, max: number): number => {
    const value = text(key, String(fallback)) as string
    if (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value)
    problems.push(`${key} must be a whole number from ${min} to ${max} (got "${value}")`)
    return fallback
  }
  const feedItems = wholeNumber('FEED_ITEMS', DEFAULTS.feedItems, 1, 1000)
  const cacheMaxAge = wholeNumber('CACHE_MAX_AGE', DEFAULTS.cacheMaxAge, 0, 31536000)
  const cacheStaleWhileRevalidate = wholeNumber(
    'CACHE_STALE_WHILE_REVALIDATE',
    DEFAULTS.cacheStaleWhileRevalidate,
    0,
    31536000,
  )
  const websubHub = absoluteUrl('WEBSUB_HUB')
  const authorUrl = absoluteUrl('SITE_AUTHOR_URL')
  const icon = absoluteUrl('SITE_ICON')

  const config: ResolvedConfig = {
    title: text('SITE_TITLE', DEFAULTS.title) as string,
    description: text('SITE_DESCRIPTION', DEFAULTS.description) as string,
    author: {
      name: text('SITE_AUTHOR', DEFAULTS.author) as string,
      ...(email && { email }),
      ...(authorUrl && { url: authorUrl }),
    },
    language,
    id,
    feedItems,
    cacheMaxAge,
    cacheStaleWhileRevalidate,
    basePath: '',
  }
  if (websubHub !== undefined) config.websubHub = websubHub
  if (icon !== undefined) config.icon = icon
  // Links are built as base + path, so the base keeps no trailing slash.
  const baseUrl = absoluteUrl('SITE_URL')?.replace(/\/+$/, '')
  if (baseUrl !== undefined) {
    const url = new URL(baseUrl)
    if (url.search || url.hash) problems.push(`SITE_URL must not have a query or a fragment (got "${baseUrl}")`)
    config.baseUrl = baseUrl
    config.basePath = url.pathname.replace(/\/+$/, '')
  }
  if (problems.length > 0)
    throw new ConfigError(`Invalid configuration (wrangler.toml [vars]):\n- ${problems.join('\n- ')}`)
  cache.set(env, config)
  return config
}
