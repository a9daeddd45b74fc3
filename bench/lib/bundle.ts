/** Building Worker bundles for the benchmark. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

export const ROOT = resolve(import.meta.dirname, '../..')

/** The built content of `seeds/` (`npm run build:content`), as `[assets]` in wrangler.toml names it. */
export const ASSETS_DIR = join(ROOT, 'generated/assets')

/** Raw and gzip size of a file, in bytes. */
export function sizes(path: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path)
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength }
}

/**
 * The bundle `wrangler deploy` would upload, from `wrangler deploy --dry-run --outdir`
 * (the project's build step turns seeds/ into the content files first).
 * @param config - the wrangler config; the benchmark's peer has its own
 * @returns the path of the bundled module
 */
export function deployBundle(outDir: string, config = join(ROOT, 'wrangler.toml')): string {
  mkdirSync(outDir, { recursive: true })
  execFileSync(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', outDir, '--config', config],
    {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    },
  )
  const main = readdirSync(outDir).find((f) => f.endsWith('.js'))
  if (!main) throw new Error(`wrangler deploy --dry-run wrote no .js to ${outDir}`)
  return join(outDir, main)
}

/** Bundles a module with esbuild the way wrangler does (ESM, workerd conditions): the benchmark's cold-isolate runner. */
export async function bundleWith(entry: string, outFile: string): Promise<string> {
  await esbuild.build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['node:*', 'cloudflare:*'],
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'silent',
  })
  return outFile
}
