/** The articles of `seeds/` as the Worker reads them: the built files, through the real ASSETS binding (miniflare). */
import { env } from 'cloudflare:workers'
import { Corpus } from '../../src/corpus/corpus.ts'
import { assetFiles } from '../../src/corpus/files.ts'
import type { Article } from '../../src/model/article.ts'

/** Every bundled article, newest first. */
export async function bundledArticles(): Promise<Article[]> {
  const files = assetFiles((env as { ASSETS: Fetcher }).ASSETS)
  const corpus = await Corpus.open(files)
  return corpus.range(files, 0, corpus.count)
}
