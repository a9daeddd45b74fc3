// The deploy configuration, read by wrangler itself (miniflare does not simulate Workers Cache, so
// what can be checked locally is that wrangler reads the settings the README describes; CI also
// runs `wrangler deploy --dry-run`).
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unstable_readConfig } from 'wrangler'
import { ASSETS_DIR } from '../../bench/lib/bundle.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const config = unstable_readConfig({ config: resolve(ROOT, 'wrangler.toml') })

describe('wrangler.toml', () => {
  it('turns Workers Cache on', () => {
    expect(config.cache).toEqual({ enabled: true })
  })

  it('serves the built content as Static Assets behind the Worker, bound as ASSETS', () => {
    expect(config.assets?.binding).toBe('ASSETS')
    expect(resolve(ROOT, config.assets?.directory ?? '')).toBe(ASSETS_DIR)
    // Every request reaches the Worker: the content files are never served as they are.
    expect(config.assets?.run_worker_first).toBe(true)
  })

  it('builds the content before every dev and deploy, and knows its version for the Cache API keys', () => {
    expect(config.build.command).toBe('node scripts/build-content.ts')
    expect(config.version_metadata?.binding).toBe('CF_VERSION_METADATA')
  })
})
