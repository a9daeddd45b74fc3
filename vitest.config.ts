import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

/**
 * The Worker that stands in for the content binding and the Cache API and fails on command
 * (tests/helpers/fault-worker.js): one copy per test file that injects faults, so files running
 * at once never share a fault. Each is bound to the Worker under test as `FAULTS_{NAME}`.
 */
const FAULT_WORKERS = ['content', 'cache', 'hub'] as const
const faultWorkers = FAULT_WORKERS.map((name) => ({
  name: `faults-${name}`,
  modules: true,
  scriptPath: './tests/helpers/fault-worker.js',
  compatibilityDate: '2026-07-30',
}))
const faultBindings = Object.fromEntries(
  FAULT_WORKERS.map((name) => [`FAULTS_${name.toUpperCase()}`, `faults-${name}`]),
)

/** Property tests: FC_RUNS_SCALE scales every property's run count (1 = the defaults), FC_SEED fixes the seed. */
const property = { fcScale: Number(process.env.FC_RUNS_SCALE ?? 1), fcSeed: Number(process.env.FC_SEED ?? 42) }

export default defineConfig({
  test: {
    projects: [
      {
        // Unit and integration tests inside workerd, the runtime that serves production.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // Vitest's own runner imports node:inspector; the Worker itself needs no Node APIs
            // (`wrangler deploy --dry-run` in CI builds it without this flag).
            miniflare: {
              compatibilityFlags: ['nodejs_compat'],
              serviceBindings: faultBindings,
              workers: faultWorkers,
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/node/**', 'tests/browser/**'],
          provide: property,
          // A real WebSub subscriber on loopback, which the hub's tests subscribe (tests/hub/).
          globalSetup: ['tests/helpers/subscriber-global.ts'],
          testTimeout: 120_000,
        },
      },
      {
        // Validators that cannot run in workerd (ajv compiles schemas with `new Function`, xmllint-wasm
        // needs Node's fs): they check the same pure serializers against the published schemas.
        // Generous timeouts: these tests start workerd and build corpora, slow on a loaded 2-core machine.
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/node/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Real Chromium (Debian's package) against the Worker in workerd; skipped without Chromium.
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
