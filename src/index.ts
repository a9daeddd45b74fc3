/**
 * The Worker: the content built from `seeds/` (`npm run build:content`, into Static Assets) served
 * by the app. Nothing corpus-sized is bundled, so startup does not grow with the articles.
 */
import { createApp } from './app.tsx'
import type { Env } from './config.ts'
import { warmUp } from './warm-up.tsx'

const app = createApp()
warmUp()

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>
