import { useTranslation } from 'react-i18next';

/** A symbol per notification type; the label comes from `notifications.types`. */
const ICONS: Record<string, string> = {
  pix_received: '↓',
  pix_out_confirmed: '↑',
  investment_confirmed: '✓',
  investment_rejected: '✕',
  loan_status_changed: '⟳',
  chat_message: '✉',
  suspicious_login: '⚠',
  loan_match: '★',
  daily_digest: '☰',
};

/** Shows the icon of a notification type, with its name for screen readers and as a tooltip. */
export function NotificationIcon({ type }: { type: string }) {
  const { t } = useTranslation();
  const label = t(`notifications.types.${type}`, { defaultValue: type });
  return (
    <span className={`notification-icon notification-icon--${type}`} role="img" aria-label={label} title={label}>
      {ICONS[type] ?? '•'}
    </span>
  );
}
