import { tagKey } from '../content/tag-key.ts'
import { isAbsoluteUri, isEmail, LANGUAGE_TAG } from '../content/text-rules.ts'
import type { MetadataKey } from './metadata.ts'
import { parseDate } from './parse-date.ts'
import { SLUG_PATTERN } from './slugify.ts'

const SLUG_FIX = 'Use e.g. `slug: north-korea-crypto-theft`.'
const LANGUAGE_FIX = 'Use e.g. `language: en` or `language: pt-BR`.'
const DATE_FIX = 'Use RFC 3339, e.g. `2024-05-01` or `2024-05-01T09:30:00Z` or `2024-05-01T11:30:00+02:00`.'
const AUTHOR = /^([^<>]+?)\s*(?:<([^<>\s]+)>)?$/

function date(key: 'published' | 'updated'): MetadataKey['read'] {
  return (value, meta) => {
    const parsed = parseDate(value)
    if (parsed === undefined) return { problem: `${key} "${value}" is not a date`, fix: DATE_FIX }
    meta[key] = parsed
  }
}

/**
 * The metadata keys, in README's order. `parseMetadata` (parse-metadata.ts) reads lines with this table, and a test
 * checks README's table against it.
 */
export const METADATA_KEYS: readonly MetadataKey[] = [
  {
    key: 'title',
    required: false,
    default: 'the first line (`.md`: a first `# heading`)',
    repeats: false,
    read(value, meta) {
      meta.title = value
    },
  },
  {
    key: 'published',
    required: true,
    default: 'none: a build error',
    repeats: false,
    fix: 'Add `published: 2024-05-01` (RFC 3339; dates are never guessed, since readers take a new date for a new article)',
    read: date('published'),
  },
  {
    key: 'updated',
    required: false,
    default: '`published`',
    repeats: false,
    read: date('updated'),
  },
  {
    key: 'slug',
    required: false,
    default: 'from the title: lowercase ASCII words, ≤ 80 chars',
    repeats: false,
    read(value, meta) {
      if (!SLUG_PATTERN.test(value))
        return { problem: `slug "${value}" is not lowercase words joined by hyphens`, fix: SLUG_FIX }
      meta.slug = value
    },
  },
  {
    key: 'id',
    required: false,
    default: '`urn:uuid:` v5 of the file name',
    repeats: false,
    read(value, meta) {
      if (!isAbsoluteUri(value))
        return {
          problem: `id "${value}" is not an absolute URI`,
          fix: 'Use e.g. `id: urn:uuid:…` or `id: tag:example.com,2024:post-1`; it must never change once published.',
        }
      meta.id = value
    },
  },
  {
    key: 'author',
    required: false,
    default: 'the site author',
    repeats: true,
    read(value, meta) {
      const [, name, email] = AUTHOR.exec(value) ?? []
      if (name === undefined || (email !== undefined && !isEmail(email)))
        return {
          problem: `author "${value}" is not \`Name\` or \`Name <email>\``,
          fix: 'Use e.g. `author: Ada Lovelace <ada@example.com>`; repeat the line for more authors.',
        }
      meta.authors.push(email ? { name, email } : { name })
    },
  },
  {
    key: 'tags',
    required: false,
    default: 'none',
    repeats: false,
    read(value, meta) {
      const tags = value.split(',').map((t) => t.trim())
      if (tags.includes(''))
        return {
          problem: `tags "${value}" has an empty tag`,
          fix: 'Separate tags with single commas: `tags: Security, Cryptocurrency`.',
        }
      const nameless = tags.find((t) => tagKey(t) === '')
      if (nameless !== undefined)
        return {
          problem: `tag "${nameless}" has no letter or digit to name its page (/tags/…)`,
          fix: 'Give the tag a word, e.g. `tags: C++` rather than `tags: !?`.',
        }
      const unique = [...new Set(tags)]
      const clash = unique.find((t, i) => unique.findIndex((u) => tagKey(u) === tagKey(t)) !== i)
      if (clash !== undefined)
        return {
          problem: `tag "${clash}" and another tag of this line share the address /tags/${tagKey(clash)}`,
          fix: 'Keep one spelling of the tag.',
        }
      meta.tags = unique
    },
  },
  {
    key: 'language',
    required: false,
    default: 'the site language',
    repeats: false,
    read(value, meta) {
      if (!LANGUAGE_TAG.test(value))
        return { problem: `language "${value}" is not a BCP 47 language tag`, fix: LANGUAGE_FIX }
      meta.language = value
    },
  },
  {
    key: 'summary',
    required: false,
    default: 'the first paragraph, cut at a word near 280 chars',
    repeats: false,
    read(value, meta) {
      meta.summary = value
    },
  },
  {
    key: 'image',
    required: false,
    default: '`.md`: the first image of the text',
    repeats: false,
    read(value, meta) {
      meta.image = value
    },
  },
  {
    key: 'draft',
    required: false,
    default: '`false`: published at `published`',
    repeats: false,
    read(value, meta) {
      const draft = value.toLowerCase()
      if (draft !== 'true' && draft !== 'false')
        return {
          problem: `draft "${value}" is not \`true\` or \`false\``,
          fix: 'Write `draft: true` to keep the article out of the deploy, or remove the line to publish it.',
        }
      meta.draft = draft === 'true'
    },
  },
]
