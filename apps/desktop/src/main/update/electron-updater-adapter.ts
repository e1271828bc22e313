import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import electronUpdater from 'electron-updater';
import type { Logger } from '../notifications/logger';
import { resolveUpdateFeed, UPDATE_URL_VARIABLE } from './update-config';
import { UpdateController } from './update-controller';
import { UPDATER_EVENT_TYPES, type UpdateState } from './update-state';

/** Time between two update checks while the app runs; the first check starts with the app. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface AutoUpdateOptions {
  isPackaged: boolean;
  /** `process.resourcesPath`, where electron-builder puts app-update.yml. */
  resourcesPath: string;
  environment: NodeJS.ProcessEnv;
  /** electron-log's logger; electron-updater logs its own steps to it as well. */
  log: Logger;
  publish(state: UpdateState): void;
  prepareQuit(): void;
  cancelQuit(): void;
}

function readPackagedConfig(resourcesPath: string): string | undefined {
  try {
    return readFileSync(join(resourcesPath, 'app-update.yml'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/**
 * Connects electron-updater's `autoUpdater` to an UpdateController and starts the periodic
 * checks. Returns a controller that stays idle when updates are off, after logging why.
 */
export function startAutoUpdates(options: AutoUpdateOptions): UpdateController {
  const { log } = options;
  const feed = resolveUpdateFeed({
    isPackaged: options.isPackaged,
    environmentValue: options.environment[UPDATE_URL_VARIABLE],
    packagedConfig: options.isPackaged ? readPackagedConfig(options.resourcesPath) : undefined,
  });
  const controllerOptions = {
    log,
    publish: options.publish,
    prepareQuit: options.prepareQuit,
    cancelQuit: options.cancelQuit,
  };
  if (!feed.enabled) {
    if (feed.invalid) {
      log.error(feed.reason);
    } else {
      log.info(feed.reason);
    }
    return new UpdateController({ ...controllerOptions, updater: null });
  }

  // electron-updater is CommonJS; its `autoUpdater` getter creates the platform's updater on first use.
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = log;
  autoUpdater.autoDownload = true;
  // "Depois" leaves the downloaded update to be installed when the user quits the app.
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  log.info('automatic updates are on', { url: feed.url, source: feed.source });

  const controller = new UpdateController({
    ...controllerOptions,
    updater: {
      checkForUpdates: () => autoUpdater.checkForUpdates(),
      quitAndInstall: () => autoUpdater.quitAndInstall(),
    },
  });
  for (const type of UPDATER_EVENT_TYPES) {
    autoUpdater.on(type, (payload: unknown) => controller.handleEvent(type, payload));
  }
  controller.checkNow();
  setInterval(() => controller.checkNow(), UPDATE_CHECK_INTERVAL_MS).unref();
  return controller;
}
