import { formatBRL } from '@lastro/domain';
import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../state/live-store';

export function WalletPanel({ onDeposit, onPixOut }: { onDeposit: () => void; onPixOut: () => void }) {
  const { t } = useTranslation();
  const wallet = useLiveStore((state) => state.wallet);
  const balances = useLiveStore((state) => state.balances);
  const pendingCount = balances?.pendingCount ?? 0;

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
          {balances !== null && pendingCount > 0 && (
            <div>
              <div className="label">{t('wallet.projected')}</div>
              <div className="wallet__projected" data-testid="projected-balance">{formatBRL(balances.projectedAvailable)}</div>
              <div className="muted">{t('wallet.projectedHint', { count: pendingCount })}</div>
            </div>
          )}
          <div>
            <div className="label">{t('wallet.invested')}</div>
            <div className="wallet__secondary" data-testid="wallet-invested">{formatBRL(wallet.invested)}</div>
          </div>
          {wallet.blocked !== 0 && (
            <div>
              <div className="label">{t('wallet.blocked')}</div>
              <div className="wallet__blocked" data-testid="wallet-blocked">{formatBRL(wallet.blocked)}</div>
            </div>
          )}
        </div>
      )}
      <div className="wallet__actions">
        <button type="button" className="button button--primary" data-testid="deposit-open" onClick={onDeposit}>
          {t('wallet.deposit')}
        </button>
        <button type="button" className="button" data-testid="pix-out-open" onClick={onPixOut} disabled={wallet === null}>
          {t('wallet.pixOut')}
        </button>
      </div>
    </section>
  );
}
