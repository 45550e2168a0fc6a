/** Session- and webContents-level hardening: no navigation, no popups, no webviews, no network, minimal permissions. */
import type { App, Session } from 'electron';
import { isPermissionAllowed, shouldBlockRequest } from './policy';
import type { Log } from './log';
import { truncateUrl } from './log';

export function hardenSession(ses: Session, log: Log, allowedOrigins: readonly string[] = []): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl);
    if (!allowed) log(`denied permission request "${permission}" from ${truncateUrl(details.requestingUrl ?? '?')}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = shouldBlockRequest(details.url, allowedOrigins);
    if (cancel) log(`blocked ${details.resourceType} request to ${truncateUrl(details.url)}`);
    callback({ cancel });
  });
}

export function hardenAllWebContents(app: App, log: Log): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      log(`blocked navigation to ${truncateUrl(url)}`);
    });
    contents.on('will-redirect', (event, url) => {
      event.preventDefault();
      log(`blocked redirect to ${truncateUrl(url)}`);
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('blocked a <webview>');
    });
    contents.setWindowOpenHandler(({ url }) => {
      log(`blocked window.open(${truncateUrl(url)})`);
      return { action: 'deny' };
    });
  });
}
