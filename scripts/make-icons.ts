/**
 * Writes `src/pages/icons.ts`: the site's default icon (`ICON`, the SVG every page shows as its
 * favicon) as PNG at 512 and 64 pixels, base64 in a module, for feed readers, which want PNG
 * (RSS 2.0 `<image>` takes GIF, JPEG or PNG only). Run again after changing `ICON`; the output is
 * committed, so neither the build nor the Worker needs a browser.
 *
 * Usage: node scripts/make-icons.ts   (needs Chromium at /usr/bin/chromium, or CHROMIUM=path)
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { ICON } from '../src/pages/assets.ts'

const root = resolve(import.meta.dirname, '..')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})
const sizes = { ICON_PNG: 512, FAVICON_PNG: 64 }
let module = `// Written by scripts/make-icons.ts from ICON (src/pages/assets.ts); do not edit.\n`
try {
  for (const [name, size] of Object.entries(sizes)) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${ICON}" width="${size}" height="${size}">`,
    )
    const png = await page.screenshot({ omitBackground: true, type: 'png' })
    module += `\n/** The default icon, ${size}×${size} PNG, base64. */\nexport const ${name} =\n  '${png.toString('base64')}'\n`
    await page.close()
  }
} finally {
  await browser.close()
}
writeFileSync(join(root, 'src/pages/icons.ts'), module)
console.log(`wrote src/pages/icons.ts (${module.length} bytes)`)
