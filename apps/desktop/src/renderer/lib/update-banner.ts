import type { UpdateUiState } from '../state/update';

/** Content of the update banner; null shows no banner. */
export type UpdateBannerModel =
  | { kind: 'available'; version: string }
  | { kind: 'downloading'; version: string; percent: number; transferredBytes: number; totalBytes: number }
  | { kind: 'ready'; version: string; installing: boolean }
  | { kind: 'error' };

/**
 * Chooses the banner for the update state. Nothing shows while idle or checking, after "Depois"
 * for the ready version, or after the user closed the same error.
 */
export function updateBannerModel(ui: UpdateUiState): UpdateBannerModel | null {
  if (ui.installError !== null) {
    return { kind: 'error' };
  }
  const { update } = ui;
  switch (update.status) {
    case 'idle':
    case 'checking':
      return null;
    case 'available':
      return { kind: 'available', version: update.version };
    case 'downloading':
      return {
        kind: 'downloading',
        version: update.version,
        // Rounded down, so 100 % shows only once every byte has arrived.
        percent: Math.floor(update.percent),
        transferredBytes: update.transferredBytes,
        totalBytes: update.totalBytes,
      };
    case 'ready':
      return ui.postponedVersion === update.version ? null : { kind: 'ready', version: update.version, installing: ui.installing };
    case 'error':
      return ui.dismissedError === update.message ? null : { kind: 'error' };
  }
}

const UNITS = ['B', 'kB', 'MB', 'GB'] as const;

/**
 * Formats a byte count with decimal (SI) units and the language's number format, such as
 * "12,3 MB" in pt-BR and "12.3 MB" in English.
 */
export function formatBytes(bytes: number, language: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const number = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}

/** Formats a whole percentage such as "45%" in the language's format. */
export function formatPercent(percent: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}
