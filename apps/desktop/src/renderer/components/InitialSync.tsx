import type { CollectionName } from '@lastro/protocol';
import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../state/live-store';

const COLLECTION_ORDER: CollectionName[] = ['wallets', 'ledgerEntries', 'loans'];

/** First-login progress: which collections have received data, until the initial sync is done. */
export function InitialSync() {
  const { t } = useTranslation();
  const collections = useLiveStore((state) => state.sync.collections);
  const received = COLLECTION_ORDER.filter((name) => collections[name].checkpointSeq !== null).length;

  return (
    <section className="initial-sync" data-testid="initial-sync" aria-busy="true">
      <h2>{t('sync.title')}</h2>
      <progress max={COLLECTION_ORDER.length} value={received} />
      <ul className="initial-sync__list">
        {COLLECTION_ORDER.map((name) => (
          <li key={name}>
            {t(`sync.collections.${name}`)}:{' '}
            {collections[name].checkpointSeq === null ? t('sync.pending') : t('sync.received')}
          </li>
        ))}
      </ul>
    </section>
  );
}
