/**
 * Which host names and addresses are this machine's own (loopback). A deployed Worker is reached at
 * its public host name (Cloudflare routes by it), never at a loopback one; `wrangler dev` (`npm
 * start`) is reached at `localhost` or `127.0.0.1`. So a request's own host tells a local run from a
 * deploy, with nothing a setting could leave on.
 */

/** IPv4 loopback, 127.0.0.0/8 (RFC 1122 §3.2.1.3), as a dotted quad. */
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/

/**
 * Whether `hostname` (as `URL.hostname` gives it: lowercase, IPv6 in brackets) names this machine:
 * `localhost` and its subdomains (RFC 6761 §6.3), 127.0.0.0/8, `[::1]`.
 */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || IPV4_LOOPBACK.test(hostname) || hostname === '[::1]'
  )
}
