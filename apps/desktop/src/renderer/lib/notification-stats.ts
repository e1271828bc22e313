import { isPortuguese } from './loans';

/** Formats an open rate from 0 to 1 as a percent with one decimal: "42,5%" in pt-BR, "42.5%" in English. */
export function formatOpenRate(rate: number, language: string): string {
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  return `${isPortuguese(language) ? text.replace('.', ',') : text}%`;
}

/** Formats a median time to open: seconds below a minute, minutes below an hour, then hours; "—" when none opened. */
export function formatSecondsToOpen(seconds: number | null, language: string): string {
  if (seconds === null) return '—';
  const decimal = (value: number): string => {
    const text = (Math.round(value * 10) / 10).toFixed(1);
    return isPortuguese(language) ? text.replace('.', ',') : text;
  };
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${decimal(seconds / 60)} min`;
  return `${decimal(seconds / 3600)} h`;
}
