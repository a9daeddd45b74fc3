/**
 * The Worker: the content built from `seeds/` (`npm run build:content`, into Static Assets) served
 * by the app. Nothing corpus-sized is bundled, so startup does not grow with the articles.
 */
import { createApp } from './app.ts'
import type { Env } from './config.ts'

const app = createApp()

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>
