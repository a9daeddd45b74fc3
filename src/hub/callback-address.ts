import { isLoopbackHost } from '../http/addresses.ts'

/**
 * Which callbacks the hub may call (W3C WebSub §5.1 `hub.callback`; SSRF): an `http(s)` URL with no
 * credentials, on a host that is neither this site nor, in a deploy, this machine or a private,
 * link-local or otherwise non-public address. Names are judged as written: the WHATWG URL parser
 * has already turned `2130706433` or `0x7f.1` into `127.0.0.1`. A public name that resolves to a
 * private address is Cloudflare's to refuse: a deployed Worker's `fetch` leaves through Cloudflare's
 * network and cannot reach a private network (SECURITY.md).
 */

/** IPv4 ranges a deployed hub never calls (RFC 6890): [first octets as a prefix of bits, length]. */
const IPV4_REFUSED: readonly [number, number][] = [
  [0x00000000, 8], // "this network"
  [0x0a000000, 8], // private
  [0x64400000, 10], // carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local
  [0xac100000, 12], // private
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0a80000, 16], // private
  [0xc6120000, 15], // benchmarking
  [0xe0000000, 3], // multicast and reserved, up to 255.255.255.255
]

/** IPv6 prefixes a deployed hub never calls: unspecified, loopback, IPv4-mapped, unique local, link-local, multicast. */
const IPV6_REFUSED = /^\[(?:::1?|::ffff:.*|f[cd][0-9a-f]{0,2}:.*|fe[89ab][0-9a-f]?:.*|ff[0-9a-f]{0,2}:.*)\]$/

/** Names that are private by definition (RFC 6761, RFC 8375, and the `.local`/`.internal` conventions). */
const PRIVATE_NAME = /(?:^|\.)(?:local|internal|lan|home\.arpa|intranet|corp)$/

/** Where a callback may point: the site's own hosts, and whether this run is on this machine (`npm start`). */
export interface CallbackScope {
  /** The origin the subscription request came to: the hub never calls itself. */
  hubOrigin: string
  /** The host of `SITE_URL`, when set: the site under its canonical name. */
  siteHost?: string | undefined
  /** Loopback callbacks are allowed when the hub itself answers on loopback (`npm start`, tests). */
  local: boolean
}

/** Why a callback is refused: 400 when it is not a usable URL, 403 when it points where the hub never calls. */
export interface CallbackProblem {
  status: 400 | 403
  message: string
}

/** Reads `hub.callback`: the URL to call, or the problem with it as one sentence to act on. */
export function readCallback(value: string, scope: CallbackScope): URL | CallbackProblem {
  const malformed = (message: string): CallbackProblem => ({ status: 400, message })
  const refused = (message: string): CallbackProblem => ({ status: 403, message })
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return malformed(`hub.callback "${value}" is not an absolute URL; give the full http(s) URL of your callback.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return malformed(`hub.callback must be an http or https URL (got ${url.protocol}).`)
  if (url.username || url.password) return malformed('hub.callback must not carry a user name or password.')
  if (url.hash) return malformed('hub.callback must not have a #fragment.')
  // A name as DNS reads it: `localhost.` is `localhost`, `printer.local.` is `printer.local`.
  const host = url.hostname.replace(/\.$/, '')
  const hubHost = new URL(scope.hubOrigin).hostname.replace(/\.$/, '')
  // This site, by any scheme or port (on this machine, where ports tell servers apart, the same origin).
  const itself = scope.local ? url.origin === scope.hubOrigin : host === hubHost || host === scope.siteHost
  if (itself) return refused('hub.callback is this site: the hub does not call itself.')
  if (isLoopbackHost(host))
    return scope.local ? url : refused(`hub.callback ${host} is this machine; a deployed hub calls public hosts only.`)
  const singleLabel = !host.startsWith('[') && !host.includes('.')
  if (isRefusedAddress(host) || PRIVATE_NAME.test(host) || singleLabel)
    return refused(`hub.callback ${host} is a private, link-local or local address; the hub calls public hosts only.`)
  return url
}

/** Whether `host` (as `URL.hostname` gives it) is an IP address in a range the hub never calls. */
function isRefusedAddress(host: string): boolean {
  if (host.startsWith('[')) return IPV6_REFUSED.test(host)
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return false
  const address = parts.reduce((n, p) => n * 256 + Number(p), 0)
  return IPV4_REFUSED.some(
    ([prefix, bits]) => Math.floor(address / 2 ** (32 - bits)) === Math.floor(prefix / 2 ** (32 - bits)),
  )
}
