/**
 * `npm run preview`: `wrangler dev` with PREVIEW=1, so the content build (wrangler's [build]
 * command) publishes drafts and scheduled articles as if their time had come, and every page says
 * it is a preview. Only `wrangler dev` accepts the setting: `scripts/build-content.ts` refuses it
 * under any other command, so a deploy never carries a draft, and `--remote` (which uploads the
 * content to Cloudflare) is refused here. Extra arguments go to wrangler (`npm run preview -- --port 8788`).
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const args = process.argv.slice(2)
if (args.some((arg) => arg === '--remote' || arg === '-r' || arg.startsWith('--remote='))) {
  console.error(
    'preview: drafts never leave this machine, so `--remote` is refused. Use `npm start -- --remote` for the published articles.',
  )
  process.exit(1)
}
const wrangler = join(import.meta.dirname, '..', 'node_modules', 'wrangler', 'bin', 'wrangler.js')
const child = spawn(process.execPath, [wrangler, 'dev', ...args], {
  stdio: 'inherit',
  env: { ...process.env, PREVIEW: '1' },
})
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
