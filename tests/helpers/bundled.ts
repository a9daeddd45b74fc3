/** The articles of `seeds/` as the Worker reads them: the built files, through the real ASSETS binding (miniflare). */
import { env } from 'cloudflare:workers'
import { readConfig } from '../../src/config.ts'
import { Corpus } from '../../src/corpus/corpus.ts'
import { assetFiles } from '../../src/corpus/files.ts'
import type { SiteArticle } from '../../src/model/article.ts'

/** Every bundled article, newest first, as a site with the default settings serves it. */
export async function bundledArticles(): Promise<SiteArticle[]> {
  const files = assetFiles((env as { ASSETS: Fetcher }).ASSETS)
  const corpus = await Corpus.open(files)
  return corpus.range(files, 0, corpus.count, readConfig({}))
}
