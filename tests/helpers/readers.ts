// Real feed readers from Debian's registries, each reading a document the way a subscriber's copy
// would and reporting what it displays (tests/readers/ has one small adapter per reader; the parsing
// is the reader's own code). scripts/install-readers.ts puts them on the machine.
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { lackingPackages, READER_DIRS, type ReaderPackage } from '../../scripts/install-readers.ts'

/** What a reader displays for a feed: its title, and each item's title, link and summary (null where the reader shows none). */
export interface Shown {
  title: string | null
  items: { title: string | null; link: string | null; summary: string | null }[]
}

/** The formats a reader is tested with (none of these readers reads JSON Feed). */
export type ReaderFormat = 'rss' | 'atom'

/** One reader: how to run it, what it reads, and what is missing for it on this machine. */
export interface Reader {
  name: string
  /** Where subscribers meet this parser. */
  usedBy: string
  formats: readonly ReaderFormat[]
  /** Whether it shows summaries (some list titles only). */
  summaries: boolean
  /** What this machine lacks to run it, or undefined when it can. */
  missing(): string | undefined
  /** Runs it on one document. */
  read(document: string): Shown
}

const ADAPTERS = resolve(import.meta.dirname, '../readers')
const PYTHON = '/usr/bin/python3'

/** What PHP needs for SimplePie and tt-rss: its XML, DOM, mbstring and intl extensions. */
const PHP: ReaderPackage[] = ['php-cli', 'php-xml', 'php-mbstring', 'php-intl']

function run(command: string, args: string[], input: string): string {
  return execFileSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 })
}

/** A reader whose adapter prints {@link Shown} as JSON. */
function jsonReader(command: string, args: string[]): (document: string) => Shown {
  return (document) => JSON.parse(run(command, args, document)) as Shown
}

/** sfeed's fields (its README): `\t`, `\n` and `\\` escaped in each. */
function sfeedField(field: string): string {
  return field.replace(/\\([tn\\])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : '\\'))
}

/** The readers, in the order the docs' table lists them. */
export const READERS: readonly Reader[] = [
  {
    name: 'feedparser',
    usedBy: 'rss2email, Planet, many Python tools',
    // 6.0.10 (Debian 12) reads no JSON Feed: it finds no item in one, whatever the Content-Type.
    formats: ['rss', 'atom'],
    summaries: true,
    missing: () => lackingPackages('python3', 'python3-feedparser'),
    read: jsonReader(PYTHON, ['-I', `${ADAPTERS}/read_feedparser.py`]),
  },
  {
    name: 'SimplePie',
    usedBy: 'FreshRSS, WordPress',
    formats: ['rss', 'atom'],
    summaries: true,
    missing: () => lackingPackages(...PHP, 'wordpress'),
    read: jsonReader('/usr/bin/php', [`${ADAPTERS}/read-simplepie.php`, READER_DIRS.wordpress]),
  },
  {
    name: 'tt-rss',
    usedBy: 'Tiny Tiny RSS',
    formats: ['rss', 'atom'],
    summaries: false,
    missing: () => lackingPackages(...PHP, 'tt-rss'),
    read: jsonReader('/usr/bin/php', [`${ADAPTERS}/read-tt-rss.php`, READER_DIRS.ttRss]),
  },
  {
    name: 'newsboat',
    usedBy: 'newsboat',
    // 2.21 (Debian 12) reads no JSON Feed: it keeps none of its items.
    formats: ['rss', 'atom'],
    summaries: false,
    missing: () => lackingPackages('python3', 'newsboat'),
    read: jsonReader(PYTHON, ['-I', `${ADAPTERS}/read_newsboat.py`]),
  },
  {
    name: 'sfeed',
    usedBy: 'sfeed_curses, sfeed_plain, sfeed_html',
    formats: ['rss', 'atom'],
    summaries: false,
    missing: () => lackingPackages('sfeed'),
    read: (document) => ({
      title: null,
      items: run('/usr/bin/sfeed', [], document)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const [, title = '', link = ''] = line.split('\t')
          return { title: sfeedField(title), link: sfeedField(link), summary: null }
        }),
    }),
  },
]
