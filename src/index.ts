/**
 * The Worker: the bundled articles (built from `seeds/` by `npm run build:content`) served by the app.
 */
import { articles } from '../generated/articles.ts'
import { createApp } from './app.tsx'
import type { Env } from './config.ts'

const app = createApp({ articles })

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>
