import { tagKey } from '../content/tag-key.ts'
import { withTagKey } from '../paths.ts'
import type { Miss, RouteRequest, SiteContext } from './kind.ts'
import type { RequestScope } from './site-options.ts'

/**
 * A redirect to the one URL of a tag written another way (`/tags/Rust/feed.xml` →
 * `/tags/rust/feed.xml`, any page or feed of it), or `undefined` when no tag has that URL.
 *
 * @param tag - the tag segment as requested (decoded)
 */
export async function respelled(
  site: SiteContext,
  tag: string | undefined,
  request: RouteRequest,
  scope: RequestScope,
): Promise<Miss | undefined> {
  const key = tag === undefined ? '' : tagKey(tag)
  if (key === '' || key === tag || !(await site.corpus.tag(scope.files, key))) return undefined
  const target = new URL(request.url)
  const base = site.config.basePath
  target.pathname = base + withTagKey(target.pathname.slice(base.length), key)
  return { redirect: target.href }
}
