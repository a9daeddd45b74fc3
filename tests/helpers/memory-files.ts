import type { ContentFiles } from '../../src/corpus/files.ts'

/** Serves files held in memory (what `packCorpus` lays out) as the Worker reads the built content. */
export function memoryFiles(files: ReadonlyMap<string, string | Uint8Array>): ContentFiles {
  return {
    read: async (path) => {
      const file = files.get(path)
      return typeof file === 'string' || file === undefined ? file : new TextDecoder().decode(file)
    },
    bytes: async (path) => {
      const file = files.get(path)
      return typeof file === 'string' ? new TextEncoder().encode(file) : file
    },
  }
}
