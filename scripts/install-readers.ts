/**
 * Puts the feed readers the reader tests run (tests/helpers/readers.ts) on this machine, from
 * Debian's repositories: feedparser, newsboat, sfeed and PHP are installed with apt; SimplePie and
 * Tiny Tiny RSS's parser are taken from the `wordpress` and `tt-rss` packages without installing
 * them (`apt-get download`, `dpkg -x` into generated/readers/), since only their PHP is needed.
 *
 * Usage: npm run readers   (`npm test` runs it first; installs only what is missing, as root)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const unpacked = resolve(import.meta.dirname, '..', 'generated', 'readers')

/** Where the unpacked PHP of each package is. */
export const READER_DIRS = {
  wordpress: join(unpacked, 'wordpress', 'usr/share/wordpress'),
  ttRss: join(unpacked, 'tt-rss', 'usr/share/tt-rss/www'),
}

/** apt packages, each with a file that shows it is installed. */
const INSTALLED = {
  // The feedparser and newsboat adapters are Python (Debian's, not whatever python3 is first on PATH).
  python3: '/usr/bin/python3',
  'python3-feedparser': '/usr/lib/python3/dist-packages/feedparser',
  newsboat: '/usr/bin/newsboat',
  sfeed: '/usr/bin/sfeed',
  'php-cli': '/usr/bin/php',
  // SimplePie parses with PHP's xml extension; tt-rss needs DOM (php-xml), mbstring and intl.
  'php-xml': '/usr/share/doc/php-xml',
  'php-mbstring': '/usr/share/doc/php-mbstring',
  'php-intl': '/usr/share/doc/php-intl',
} satisfies Record<string, string>

/** Packages unpacked, not installed, each with a file that shows it is there. */
const UNPACKED = {
  wordpress: join(READER_DIRS.wordpress, 'wp-includes/class-simplepie.php'),
  'tt-rss': join(READER_DIRS.ttRss, 'classes/feedparser.php'),
} satisfies Record<string, string>

function missing(table: Record<string, string>): string[] {
  return Object.entries(table)
    .filter(([, path]) => !existsSync(path))
    .map(([name]) => name)
}

/** Every package of either table that is not on this machine. */
function allMissing(): string[] {
  return [...missing(INSTALLED), ...missing(UNPACKED)]
}

/** The packages one reader needs, by their names in the tables above. */
export type ReaderPackage = keyof typeof INSTALLED | keyof typeof UNPACKED

/** Which of `packages` this machine lacks, as a message (`missing php-intl, wordpress`), or undefined. */
export function lackingPackages(...packages: ReaderPackage[]): string | undefined {
  const evidence: Record<ReaderPackage, string> = { ...INSTALLED, ...UNPACKED }
  const absent = packages.filter((name) => !existsSync(evidence[name]))
  return absent.length > 0 ? `missing ${absent.join(', ')}` : undefined
}

function apt(...args: string[]): void {
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
}

/** Installs what is missing; returns what is still missing afterwards. */
export function installReaders(): string[] {
  const install = missing(INSTALLED)
  const unpack = missing(UNPACKED)
  if (install.length + unpack.length === 0) return []
  if (process.getuid?.() !== 0) return [...install, ...unpack]
  console.log(`readers: installing ${[...install, ...unpack].join(', ')} from Debian's repositories`)

  apt('update', '-qq')
  if (install.length > 0) apt('install', '-y', '-qq', '--no-install-recommends', ...install)
  for (const name of unpack) {
    const download = mkdtempSync(join(tmpdir(), 'readers-'))
    try {
      execFileSync('apt-get', ['download', '-qq', name], { cwd: download, stdio: ['ignore', 'ignore', 'ignore'] })
      const [deb] = readdirSync(download).filter((file) => file.endsWith('.deb'))
      if (!deb) throw new Error(`apt-get download ${name} gave no .deb`)
      rmSync(join(unpacked, name), { recursive: true, force: true })
      mkdirSync(join(unpacked, name), { recursive: true })
      execFileSync('dpkg', ['-x', join(download, deb), join(unpacked, name)])
    } finally {
      rmSync(download, { recursive: true, force: true })
    }
  }
  return allMissing()
}

if (import.meta.main) {
  // Never stops `npm test`: what could not be installed fails (as root) or skips (without) the reader tests only.
  let still: string[]
  try {
    still = installReaders()
  } catch (error) {
    console.log(`readers: installing failed (${(error as Error).message.split('\n')[0]})`)
    still = allMissing()
  }
  if (still.length > 0)
    console.log(
      process.getuid?.() === 0
        ? `readers: ${still.join(', ')} missing; the reader tests will fail`
        : `readers: ${still.join(', ')} not installed (needs root); the reader tests are skipped. As root: npm run readers`,
    )
}
