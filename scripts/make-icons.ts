/**
 * Writes `src/pages/icons.ts`: the site's default icon (`ICON`, an SVG) drawn by Chromium as the
 * files readers and browsers fetch (PNG, and an ICO for `/favicon.ico`), base64 in a module. RSS
 * 2.0 `<image>` takes GIF, JPEG or PNG only, and readers fetch a favicon rather than read a `data:`
 * URL. Run again after changing `ICON`; the output is committed, so neither the build nor the
 * Worker needs a browser.
 *
 * Usage: node scripts/make-icons.ts   (needs Chromium at /usr/bin/chromium, or CHROMIUM=path)
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { RSS_IMAGE_SIZE } from '../src/feeds/rss.ts'
import { ICON } from '../src/pages/assets.ts'

/** One PNG: its constant in the module, its size in pixels, and who reads it. */
interface Png {
  name: string
  size: number
  use: string
  /** Drawn on the icon's own colour instead of transparency: iOS fills transparent corners with black. */
  opaque?: boolean
}

const PNGS: readonly Png[] = [
  { name: 'ICON_PNG', size: 512, use: 'JSON Feed `icon`' },
  { name: 'FAVICON_PNG', size: 64, use: 'JSON Feed `favicon`, Atom `<icon>`, the pages\' `<link rel="icon">`' },
  { name: 'FEED_IMAGE_PNG', size: RSS_IMAGE_SIZE, use: 'RSS `<image>` (RSS 2.0: at most 144 pixels wide)' },
  { name: 'TOUCH_ICON_PNG', size: 180, use: '`<link rel="apple-touch-icon">` (180 pixels, as iOS asks)', opaque: true },
]

/** The sizes inside `/favicon.ico`, for browsers and readers that ask for it by that name. */
const ICO_SIZES = [16, 32, 48]

/** The first fill colour of the SVG: the icon's background. */
const BACKGROUND = `#${/fill='%23([0-9a-f]{6})'/i.exec(ICON)?.[1] ?? 'ffffff'}`

async function draw(browser: Browser, size: number, opaque = false): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } })
  try {
    await page.setContent(
      `<style>html,body{margin:0;background:${opaque ? BACKGROUND : 'transparent'}}img{display:block}</style><img src="${ICON}" width="${size}" height="${size}">`,
    )
    return await page.screenshot({ omitBackground: !opaque, type: 'png' })
  } finally {
    await page.close()
  }
}

/**
 * An ICO file holding PNG images (the format Windows Vista introduced, which every browser reads):
 * a 6-byte header, a 16-byte entry per image, then the images.
 * @see https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)
 */
function ico(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i
    header.writeUInt8(size % 256, entry) // width, 0 = 256
    header.writeUInt8(size % 256, entry + 1)
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((image) => image.png)])
}

const root = resolve(import.meta.dirname, '..')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})
let module = `// Written by scripts/make-icons.ts from ICON (src/pages/assets.ts); do not edit.\n`
try {
  for (const { name, size, use, opaque } of PNGS) {
    const png = await draw(browser, size, opaque)
    module += `\n/** The default icon, ${size}×${size} PNG, base64: ${use}. */\nexport const ${name} =\n  '${png.toString('base64')}'\n`
  }
  const images = []
  for (const size of ICO_SIZES) images.push({ size, png: await draw(browser, size) })
  module += `\n/** The default icon as \`/favicon.ico\` (${ICO_SIZES.map((s) => `${s}×${s}`).join(', ')}), base64. */\nexport const FAVICON_ICO =\n  '${ico(images).toString('base64')}'\n`
} finally {
  await browser.close()
}
writeFileSync(join(root, 'src/pages/icons.ts'), module)
console.log(`wrote src/pages/icons.ts (${module.length} bytes)`)
