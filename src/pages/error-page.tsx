import { raw } from 'hono/html'
import { PATHS } from '../paths.ts'

/**
 * A minimal, self-contained error page (no settings read: it must render even when they are broken).
 * A message of several lines (a list of problems) shows one line per item.
 *
 * @param props.base - the site's base path ('' or `/blog`), for the stylesheet and the home link
 */
export function ErrorPage(props: { status: number; message: string; base?: string }) {
  const base = props.base ?? ''
  const [lead, ...items] = props.message.split('\n')
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.status} · Error`}</title>
          <link rel="icon" href={base + PATHS.favicon} />
          <link rel="stylesheet" href={base + PATHS.css} />
        </head>
        <body>
          <main class="wrap">
            <h1>{props.status}</h1>
            <p>{lead}</p>
            {items.length > 0 && (
              <ul class="problems">
                {items.map((item) => (
                  <li>
                    <code>{item.trim()}</code>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href={base + PATHS.home}>Home</a>
            </p>
          </main>
        </body>
      </html>
    </>
  )
}
