/**
 * The limit of the hub's fan-out: the least a Durable Object can do to post one fixed document to
 * each callback in batches as large as the hub's (`HUB_POLICY.callbacksPerInvocation`), six at a
 * time: no storage, no signature, no rendering, no retries. The hub's CPU per invocation is taken
 * against it, side by side, in the same run (bench/lib/hub-fanout.ts).
 */
export function fanoutLimitSource(): string {
  return `import { DurableObject } from 'cloudflare:workers';
export class Hub extends DurableObject {
  urls = [];
  invocations = 0;
  async start(urls, body, contentType, batch) {
    Object.assign(this, { urls: [...urls], body, contentType, batch });
    await this.ctx.storage.setAlarm(Date.now());
  }
  async alarm() {
    this.invocations++;
    const slice = this.urls.splice(0, this.batch);
    let next = 0;
    const lane = async () => {
      while (next < slice.length) {
        const response = await fetch(slice[next++], { method: 'POST', body: this.body, headers: { 'Content-Type': this.contentType } });
        await response.body?.cancel();
      }
    };
    await Promise.all(Array.from({ length: 6 }, lane));
    if (this.urls.length > 0) await this.ctx.storage.setAlarm(Date.now());
  }
  stats() { return this.invocations; }
}
export default { fetch() { return new Response('fan-out limit'); } };
`
}
