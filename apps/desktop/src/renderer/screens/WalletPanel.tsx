import { formatBRL } from '@lastro/domain';
import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../state/live-store';

export function WalletPanel({ onDeposit }: { onDeposit: () => void }) {
  const { t } = useTranslation();
  const wallet = useLiveStore((state) => state.wallet);

  return (
    <section className="panel wallet" aria-labelledby="wallet-title">
      <h2 id="wallet-title" className="panel__title">{t('wallet.title')}</h2>
      {wallet === null ? (
        <p className="muted">{t('wallet.loading')}</p>
      ) : (
        <div className="wallet__balances">
          <div>
            <div className="label">{t('wallet.available')}</div>
            <div className="wallet__balance" data-testid="wallet-balance">{formatBRL(wallet.available)}</div>
          </div>
          {wallet.blocked !== 0 && (
            <div>
              <div className="label">{t('wallet.blocked')}</div>
              <div className="wallet__blocked" data-testid="wallet-blocked">{formatBRL(wallet.blocked)}</div>
            </div>
          )}
        </div>
      )}
      <button type="button" className="button button--primary" data-testid="deposit-open" onClick={onDeposit}>
        {t('wallet.deposit')}
      </button>
    </section>
  );
}
