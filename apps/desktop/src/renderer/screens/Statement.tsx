import { formatBRL, formatDateTimeSaoPaulo } from '@lastro/domain';
import { useTranslation } from 'react-i18next';
import { amountTone, ledgerKindKey } from '../lib/ledger';
import { useLiveStore } from '../state/live-store';

/** Lists the user's ledger entries, newest first as the engine orders them. */
export function Statement() {
  const { t, i18n } = useTranslation();
  const entries = useLiveStore((state) => state.ledgerEntries);

  return (
    <section className="panel statement" aria-labelledby="statement-title">
      <h2 id="statement-title" className="panel__title">{t('ledger.title')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('ledger.empty')}</p>
      ) : (
        <div className="statement__scroll">
          <table className="table" data-testid="statement">
            <thead>
              <tr>
                <th scope="col" className="statement__date">{t('ledger.date')}</th>
                <th scope="col" className="statement__description">{t('ledger.description')}</th>
                <th scope="col" className="statement__bucket">{t('ledger.bucket')}</th>
                <th scope="col" className="num amount">{t('ledger.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="statement-row" data-kind={entry.kind}>
                  <td className="statement__date">{formatDateTimeSaoPaulo(entry.createdAt, i18n.language)}</td>
                  <td className="statement__description">
                    {t(ledgerKindKey(entry.kind))}
                    <span className="statement__bucket-note muted">{t(`ledger.buckets.${entry.bucket}`)}</span>
                  </td>
                  <td className="statement__bucket">{t(`ledger.buckets.${entry.bucket}`)}</td>
                  <td className={`num amount amount--${amountTone(entry.amount)}`} data-testid="statement-amount">
                    {entry.amount > 0 ? '+' : ''}
                    {formatBRL(entry.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
