import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** URL the window loads; IPC senders and navigations are checked against it. */
export function appEntryUrl(options: { rendererDir: string; devServerUrl: string | undefined }): string {
  if (options.devServerUrl !== undefined) {
    return options.devServerUrl;
  }
  // pathToFileURL escapes "#", "?" and "%", which an installation folder may contain.
  return pathToFileURL(join(options.rendererDir, 'index.html')).href;
}
