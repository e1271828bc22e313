import type { SupportAuditRecord, SupportExportFormat, SupportUser } from '@lastro/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  auditSearchFailure,
  checkAuditPeriod,
  downloadTextFile,
  errorMessage,
  formatSupportTime,
  supportErrorKey,
  type SupportText,
} from '../../lib/support';
import { supportApi } from './support-client';

/** Records per page of the results table. */
const PAGE_SIZE = 50;

interface Filters {
  user: string;
  room: string;
  from: string;
  to: string;
  text: string;
}

const EMPTY_FILTERS: Filters = { user: '', room: '', from: '', to: '', text: '' };

interface Failure extends SupportText {
  /** The server's own message, shown next to the translated one for an invalid filter. */
  detail?: string;
}

function describeUser(id: string | null, users: Record<string, SupportUser>): string {
  if (id === null) return '';
  const user = users[id];
  return user === undefined ? id : `${user.name} (${user.email})`;
}

/** The audit search form, its results table, and the export of the same period as CSV or JSON Lines. */
export function AuditSearch() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  /** The filters of the shown results, so "load more" continues the same search after the form changed. */
  const [searched, setSearched] = useState<Filters>(EMPTY_FILTERS);
  const [records, setRecords] = useState<SupportAuditRecord[] | null>(null);
  const [users, setUsers] = useState<Record<string, SupportUser>>({});
  const [nextBeforeSeq, setNextBeforeSeq] = useState<number | null>(null);
  const [searching, setSearching] = useState(false);
  const [exporting, setExporting] = useState<SupportExportFormat | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [exported, setExported] = useState<{ fileName: string; records: number } | null>(null);

  const field = (name: keyof Filters) => ({
    value: filters[name],
    onChange: (event: { target: { value: string } }) => setFilters({ ...filters, [name]: event.target.value }),
  });

  async function search(beforeSeq?: number): Promise<void> {
    const source = beforeSeq === undefined ? filters : searched;
    setExported(null);
    const period = checkAuditPeriod(source.from, source.to, i18n.language);
    if ('error' in period) {
      setFailure(period.error);
      return;
    }
    setSearching(true);
    setFailure(null);
    try {
      const page = await supportApi().searchAudit({
        user: source.user,
        room: source.room,
        text: source.text,
        ...period,
        limit: PAGE_SIZE,
        ...(beforeSeq === undefined ? {} : { beforeSeq }),
      });
      setRecords((current) => (beforeSeq === undefined || current === null ? page.records : [...current, ...page.records]));
      setUsers((current) => (beforeSeq === undefined ? page.users : { ...current, ...page.users }));
      setNextBeforeSeq(page.nextBeforeSeq);
      setSearched(source);
    } catch (error) {
      // A failed new search leaves no results on screen that could pass for its own.
      if (beforeSeq === undefined) setRecords(null);
      setFailure({ ...auditSearchFailure(error, source.user), detail: errorMessage(error) });
    } finally {
      setSearching(false);
    }
  }

  async function exportFile(format: SupportExportFormat): Promise<void> {
    setExported(null);
    const period = checkAuditPeriod(filters.from, filters.to, i18n.language);
    if ('error' in period) {
      setFailure(period.error);
      return;
    }
    setExporting(format);
    setFailure(null);
    try {
      const file = await supportApi().exportAudit({ format, ...period });
      downloadTextFile(file);
      setExported({ fileName: file.fileName, records: file.records });
    } catch (error) {
      setFailure({ key: supportErrorKey(error), detail: errorMessage(error) });
    } finally {
      setExporting(null);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void search();
  }

  return (
    <section className="panel support__audit" aria-labelledby="support-audit-title">
      <h2 id="support-audit-title" className="panel__title">{t('supportConsole.search.title')}</h2>
      <form className="support__form" data-testid="audit-search-form" onSubmit={submit} noValidate>
        <label className="field">
          <span>{t('supportConsole.search.user')}</span>
          <input
            data-testid="audit-user"
            placeholder={t('supportConsole.search.userPlaceholder')}
            title={t('supportConsole.search.userHint')}
            {...field('user')}
          />
        </label>
        <label className="field">
          <span>{t('supportConsole.search.room')}</span>
          <input data-testid="audit-room" placeholder="chat:emp-00008:…" {...field('room')} />
        </label>
        <label className="field">
          <span>{t('supportConsole.search.from')}</span>
          <input type="datetime-local" step="1" data-testid="audit-from" {...field('from')} />
        </label>
        <label className="field">
          <span>{t('supportConsole.search.to')}</span>
          <input type="datetime-local" step="1" data-testid="audit-to" {...field('to')} />
        </label>
        <label className="field support__form-text">
          <span>{t('supportConsole.search.text')}</span>
          <input data-testid="audit-text" placeholder={t('supportConsole.search.textPlaceholder')} {...field('text')} />
        </label>
        <div className="support__form-actions">
          <button type="submit" className="button button--primary" data-testid="audit-submit" disabled={searching}>
            {t('supportConsole.search.submit')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setFilters(EMPTY_FILTERS);
              setFailure(null);
              setExported(null);
            }}
          >
            {t('supportConsole.search.clear')}
          </button>
          <span className="support__export">
            <span className="muted">{t('supportConsole.export.label')}</span>
            <button type="button" className="button button--small" data-testid="export-csv" disabled={exporting !== null} onClick={() => void exportFile('csv')}>
              CSV
            </button>
            <button type="button" className="button button--small" data-testid="export-json" disabled={exporting !== null} onClick={() => void exportFile('json')}>
              JSON
            </button>
          </span>
        </div>
        <p className="muted support__hint">
          {t('supportConsole.search.userHint')} {t('supportConsole.search.periodHint')}
        </p>
      </form>
      {failure !== null && (
        <p className="form-error" role="alert" data-testid="audit-error">
          {t(failure.key, failure.values ?? {})}
          {failure.detail !== undefined && failure.key === 'supportConsole.errors.invalidRequest' && <span className="muted"> ({failure.detail})</span>}
        </p>
      )}
      {exported !== null && (
        <p className="support__ok" role="status" data-testid="export-done">
          {t('supportConsole.export.done', { fileName: exported.fileName, count: exported.records })}
        </p>
      )}
      {records !== null &&
        (records.length === 0 ? (
          <p className="muted" data-testid="audit-empty">{t('supportConsole.search.empty')}</p>
        ) : (
          <div className="support__results">
            <table className="table support__table" data-testid="audit-results">
              <thead>
                <tr>
                  <th scope="col" className="num">#</th>
                  <th scope="col">{t('supportConsole.search.columns.time')}</th>
                  <th scope="col">{t('supportConsole.search.columns.user')}</th>
                  <th scope="col">{t('supportConsole.search.columns.room')}</th>
                  <th scope="col">{t('supportConsole.search.columns.decision')}</th>
                  <th scope="col">{t('supportConsole.search.columns.text')}</th>
                </tr>
              </thead>
              <tbody>
                {records.map((record) => (
                  <tr key={record.seq} data-testid="audit-row" data-seq={record.seq} data-decision={record.decision} data-message-id={record.messageId}>
                    <td className="num">{record.seq}</td>
                    <td className="nowrap">
                      <time dateTime={record.recordedAt} title={record.recordedAt}>{formatSupportTime(record.recordedAt, i18n.language)}</time>
                    </td>
                    <td>{describeUser(record.userId, users)}</td>
                    <td className="mono support__room">{record.roomId}</td>
                    <td>
                      <span className={`support__decision support__decision--${record.decision}`}>{t(`supportConsole.decisions.${record.decision}`)}</span>
                      {record.reason !== null && record.reason !== record.decision && (
                        <span className="muted support__reason"> {t(`supportConsole.reasons.${record.reason}`, { defaultValue: record.reason })}</span>
                      )}
                      {record.actorId !== null && (
                        <span className="muted support__reason"> {t('supportConsole.search.by', { name: describeUser(record.actorId, users) })}</span>
                      )}
                    </td>
                    <td className="support__text">{record.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {nextBeforeSeq !== null && (
              <button type="button" className="button button--ghost" data-testid="audit-more" disabled={searching} onClick={() => void search(nextBeforeSeq)}>
                {t('supportConsole.search.more')}
              </button>
            )}
          </div>
        ))}
    </section>
  );
}
