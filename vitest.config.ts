import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

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
            miniflare: { compatibilityFlags: ['nodejs_compat'] },
          }),
        ],
        test: { name: 'workers', include: ['tests/**/*.test.{ts,tsx}'], exclude: ['tests/node/**'] },
      },
      {
        // Validators that cannot run in workerd (ajv compiles schemas with `new Function`, xmllint-wasm
        // needs Node's fs): they check the same pure serializers against the published schemas.
        test: { name: 'node', environment: 'node', include: ['tests/node/**/*.test.ts'] },
      },
    ],
  },
})
