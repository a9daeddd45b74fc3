/**
 * A deployment's time as RFC 3339 UTC, from the version metadata's `timestamp`; `undefined` when it
 * is missing or not a date.
 */
export function deploymentTime(timestamp: string | undefined): string | undefined {
  return timestamp && !Number.isNaN(Date.parse(timestamp)) ? new Date(timestamp).toISOString() : undefined
}

/**
 * When a representation's bytes last changed, for its `Last-Modified` (RFC 9110 §8.8.2). Code and
 * settings change only with a deployment, so bytes made from content change when the content or
 * the deployment does: the later of `content` and `deployed`. Bytes made from code alone (the
 * stylesheet, the script, the XSLT) changed at `deployed`. Without a deployment time there is no
 * honest date: a content date alone would stay put while a new `SITE_TITLE` changed the bytes, and
 * a client sending only `If-Modified-Since` would get 304 for changed bytes. Then `undefined`: no
 * `Last-Modified`, only the ETag validates.
 *
 * @param deployed - the deployment's time (RFC 3339 UTC), see {@link deploymentTime}
 * @param content - the newest content date of the bytes (RFC 3339 UTC); absent for code-only bytes
 */
export function lastChanged(deployed: string | undefined, content?: string): string | undefined {
  if (deployed === undefined) return undefined
  return content !== undefined && content > deployed ? content : deployed
}
