import { CONTROL_CHARACTER, httpUrl, isAbsoluteUri, isEmail, LANGUAGE_TAG } from './content/text-rules.ts'
import type { SiteConfig } from './model/site.ts'

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
  /** An external WebSub hub to advertise (`rel="hub"`) instead of the site's own; empty = the site's own. */
  WEBSUB_HUB?: string
  /** Absolute URL of a square PNG, JPEG or GIF (512 px or more) for feed readers; empty = the site's default icon. */
  SITE_ICON?: string
  /** Version of the deployment (`[version_metadata]` in wrangler.toml): keys the Cache API entries. */
  CF_VERSION_METADATA?: { id: string; timestamp?: string }
  /** Workers Static Assets (`[assets]` in wrangler.toml): the built content is read through it. */
  ASSETS?: Fetcher
  /** The site's own WebSub hub (`[[durable_objects.bindings]]` in wrangler.toml; see src/hub/hub.ts). */
  HUB?: DurableObjectNamespace
}

/** The variables that are text settings (not bindings). */
type TextVar = Exclude<keyof Env, 'CF_VERSION_METADATA' | 'ASSETS' | 'HUB'>

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

const cache = new WeakMap<object, SiteConfig>()

/**
 * Reads and validates site settings from the Worker's environment, once per `env` object.
 *
 * @param env - the Worker's bindings
 * @returns settings with defaults filled in
 * @throws ConfigError listing every bad variable
 */
export function readConfig(env: Env): SiteConfig {
  const cached = cache.get(env)
  if (cached) return cached
  const vars = new Variables(env)
  const config: SiteConfig = {
    title: vars.text('SITE_TITLE', DEFAULTS.title),
    description: vars.text('SITE_DESCRIPTION', DEFAULTS.description),
    author: {
      name: vars.text('SITE_AUTHOR', DEFAULTS.author),
      ...vars.optional('SITE_AUTHOR_EMAIL', 'email', isEmail, 'must be an email address'),
      ...vars.optional('SITE_AUTHOR_URL', 'url', httpUrl, URL_RULE),
    },
    language: vars.checked(
      'SITE_LANGUAGE',
      DEFAULTS.language,
      LANGUAGE_TAG,
      'must be a BCP 47 tag such as en or pt-BR',
    ),
    id: vars.checked('SITE_ID', DEFAULTS.id, isAbsoluteUri, 'must be an absolute URI such as urn:uuid:…'),
    feedItems: vars.wholeNumber('FEED_ITEMS', DEFAULTS.feedItems, 1, 1000),
    cacheMaxAge: vars.wholeNumber('CACHE_MAX_AGE', DEFAULTS.cacheMaxAge, 0, 31536000),
    cacheStaleWhileRevalidate: vars.wholeNumber(
      'CACHE_STALE_WHILE_REVALIDATE',
      DEFAULTS.cacheStaleWhileRevalidate,
      0,
      31536000,
    ),
    ...vars.optional('WEBSUB_HUB', 'websubHub', httpUrl, URL_RULE),
    ownHub: env.HUB !== undefined,
    ...vars.optional('SITE_ICON', 'icon', httpUrl, URL_RULE),
    ...vars.siteUrl(),
  }
  vars.throwProblems()
  cache.set(env, config)
  return config
}

const URL_RULE = 'must be an absolute http(s) URL, e.g. https://news.example.com'

/** Reads the text variables of `env`, collecting every problem so that one error names them all. */
class Variables {
  readonly #env: Env
  readonly #problems: string[] = []

  constructor(env: Env) {
    this.#env = env
  }

  /** The trimmed value of `key`, or `fallback` when it is unset or empty; a control character is a problem. */
  text(key: TextVar, fallback: string): string
  text(key: TextVar): string | undefined
  text(key: TextVar, fallback?: string): string | undefined {
    const value = this.#env[key]?.trim()
    if (value === undefined || value === '') return fallback
    if (CONTROL_CHARACTER.test(value)) this.#problems.push(`${key} holds a control character`)
    return value
  }

  /** The value of `key` (or `fallback`) when it passes `rule`; else a problem saying it `must` be something. */
  checked(key: TextVar, fallback: string, rule: RegExp | ((value: string) => boolean), must: string): string {
    const value = this.text(key, fallback)
    if (!(typeof rule === 'function' ? rule(value) : rule.test(value)))
      this.#problems.push(`${key} ${must} (got "${value}")`)
    return value
  }

  /**
   * `{ [field]: value }` when `key` is set and `read` accepts it (a `true` keeps the value as
   * written, a string replaces it: a normalised URL), `{}` when unset; a value `read` refuses is a problem.
   */
  optional<F extends string>(
    key: TextVar,
    field: F,
    read: (value: string) => boolean | string | undefined,
    must: string,
  ): { [K in F]?: string } {
    const value = this.text(key)
    if (value === undefined) return {}
    const read_ = read(value)
    if (read_ === false || read_ === undefined) {
      this.#problems.push(`${key} ${must} (got "${value}")`)
      return {}
    }
    return { [field]: read_ === true ? value : read_ } as { [K in F]?: string }
  }

  /** A whole number from `min` to `max` (or `fallback` when unset). */
  wholeNumber(key: TextVar, fallback: number, min: number, max: number): number {
    const value = this.text(key, String(fallback))
    if (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value)
    this.#problems.push(`${key} must be a whole number from ${min} to ${max} (got "${value}")`)
    return fallback
  }

  /**
   * `SITE_URL` as `baseUrl` (no trailing slash: links are built as base + path) and its path as
   * `basePath`, under which the whole site is served.
   */
  siteUrl(): Pick<SiteConfig, 'baseUrl' | 'basePath'> {
    const baseUrl = this.optional('SITE_URL', 'baseUrl', httpUrl, URL_RULE).baseUrl?.replace(/\/+$/, '')
    if (baseUrl === undefined) return { basePath: '' }
    const url = new URL(baseUrl)
    if (url.search || url.hash) this.#problems.push(`SITE_URL must not have a query or a fragment (got "${baseUrl}")`)
    return { baseUrl, basePath: url.pathname.replace(/\/+$/, '') }
  }

  /** @throws ConfigError listing every problem found, if any */
  throwProblems(): void {
    if (this.#problems.length > 0)
      throw new ConfigError(`Invalid configuration (wrangler.toml [vars]):\n- ${this.#problems.join('\n- ')}`)
  }
}
