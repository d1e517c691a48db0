/** The custom scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
/** The host of the app's own origin: app://onramp. */
export const APP_HOST = 'onramp';
/** The app's own origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Hosts whose https links the app builds itself (documentation, the AWS console) and may open in the browser. */
export const EXTERNAL_HOSTS = new Set(['docs.aws.amazon.com', 'console.aws.amazon.com', 'aws.amazon.com', 'docs.bodo.ai', 'platform.bodo.ai']);

/**
 * True when `url` belongs to the app itself. Parsed with `new URL`, never string prefixes, so
 * `app://onramp.evil` or `app://onramp@evil` cannot pass. In development the Vite dev server's
 * origin (ELECTRON_RENDERER_URL, loopback only) is allowed too.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password) return true;
  if (devServerUrl) {
    try {
      const dev = new URL(devServerUrl);
      return (
        parsed.origin === dev.origin &&
        (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1') &&
        (parsed.protocol === 'http:' || parsed.protocol === 'https:')
      );
    } catch {
      return false;
    }
  }
  return false;
}

/** True for an https link to one of the hosts the app links to. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Regional console hosts (us-west-2.console.aws.amazon.com) are the same console.
    const known = EXTERNAL_HOSTS.has(parsed.hostname) || /^[a-z0-9-]+\.console\.aws\.amazon\.com$/.test(parsed.hostname);
    return parsed.protocol === 'https:' && known && !parsed.username && !parsed.password && parsed.port === '';
  } catch {
    return false;
  }
}

/** The Content-Security-Policy sent with every app:// response (Mantine injects <style> tags, hence 'unsafe-inline' styles). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The headers every response of the renderer's app:// handler carries. Kept here, free of Electron,
 * so the e2e harness serves the page with exactly these headers too.
 */
export const RENDERER_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
});
