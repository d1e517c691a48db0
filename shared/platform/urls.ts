/**
 * The Bodo Platform's base URLs and the rule every override must pass. Pure (no Node, no DOM):
 * the settings form checks with the same rule main does.
 */

/** The platform's API base, a constructor default in every bodosdk release (docs/platform-api.md#hosts). */
export const DEFAULT_PLATFORM_API_URL = 'https://api.bodo.ai/api';
/** The platform's auth host in bodosdk 1.5.1 and every 2.x release (docs/platform-api.md#hosts). */
export const DEFAULT_PLATFORM_AUTH_URL = 'https://auth.bodo.ai';

/** Environment variables that override the base URLs (the tests point them at a local fake). */
export const PLATFORM_API_URL_ENV = 'ONRAMP_PLATFORM_API_URL';
export const PLATFORM_AUTH_URL_ENV = 'ONRAMP_PLATFORM_AUTH_URL';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why `value` cannot be a platform base URL, or null when it can. The secret key and the bearer
 * token travel to these URLs, so: https only (plain http only for a loopback test server), no
 * user-info, query or fragment (places a credential could hide and end up in diagnostics).
 */
export function platformUrlProblem(value: string, label = 'Platform URL'): string | null {
  if (value.length > 2048) return `${label} is too long (at most 2048 characters).`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${label} is not a URL (expected e.g. https://api.bodo.ai/api).`;
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return `${label} must use https:// (plain http:// only for a server on this machine, 127.0.0.1 or localhost).`;
  }
  if (url.username || url.password) return `${label} must not contain a user name or password.`;
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return `${label} must not contain a query (?…) or fragment (#…).`;
  return null;
}

/** The URL without trailing slashes, so paths can be appended as `${base}/v1/…`. */
export function normalisePlatformUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}
