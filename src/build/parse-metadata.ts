import { CONTROL_CHARACTER } from '../content/text-rules.ts'
import { ContentError, type Problem } from './content-error.ts'
import type { Metadata } from './metadata.ts'
import { METADATA_KEYS } from './metadata-keys.ts'

/** Where a metadata block sits, so errors point at the right file and line. */
export interface MetadataSource {
  file: string
  /** Line number of `lines[0]` in `file`. */
  firstLine: number
  lines: readonly string[]
}

const BY_KEY = new Map(METADATA_KEYS.map((k) => [k.key, k]))
const KNOWN = `Known keys: ${METADATA_KEYS.map((k) => k.key).join(', ')}.`

/**
 * Parses `key: value` lines (blank lines and `#` comments allowed) and checks every value.
 * Keys marked `repeats` may appear on several lines; others once. A required key that is missing
 * is left to the caller, which knows where to point.
 *
 * @returns the metadata, every problem found (one per bad line: a file shows them all at once) and the keys present
 */
export function parseMetadata(source: MetadataSource): { meta: Metadata; errors: ContentError[]; keys: Set<string> } {
  const meta: Metadata = { authors: [], tags: [] }
  const errors: ContentError[] = []
  const seen = new Set<string>()
  for (const [index, raw] of source.lines.entries()) {
    const problem = readLine(raw.trim(), meta, seen)
    if (problem) errors.push(new ContentError(source.file, source.firstLine + index, problem.problem, problem.fix))
  }
  return { meta, errors, keys: seen }
}

/** Reads one line into `meta`; blank lines and comments are skipped. */
function readLine(text: string, meta: Metadata, seen: Set<string>): Problem | undefined {
  if (text === '' || text.startsWith('#')) return undefined
  const colon = text.indexOf(':')
  if (colon <= 0)
    return { problem: `"${text}" is not a \`key: value\` line`, fix: `Write e.g. \`published: 2024-05-01\`. ${KNOWN}` }
  const name = text.slice(0, colon).trim().toLowerCase()
  const value = text.slice(colon + 1).trim()
  const key = BY_KEY.get(name)
  if (!key) return { problem: `unknown metadata key "${name}"`, fix: KNOWN }
  if (!key.repeats && seen.has(name))
    return { problem: `"${name}" is set twice`, fix: 'Keep one line per key (only `author` may repeat).' }
  seen.add(name)
  if (value === '') return { problem: `"${name}" has no value`, fix: 'Give it a value or remove the line.' }
  if (CONTROL_CHARACTER.test(value))
    return { problem: `"${name}" holds a control character`, fix: 'Remove it; feeds cannot carry it.' }
  return key.read(value, meta)
}
