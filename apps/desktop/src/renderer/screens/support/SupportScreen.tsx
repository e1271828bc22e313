import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../state/session';
import { AuditSearch } from './AuditSearch';
import { ChainVerify } from './ChainVerify';
import { HeldQueue } from './HeldQueue';
import { LoanLookup } from './LoanLookup';
import { NotificationStats } from './NotificationStats';
import './support.css';

/**
 * The support console: the queue of held chat messages to release or reject, a loan lookup,
 * the chat audit search with its export, the audit chain check and the notification statistics. Only users with the role `support` see
 * it; the server enforces the same rule on every call.
 */
export function SupportScreen() {
  const { t } = useTranslation();
  const role = useSessionStore((state) => state.user?.role);
  if (role !== 'support') {
    return (
      <main className="support">
        <p className="panel form-error" role="alert" data-testid="support-forbidden">
          {t('supportConsole.notSupport')}
        </p>
      </main>
    );
  }
  return (
    <main className="support" data-testid="support-console">
      <h1 className="support__title">{t('supportConsole.title')}</h1>
      <div className="support__top">
        <HeldQueue />
        <div className="support__side">
          <LoanLookup />
          <ChainVerify />
        </div>
      </div>
      <AuditSearch />
      <NotificationStats />
    </main>
  );
}
