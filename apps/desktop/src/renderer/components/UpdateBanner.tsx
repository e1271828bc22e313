import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatPercent, updateBannerModel } from '../lib/update-banner';
import { desktopUpdates } from '../platform/updates';
import { useSessionStore } from '../state/session';
import {
  dismissUpdateError,
  followUpdates,
  installUpdate,
  postponeUpdate,
  useUpdateStore,
  type UpdateUiState,
} from '../state/update';
import './update-banner.css';

/**
 * Shows the desktop app's automatic update banner: an available update, its download progress and,
 * once downloaded, the restart prompt. Nothing restarts until the user chooses "Reiniciar agora".
 * The web terminal has no updater, so the banner never shows there.
 */
export function UpdateBanner() {
  const bridge = useSessionStore((state) => state.platform?.bridge);
  const desktop = useMemo(() => desktopUpdates(bridge), [bridge]);
  const ui = useUpdateStore();

  useEffect(() => {
    if (desktop === null) return undefined;
    return followUpdates(desktop);
  }, [desktop]);

  if (desktop === null) return null;
  return (
    <UpdateBannerView
      ui={ui}
      onInstall={() => void installUpdate(desktop)}
      onPostpone={postponeUpdate}
      onDismissError={dismissUpdateError}
    />
  );
}

export interface UpdateBannerViewProps {
  ui: UpdateUiState;
  /** Runs on "Reiniciar agora". */
  onInstall(): void;
  /** Runs on "Depois". */
  onPostpone(): void;
  /** Runs on "Fechar" under an error. */
  onDismissError(): void;
}

/** Renders the banner for an update state. */
export function UpdateBannerView({ ui, onInstall, onPostpone, onDismissError }: UpdateBannerViewProps) {
  const { t, i18n } = useTranslation();
  const model = updateBannerModel(ui);
  if (model === null) return null;

  switch (model.kind) {
    case 'available':
      return (
        <div className="update-banner" role="status" data-testid="update-banner" data-update-state="available">
          {t('update.available', { version: model.version })}
        </div>
      );
    case 'downloading':
      return (
        <div className="update-banner" role="status" data-testid="update-banner" data-update-state="downloading">
          <span>
            {t('update.downloading', {
              version: model.version,
              percent: formatPercent(model.percent, i18n.language),
              transferred: formatBytes(model.transferredBytes, i18n.language),
              total: formatBytes(model.totalBytes, i18n.language),
            })}
          </span>
          <progress
            className="update-banner__progress"
            max={100}
            value={model.percent}
            aria-label={t('update.progressLabel')}
            data-testid="update-progress"
          />
        </div>
      );
    case 'ready':
      return (
        <div className="update-banner update-banner--ready" role="alert" data-testid="update-banner" data-update-state="ready">
          <strong>{t('update.ready', { version: model.version })}</strong>
          <span className="update-banner__actions">
            <button
              type="button"
              className="button button--small"
              data-testid="update-restart"
              disabled={model.installing}
              onClick={onInstall}
            >
              {model.installing ? t('update.restarting') : t('update.restartNow')}
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              data-testid="update-later"
              disabled={model.installing}
              onClick={onPostpone}
            >
              {t('update.later')}
            </button>
          </span>
          <span className="update-banner__hint">{t('update.readyHint')}</span>
        </div>
      );
    case 'error':
      return (
        <div className="update-banner update-banner--error" role="status" data-testid="update-banner" data-update-state="error">
          <span>{t('update.error')}</span>
          <button type="button" className="button button--small button--ghost" data-testid="update-close" onClick={onDismissError}>
            {t('update.close')}
          </button>
        </div>
      );
  }
}
