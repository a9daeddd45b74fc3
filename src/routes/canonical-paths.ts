import type { MiddlewareHandler } from 'hono'
import { redirect } from '../http/redirect.ts'
import { READ_METHODS } from '../http/response-headers.ts'
import { originOf } from '../paths.ts'
import type { AppEnv } from './site-routes.ts'

/**
 * Redirects (301) a path that names a page another way to its one URL: `/articles/x/` to
 * `/articles/x`, and the home page under a base path (`/blog`) to the base with a slash (`/blog/`),
 * like any directory. Hono's `trimTrailingSlash` redirects only after a 404, but the site's
 * router (LinearRouter) takes `/x/` for `/x`, so this runs before routing.
 *
 * @param base - the site's base path (`SITE_URL`'s path; '' for none)
 */
export function canonicalPaths(base: string): MiddlewareHandler<AppEnv> {
  return function canonicalPaths(c, next) {
    const { method, url } = c.req.raw
    if (READ_METHODS.has(method)) {
      const target = canonicalPath(url.slice(originOf(url).length).split('?', 1)[0] as string, base)
      if (target !== undefined) {
        const location = new URL(url)
        location.pathname = target
        return Promise.resolve(redirect(location.href))
      }
    }
    return next()
  }
}

/** The one URL of a page that `path` names another way, or `undefined` when `path` is that URL. */
function canonicalPath(path: string, base: string): string | undefined {
  if (path === base) return `${base}/`
  if (path.length > 1 && path.endsWith('/') && path !== `${base}/`) return path.replace(/\/+$/, '') || '/'
  return undefined
}
