import { CONTENT_PREFIX } from '../content/layout.ts'

/**
 * Where the Worker reads the built corpus from. In production and `npm start` that is Workers
 * Static Assets through the `ASSETS` binding (uploaded with each deploy, versioned with it, free to
 * read); tests that bring their own articles pack them with the build's code and serve the same
 * files from memory.
 */
export interface ContentFiles {
  /** The text of `path` (as the layout names it), or `undefined` when there is no such file. */
  read(path: string): Promise<string | undefined>
  /** The bytes of `path` (an image), or `undefined` when there is no such file. */
  bytes(path: string): Promise<Uint8Array | undefined>
}

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

/** The same files, calling `onRead` before each read: the hub counts them among an invocation's subrequests. */
export function countedFiles(files: ContentFiles, onRead: () => void): ContentFiles {
  return {
    read: (path) => {
      onRead()
      return files.read(path)
    },
    bytes: (path) => {
      onRead()
      return files.bytes(path)
    },
  }
}
