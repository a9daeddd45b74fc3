// Vitest global setup of the workers project: one real WebSub subscriber on loopback for the whole
// run (tests/helpers/subscriber.ts); the tests in workerd reach it at the origin provided here.
import type { TestProject } from 'vitest/node'
import { startSubscriber } from './subscriber.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the loopback subscriber (`http://127.0.0.1:port`). */
    subscriber: string
    /** A second subscriber, on 127.0.0.2: another callback host, for the bound per host. */
    otherSubscriber: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers = [await startSubscriber(), await startSubscriber('127.0.0.2')]
  project.provide('subscriber', servers[0]?.origin as string)
  project.provide('otherSubscriber', servers[1]?.origin as string)
  return async () => {
    for (const { server } of servers) await new Promise((resolve) => server.close(resolve))
  }
}
