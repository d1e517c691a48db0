import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from './origin';

/**
 * App-wide hardening: deny every permission request, keep navigation inside the app, deny new
 * windows (https links the app builds to known documentation hosts open in the user's browser),
 * and refuse <webview> attachment.
 */
export function applySecurityPolicies(devServerUrl?: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
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
