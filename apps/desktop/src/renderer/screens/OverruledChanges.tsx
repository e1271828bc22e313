import { formatBRL, formatDateTimeSaoPaulo } from '@lastro/domain';
import { useTranslation } from 'react-i18next';
import type { OverruledChange } from '../engine/client';
import { MONEY_FIELDS, overruledFields } from '../lib/overruled';
import { routeHash } from '../lib/routes';
import { useLiveStore } from '../state/live-store';
import { dismissOverruled } from '../state/operations';

const SYNC_PANEL_ID = 'sync-panel';
const KNOWN_COLLECTIONS = new Set(['preferences', 'commands']);
const KNOWN_FIELDS = new Set(['language', 'defaultInvestAmount', 'status', 'amount', 'reason']);
const KNOWN_REASONS = new Set(['server_version_newer', 'command_id_taken']);

function useValueFormatter(): (field: string, value: unknown) => string {
  const { t } = useTranslation();
  return (field, value) => {
    if (value === undefined || value === null) {
      return '—';
    }
    if (MONEY_FIELDS.has(field) && typeof value === 'number') {
      return formatBRL(value);
    }
    if (field === 'language' && typeof value === 'string') {
      return t(`language.${value}`, { defaultValue: value });
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
}

function OverruledItem({ change }: { change: OverruledChange }) {
  const { t, i18n } = useTranslation();
  const formatValue = useValueFormatter();
  const differences = overruledFields(change.local, change.server);
  const collection = KNOWN_COLLECTIONS.has(change.collection) ? change.collection : 'other';
  const reason = String(change.reason);

  return (
    <li className="overruled__item" data-testid="overruled-change" data-collection={change.collection} data-id={change.id}>
      <div className="overruled__head">
        <strong>{t(`overruled.collections.${collection}`)}</strong>
        <span className="muted">{formatDateTimeSaoPaulo(change.at, i18n.language)}</span>
        <button type="button" className="button button--small" data-testid="overruled-dismiss" onClick={() => dismissOverruled(change.key)}>
          {t('overruled.dismiss')}
        </button>
      </div>
      <table className="table overruled__table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('overruled.yours')}</th>
            <th scope="col">{t('overruled.kept')}</th>
          </tr>
        </thead>
        <tbody>
          {differences.map((difference) => (
            <tr key={difference.field}>
              <th scope="row">{KNOWN_FIELDS.has(difference.field) ? t(`overruled.fields.${difference.field}`) : difference.field}</th>
              <td data-testid="overruled-local">{formatValue(difference.field, difference.local)}</td>
              <td data-testid="overruled-server">{formatValue(difference.field, difference.server)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t('overruled.why')}: {KNOWN_REASONS.has(reason) ? t(`overruled.reasons.${reason}`) : t('overruled.reasons.other', { reason })}
      </p>
    </li>
  );
}

/** The "Sincronização" panel: every local change the server overruled, until the user dismisses it. */
export function OverruledChanges() {
  const { t } = useTranslation();
  const overruled = useLiveStore((state) => state.overruled);

  return (
    <section className="panel overruled" id={SYNC_PANEL_ID} aria-labelledby="overruled-title" data-testid="overruled-panel" data-count={overruled.length}>
      <h2 id="overruled-title" className="panel__title">{t('overruled.title')}</h2>
      {overruled.length === 0 ? (
        <p className="muted">{t('overruled.empty')}</p>
      ) : (
        <ul className="overruled__list">
          {overruled.map((change) => (
            <OverruledItem key={change.key} change={change} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Scrolls to the "Sincronização" panel once the dashboard, where it lives, has rendered. */
function showSyncPanel(): void {
  window.setTimeout(() => document.getElementById(SYNC_PANEL_ID)?.scrollIntoView({ block: 'start' }), 0);
}

/** Banner shown on every screen while overruled changes are waiting to be read. */
export function OverruledNotice() {
  const { t } = useTranslation();
  const count = useLiveStore((state) => state.overruled.length);
  if (count === 0) {
    return null;
  }
  return (
    <p className="overruled-notice" role="status" data-testid="overruled-notice">
      {t('overruled.notice', { count })}{' '}
      <a href={routeHash({ name: 'dashboard' })} onClick={showSyncPanel}>
        {t('overruled.show')}
      </a>
    </p>
  );
}
