import type { Author } from '../model.ts'
import { ContentError } from './content-error.ts'
import { SLUG_PATTERN } from './slugify.ts'

/** Optional per-article settings, from front matter or a sidecar `.meta` file. */
export interface Metadata {
  slug?: string
  id?: string
  published?: string
  updated?: string
  authors: Author[]
  tags: string[]
  language?: string
  summary?: string
}

/** Where a metadata block sits, so errors point at the right file and line. */
export interface MetadataSource {
  file: string
  /** Line number of `lines[0]` in `file`. */
  firstLine: number
  lines: readonly string[]
}

const KEYS = ['slug', 'id', 'published', 'updated', 'author', 'tags', 'language', 'summary'] as const
type Key = (typeof KEYS)[number]

const HINT_KEYS = `Known keys: ${KEYS.join(', ')}.`
/** RFC 3339 date-time, or a plain date meaning midnight UTC. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i
/** BCP 47 shape: a 2–3 letter primary subtag, then 1–8 character subtags. */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/
const AUTHOR = /^([^<>]+?)\s*(?:<([^<>\s]+@[^<>\s]+)>)?$/
/** Characters no feed format can carry (XML 1.0 §2.2) are not allowed in metadata values. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/

/**
 * Parses `key: value` lines (blank lines and `#` comments allowed) and checks every value.
 * `author` may repeat, one person per line; other keys may appear once.
 *
 * @throws ContentError naming the file and line of the first bad line
 */
export function parseMetadata(source: MetadataSource): Metadata {
  const meta: Metadata = { authors: [], tags: [] }
  const seen = new Set<Key>()
  source.lines.forEach((raw, index) => {
    const line = source.firstLine + index
    const fail = (problem: string, hint: string): never => {
      throw new ContentError(source.file, line, problem, hint)
    }
    const text = raw.trim()
    if (text === '' || text.startsWith('#')) return
    const colon = text.indexOf(':')
    if (colon <= 0)
      return fail(`"${text}" is not a \`key: value\` line`, `Write e.g. \`published: 2024-05-01\`. ${HINT_KEYS}`)
    const key = text.slice(0, colon).trim().toLowerCase()
    const value = text.slice(colon + 1).trim()
    if (!(KEYS as readonly string[]).includes(key)) fail(`unknown metadata key "${key}"`, HINT_KEYS)
    const k = key as Key
    if (k !== 'author' && seen.has(k)) fail(`"${k}" is set twice`, 'Keep one line per key (only `author` may repeat).')
    seen.add(k)
    if (value === '') fail(`"${k}" has no value`, 'Give it a value or remove the line.')
    if (FORBIDDEN.test(value)) fail(`"${k}" holds a control character`, 'Remove it; feeds cannot carry it.')
    switch (k) {
      case 'slug':
        if (!SLUG_PATTERN.test(value))
          fail(`slug "${value}" is not lowercase words joined by hyphens`, 'Use e.g. `slug: north-korea-crypto-theft`.')
        meta.slug = value
        break
      case 'id':
        if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value))
          fail(
            `id "${value}" is not an absolute URI`,
            'Use e.g. `id: urn:uuid:…` or `id: tag:example.com,2024:post-1`; it must never change once published.',
          )
        meta.id = value
        break
      case 'published':
      case 'updated': {
        const date = parseDate(value)
        if (date === undefined)
          return fail(
            `${k} "${value}" is not a date`,
            'Use RFC 3339, e.g. `2024-05-01` or `2024-05-01T09:30:00Z` or `2024-05-01T11:30:00+02:00`.',
          )
        meta[k] = date
        break
      }
      case 'author': {
        const match = AUTHOR.exec(value)
        if (!match)
          return fail(
            `author "${value}" is not \`Name\` or \`Name <email>\``,
            'Use e.g. `author: Ada Lovelace <ada@example.com>`; repeat the line for more authors.',
          )
        const [, name = '', email] = match as RegExpExecArray
        meta.authors.push(email ? { name, email } : { name })
        break
      }
      case 'tags': {
        const tags = value.split(',').map((t) => t.trim())
        if (tags.some((t) => t === ''))
          fail(
            `tags "${value}" has an empty tag`,
            'Separate tags with single commas: `tags: Security, Cryptocurrency`.',
          )
        meta.tags = [...new Set(tags)]
        break
      }
      case 'language':
        if (!LANGUAGE_TAG.test(value))
          fail(`language "${value}" is not a BCP 47 language tag`, 'Use e.g. `language: en` or `language: pt-BR`.')
        meta.language = value
        break
      case 'summary':
        meta.summary = value
        break
    }
  })
  return meta
}

/**
 * Parses an RFC 3339 date-time (or a bare date, read as midnight UTC) into a normalised UTC
 * string; rejects impossible dates such as February 30th.
 *
 * @returns `toISOString()` form, or `undefined` when `value` is not a real date
 */
export function parseDate(value: string): string | undefined {
  const m = DATE.exec(value)
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m
  if (Number(mo) < 1 || Number(mo) > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined
  const daysInMonth = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate()
  if (Number(d) < 1 || Number(d) > daysInMonth) return undefined
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${zone.toUpperCase()}`)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}
