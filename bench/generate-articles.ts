/**
 * Writes `count` synthetic but realistic articles into a seeds folder: varied lengths, tags,
 * authors, languages, Unicode (accents, CJK, RTL, emoji) and the characters that break naive
 * serializers (&, <, ]]>, U+0001, U+000B), each with front matter. Deterministic for a given count
 * (scheduled articles aside, which are dated from the clock).
 *
 * Usage: node bench/generate-articles.ts <dir> <count> [scheduled]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const WORDS =
  'the of report network edge feed reader cache validator isolate worker latency article model content payload header origin request response stream byte token schema'.split(
    ' ',
  )
const SPICE = [
  'Ça & Co',
  'naïve café',
  '東京の記者',
  'שלום עולם',
  'مرحبا بالعالم',
  '🦀 rustaceans',
  '<b>not bold</b>',
  'a ]]> b ]]> c',
  'bell \u0001 tab \u000b',
  '&amp; literal',
  'x < y > z',
]
const TAGS = ['Security', 'Performance', 'Web', 'Feeds', 'Edge', 'Unicode', 'Standards', 'Privacy']

/** The articles that are not scheduled are dated from here… */
const PAST_START = Date.UTC(2000, 0, 1)
/** …to before here (a date in the past: an article dated later would be scheduled). */
const PAST_END = Date.UTC(2026, 0, 1)

/** A small deterministic PRNG (mulberry32), so every run writes the same files. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Options of {@link generateArticles}. */
export interface GenerateOptions {
  /**
   * How many of the newest articles are scheduled: published after the build, `firstAt` (ms since
   * the epoch, default two days from now) and then one an hour. Default 0.
   */
  scheduled?: number
  firstAt?: number
}

/** Writes the articles; returns the number of bytes written. */
export function generateArticles(dir: string, count: number, options: GenerateOptions = {}): number {
  const scheduled = Math.min(count, options.scheduled ?? 0)
  const firstAt = options.firstAt ?? Date.now() + 2 * 86_400_000
  // Every other article is in the past, whatever the count: 7 hours apart, closer on large corpora.
  const step = Math.min(7 * 3_600_000, Math.floor((PAST_END - PAST_START) / Math.max(1, count)))
  mkdirSync(dir, { recursive: true })
  const rand = random(count)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const sentence = () => {
      const n = 6 + Math.floor(rand() * 18)
      const words = Array.from({ length: n }, () => (rand() < 0.06 ? pick(SPICE) : pick(WORDS)))
      return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase())
    }
    const paragraphs = Array.from({ length: 1 + Math.floor(rand() * 8) }, () =>
      Array.from({ length: 1 + Math.floor(rand() * 6) }, sentence).join(' '),
    )
    const future = i - (count - scheduled)
    const published = new Date(future >= 0 ? firstAt + future * 3_600_000 : PAST_START + i * step).toISOString()
    const text = [
      '---',
      `published: ${published}`,
      `tags: ${[...new Set([pick(TAGS), pick(TAGS)])].join(', ')}`,
      rand() < 0.3 ? `author: Writer ${i % 17} <writer${i % 17}@example.com>` : '# site author',
      rand() < 0.1 ? 'language: fr' : '# site language',
      '---',
      `${sentence().slice(0, 70)} #${i}`,
      '',
      paragraphs.join('\n\n'),
      '',
    ].join('\n')
    writeFileSync(join(dir, `${String(i).padStart(6, '0')}.txt`), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

if (import.meta.main) {
  const [dir, count, scheduled] = process.argv.slice(2)
  if (!dir || !count) {
    console.error('usage: node bench/generate-articles.ts <dir> <count> [scheduled]')
    process.exit(1)
  }
  console.log(`${generateArticles(dir, Number(count), { scheduled: Number(scheduled ?? 0) })} bytes written to ${dir}`)
}
