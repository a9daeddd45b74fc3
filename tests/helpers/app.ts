import { type AppOptions, createApp } from '../../src/app.ts'
import { packCorpus } from '../../src/build/pack.ts'
import type { Article } from '../../src/model/article.ts'
import { memoryFiles } from './memory-files.ts'

/** Articles a test brings (newest first, as `loadContent` returns them), and the images they use. */
export interface TestContent extends Omit<AppOptions, 'files'> {
  articles: readonly Article[]
  /** By published path (`media/….png`), as `loadContent` returns them. */
  media?: ReadonlyMap<string, Uint8Array>
}

/**
 * The app serving a test's own articles: laid out by the build's code (`packCorpus`) exactly as the
 * build lays them out on disk, and handed to the Worker as files.
 */
export function appWith({ articles, media, ...options }: TestContent) {
  return createApp({ ...options, files: memoryFiles(packCorpus(articles, media)) })
}
