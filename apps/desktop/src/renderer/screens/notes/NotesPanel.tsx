import { useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { CollabConnection, CollabSnapshot, CollabStatus } from '../../lib/collab/connection';
import { OrganisationPicker, type ChosenOrganisation } from './OrganisationPicker';
import { useTextBinding } from './use-text-binding';

/** Name of the shared text in a notes document, fixed by the server. */
export const NOTES_TEXT_NAME = 'notes';

function statusKey(status: CollabStatus): string {
  return `collab.status.${status.kind}`;
}

/** Shows the connection state of the notes, with the reason when the server refused them. */
function NotesStatus({ status, readOnly }: { status: CollabStatus; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notes__status-line">
      <span className={`notes__status notes__status--${status.kind}`} data-testid="notes-status" data-status={status.kind}>
        {t(statusKey(status))}
      </span>
      {status.kind === 'offline' && !readOnly && (
        <span className="muted notes__hint" data-testid="notes-offline-hint">{t('collab.status.offlineHint')}</span>
      )}
      {status.kind === 'refused' && (
        <span className="form-error notes__hint" role="alert" data-testid="notes-refused" data-reason={status.reason}>
          {t(`collab.refused.${status.reason}`)}
        </span>
      )}
    </div>
  );
}

/** Length of a Y.Text, re-read on every change, so the editor can wait for content. */
function useTextLength(text: Y.Text | undefined): number {
  return useSyncExternalStore(
    (listener) => {
      if (text === undefined) return () => undefined;
      text.observe(listener);
      return () => text.unobserve(listener);
    },
    () => text?.length ?? 0,
  );
}

/** Shows the shared notes text in a plain textarea, bound to the document's `Y.Text`. */
function NotesEditor({ connection, snapshot, readOnly }: { connection: CollabConnection; snapshot: CollabSnapshot; readOnly: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const text = connection.doc.getText(NOTES_TEXT_NAME);
  const length = useTextLength(text);
  // On a first visit the offline copy is empty, so wait for the server's document instead of
  // showing an empty editor that fills a moment later.
  const kind = snapshot.status.kind;
  const ready = kind === 'online' || (snapshot.localLoaded && (length > 0 || kind === 'offline' || kind === 'refused'));
  useTextBinding(ref, ready ? text : undefined, readOnly);

  return (
    <>
      {!ready && (
        <p className="muted" role="status" aria-busy="true" data-testid="notes-loading">{t('collab.notes.loading')}</p>
      )}
      <label className="notes__label" htmlFor="loan-notes-text" hidden={!ready}>{t(readOnly ? 'collab.notes.labelReadOnly' : 'collab.notes.label')}</label>
      <textarea
        ref={ref}
        id="loan-notes-text"
        className="notes__text"
        data-testid="notes-text"
        hidden={!ready}
        readOnly={readOnly}
        aria-readonly={readOnly}
        spellCheck
        rows={14}
      />
    </>
  );
}

export interface NotesPanelProps {
  loanId: string;
  connection: CollabConnection | null;
  snapshot: CollabSnapshot;
  /** Support users read the notes of one organisation and cannot edit them. */
  support: { organisation: ChosenOrganisation | undefined; choose: (organisation: ChosenOrganisation | undefined) => void } | undefined;
}

/**
 * Shows the Notes tab of a loan: the organisation's shared due diligence notes, with the connection
 * state. Investors edit them; support users first pick the organisation, then read only.
 */
export function NotesPanel({ loanId, connection, snapshot, support }: NotesPanelProps) {
  const { t } = useTranslation();
  const readOnly = support !== undefined;

  if (support !== undefined && support.organisation === undefined) {
    return <OrganisationPicker loanId={loanId} onChoose={support.choose} />;
  }
  return (
    <div className="notes" data-testid="notes-panel" data-read-only={readOnly}>
      {support?.organisation !== undefined && (
        <p className="notes__organisation-line muted">
          <span data-testid="notes-organisation" data-organisation-id={support.organisation.id}>
            {t('collab.support.showing', { organisationName: support.organisation.name })}
          </span>
          <button type="button" className="button button--ghost button--small" onClick={() => support.choose(undefined)} data-testid="notes-organisation-change">
            {t('collab.support.change')}
          </button>
        </p>
      )}
      {readOnly && <p className="notes__read-only" data-testid="notes-read-only">{t('collab.notes.readOnly')}</p>}
      <NotesStatus status={snapshot.status} readOnly={readOnly} />
      {connection !== null && <NotesEditor key={connection.doc.guid} connection={connection} snapshot={snapshot} readOnly={readOnly} />}
    </div>
  );
}
