/**
 * The Worker: the content built from `seeds/` (`npm run build:content`, into Static Assets) served
 * by `createWorker`, and the site's own WebSub hub (`Hub`, a Durable Object). Nothing corpus-sized
 * is bundled, so startup does not grow with the articles.
 */
import type { Env } from './config.ts'
import { createWorker } from './worker.ts'

export { Hub } from './hub/hub.ts'

const worker = createWorker()

export default {
  fetch: worker.fetch,
  async scheduled(controller, env, ctx) {
    await worker.scheduled(controller, env, ctx)
  },
} satisfies ExportedHandler<Env>
