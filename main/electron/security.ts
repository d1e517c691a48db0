import { app, session, shell, type WebContents } from 'electron';
import { isSafeVerificationUrl } from '../core/sso/sign-in';
import { isAllowedExternalUrl, isAppUrl } from './origin';

/**
 * Open an IAM Identity Center verification page in the user's browser. Main calls this itself with
 * the page the SSO-OIDC service returned (the renderer never supplies the URL); it is checked
 * again here: https only, or http to a loopback test endpoint, never with credentials in it.
 */
export async function openVerificationPage(url: string): Promise<void> {
  if (!isSafeVerificationUrl(url)) throw new Error('Refused to open a sign-in page that is not https.');
  // Waived: the URL is the SSO-OIDC service's verification page, checked just above (tested in electron-layer.test.ts).
  await shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
}

/**
 * The only permission the app's own page gets: desktop notifications, which the dashboard shows when
 * an alarm changes state. Every other permission, and any request from another origin, is denied.
 */
export function permissionAllowed(permission: string, requestingUrl: string | undefined, devServerUrl?: string): boolean {
  return permission === 'notifications' && requestingUrl !== undefined && isAppUrl(requestingUrl, devServerUrl);
}

/**
 * App-wide hardening: deny every permission request but the app's own notifications, keep navigation inside the app, deny new
 * windows (https links the app builds to known documentation hosts open in the user's browser),
 * and refuse <webview> attachment.
 */
export function applySecurityPolicies(devServerUrl?: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl ?? wc.getURL(), devServerUrl)),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, devServerUrl));
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Waived: only https links to the documentation and console hosts the app itself links to
      // reach openExternal (isAllowedExternalUrl parses with new URL; tested in electron-layer.test.ts).
      if (isAllowedExternalUrl(url)) void shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
      return { action: 'deny' };
    });
  });
}
