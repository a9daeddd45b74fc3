/** The articles of `seeds/` as built on disk (`generated/assets/_content/`), for tests that run in Node. */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { readConfig } from '../../src/config.ts'
import { CONTENT_PREFIX } from '../../src/content/layout.ts'
import { Corpus } from '../../src/corpus/corpus.ts'
import type { ContentFiles } from '../../src/corpus/files.ts'
import type { SiteArticle } from '../../src/model/article.ts'

/** Reads the built content files from a folder (default: this project's generated assets). */
export function diskFiles(assetsDir = resolve(import.meta.dirname, '../../generated/assets')): ContentFiles {
  const missing = (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error))
  return {
    read: (path) => readFile(join(assetsDir, CONTENT_PREFIX, path), 'utf8').catch(missing),
    bytes: async (path) => {
      const buffer = await readFile(join(assetsDir, CONTENT_PREFIX, path)).catch(missing)
      return buffer && new Uint8Array(buffer)
    },
  }
}

/** Every bundled article, newest first, as a site with the default settings serves it. */
export async function bundledArticles(): Promise<SiteArticle[]> {
  const files = diskFiles()
  const corpus = await Corpus.open(files)
  return corpus.range(files, 0, corpus.count, readConfig({}))
}
