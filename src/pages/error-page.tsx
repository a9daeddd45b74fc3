import { raw } from 'hono/html'
import { PATHS } from '../paths.ts'
import { ICON } from './assets.ts'

/** A minimal, self-contained error page (no site links: it must render even when config is broken). */
export function ErrorPage(props: { status: number; message: string }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.status} · Error`}</title>
          <link rel="icon" href={ICON} />
          <link rel="stylesheet" href={PATHS.css} />
        </head>
        <body>
          <main class="wrap">
            <h1>{props.status}</h1>
            <p>{props.message}</p>
            <p>
              <a href="/">Home</a>
            </p>
          </main>
        </body>
      </html>
    </>
  )
}
