/**
 * Where the Worker reads the built corpus from. In production and `npm start` that is Workers
 * Static Assets through the `ASSETS` binding (uploaded with each deploy, versioned with it, free to
 * read); tests that bring their own articles serve the same files from memory.
 */
export interface ContentFiles {
  /** The text of `path` (as `packCorpus` names it), or `undefined` when there is no such file. */
  read(path: string): Promise<string | undefined>
  /** The bytes of `path` (an image), or `undefined` when there is no such file. */
  bytes(path: string): Promise<Uint8Array | undefined>
}

/** Where the content files sit under the assets root (see `[assets]` in wrangler.toml). */
export const CONTENT_PREFIX = '/_content/'

/**
 * Reads through a Static Assets binding. The host of the URL is ignored by the binding; the path
 * is the file's path in the assets directory.
 * @see https://developers.cloudflare.com/workers/static-assets/binding/
 */
export function assetFiles(assets: Fetcher): ContentFiles {
  const fetchFile = async (path: string): Promise<Response | undefined> => {
    const response = await assets.fetch(`https://assets.invalid${CONTENT_PREFIX}${path}`)
    if (response.status === 404) {
      await response.body?.cancel()
      return undefined
    }
    if (!response.ok) throw new Error(`Static Assets answered ${response.status} for ${CONTENT_PREFIX}${path}`)
    return response
  }
  return {
    read: async (path) => (await fetchFile(path))?.text(),
    bytes: async (path) => {
      const response = await fetchFile(path)
      return response && new Uint8Array(await response.arrayBuffer())
    },
  }
}

/** Serves files held in memory, e.g. the output of `packCorpus` for test fixtures. */
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
