import type { SupportLoanNotesEntry } from '@lastro/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSupportTime, supportErrorKey } from '../../lib/support';
import { supportApi } from '../support/support-client';

/** The organisation whose notes a support user reads. */
export interface ChosenOrganisation {
  id: string;
  name: string;
}

type Listing = { kind: 'loading' } | { kind: 'failed'; key: string } | { kind: 'loaded'; notes: SupportLoanNotesEntry[] };

/**
 * Lists the organisations with shared notes on a loan, last changed first, so a support user
 * picks whose notes to read.
 */
export function OrganisationPicker({ loanId, onChoose }: { loanId: string; onChoose: (organisation: ChosenOrganisation) => void }) {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setListing({ kind: 'loading' });
      try {
        const notes = await supportApi().listLoanNotes(loanId);
        if (isCurrent()) setListing({ kind: 'loaded', notes });
      } catch (error) {
        if (isCurrent()) setListing({ kind: 'failed', key: supportErrorKey(error) });
      }
    },
    [loanId],
  );

  useEffect(() => {
    let current = true;
    void load(() => current);
    return () => {
      current = false;
    };
  }, [load]);

  return (
    <section className="notes__organisation" aria-labelledby="notes-organisations-title" data-testid="notes-organisations">
      <h3 id="notes-organisations-title" className="notes__organisations-title">{t('collab.support.listTitle')}</h3>
      {listing.kind === 'loaded' && listing.notes.length > 0 && <p className="muted">{t('collab.support.listHint')}</p>}
      {listing.kind === 'loading' && (
        <p className="muted" role="status" aria-busy="true" data-testid="notes-organisations-loading">{t('collab.support.loading')}</p>
      )}
      {listing.kind === 'failed' && (
        <div className="notes__organisations-failed">
          <p className="form-error" role="alert" data-testid="notes-organisations-error">
            {t('collab.support.loadFailed')} {t(listing.key)}
          </p>
          <button type="button" className="button button--small" data-testid="notes-organisations-retry" onClick={() => void load(() => true)}>
            {t('collab.support.retry')}
          </button>
        </div>
      )}
      {listing.kind === 'loaded' && listing.notes.length === 0 && (
        <p className="muted" data-testid="notes-organisations-empty">{t('collab.support.empty')}</p>
      )}
      {listing.kind === 'loaded' && listing.notes.length > 0 && (
        <ul className="notes__organisations">
          {listing.notes.map((entry) => (
            <li key={entry.organisationId} className="notes__organisations-item" data-testid="notes-organisation-item" data-organisation-id={entry.organisationId}>
              <span className="notes__organisations-name">{entry.organisationName}</span>
              <span className="muted notes__organisations-time">
                {t('collab.support.updatedAt', { time: formatSupportTime(entry.updatedAt, i18n.language) })}
              </span>
              <button
                type="button"
                className="button button--primary button--small"
                data-testid="notes-organisation-open"
                aria-label={t('collab.support.openNamed', { organisationName: entry.organisationName })}
                onClick={() => onChoose({ id: entry.organisationId, name: entry.organisationName })}
              >
                {t('collab.support.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
