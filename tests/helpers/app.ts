import { packCorpus } from '../../src/build/pack.ts'
import type { Env } from '../../src/config.ts'
import type { ContentFiles } from '../../src/corpus/files.ts'
import type { Article } from '../../src/model/article.ts'
import { createWorker, type WorkerOptions } from '../../src/worker.ts'
import { memoryFiles } from './memory-files.ts'

/** Articles a test brings (newest first, as `loadContent` returns them), and the images they use. */
export interface TestContent extends Omit<WorkerOptions, 'files'> {
  articles: readonly Article[]
  /** By published path (`media/….png`), as `loadContent` returns them. */
  media?: ReadonlyMap<string, Uint8Array>
  /** The articles of each image, as `loadContent` returns them (hides an image of scheduled articles only). */
  usedBy?: ReadonlyMap<string, readonly Article[]>
  /** When the build ran (ms): articles published after it are scheduled. Default: none is. */
  builtAt?: number
}

/** A Worker under test: its `fetch`, and `request`, which takes a path as Hono's `app.request` does. */
export interface TestWorker {
  fetch(request: Request, env?: Env, ctx?: ExecutionContext): Promise<Response>
  request(input: string | Request, init?: RequestInit, env?: Env): Promise<Response>
}

/**
 * The Worker as `src/index.ts` makes it (the hot path, then the app), over the content built from
 * `seeds/` (read through the `ASSETS` binding of the env each request brings), or over `options.files`.
 */
export function testWorker(options: WorkerOptions = {}): TestWorker {
  const worker = createWorker(options)
  const fetch = async (request: Request, env: Env = {}, ctx?: ExecutionContext) => worker.fetch(request, env, ctx)
  return {
    fetch,
    request: (input, init, env) =>
      fetch(typeof input === 'string' ? new Request(new URL(input, 'http://localhost').href, init) : input, env),
  }
}

/**
 * The Worker serving a test's own articles: laid out by the build's code (`packCorpus`) exactly as
 * the build lays them out on disk, and handed to the Worker as files.
 */
export function appWith({ drafts: _drafts, ...content }: TestContent & { drafts?: unknown }): TestWorker {
  const { articles: _a, media: _m, usedBy: _u, builtAt: _b, ...options } = content
  return testWorker({ ...options, files: packedFiles(content) })
}

/** The files the build lays out for a test's articles, as the Worker reads them. */
export function packedFiles({ articles, media, usedBy, builtAt }: TestContent): ContentFiles {
  return memoryFiles(
    packCorpus(articles, media, { ...(builtAt !== undefined && { now: builtAt }), ...(usedBy && { usedBy }) }),
  )
}
