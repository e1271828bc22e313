import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { colourForUser, peersOf } from '../../lib/collab/presence';
import { notesRoom } from '../../lib/collab/rooms';
import { useAwarenessStates, useCollabRoom, type CollabRoomRequest } from '../../lib/collab/use-collab-room';
import { useSessionStore } from '../../state/session';
import { NotesPanel } from './NotesPanel';
import type { ChosenOrganisation } from './OrganisationPicker';
import { PresenceAvatars } from './PresenceAvatars';
import './notes.css';

type LoanTab = 'details' | 'notes';
const TABS: readonly LoanTab[] = ['details', 'notes'];

/**
 * Shows the "Detalhes" and "Notas" tabs of a loan, for investors and support users. The notes room
 * stays open on both tabs, so colleagues see each other while they look at the same loan, and
 * the avatars of those colleagues show above the tabs.
 */
export function LoanTabs({ loanId, details }: { loanId: string; details: ReactNode }) {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const [tab, setTab] = useState<LoanTab>('details');
  const [organisation, setOrganisation] = useState<ChosenOrganisation | undefined>(undefined);
  const tabRefs = useRef<Record<LoanTab, HTMLButtonElement | null>>({ details: null, notes: null });
  const isSupport = user?.role === 'support';

  const request = useMemo<CollabRoomRequest | null>(() => {
    if (isSupport && organisation === undefined) return null;
    return { room: notesRoom(loanId), persist: true, ...(isSupport && organisation !== undefined ? { organisationId: organisation.id } : {}) };
  }, [loanId, isSupport, organisation]);
  const { connection, snapshot } = useCollabRoom(request);
  const states = useAwarenessStates(connection?.awareness);

  // Investors announce themselves to colleagues; support users read without showing up.
  useEffect(() => {
    if (connection === null || user === null) return;
    if (isSupport) {
      connection.awareness.setLocalState(null);
      return;
    }
    connection.awareness.setLocalStateField('user', { id: user.id, name: user.name, colour: colourForUser(user.id) });
  }, [connection, user, isSupport]);

  if (user === null) return null;
  const peers = isSupport ? [] : peersOf(states, user.id);

  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? 'details';
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <>
      <PresenceAvatars peers={peers} />
      <div className="loan-tabs" role="tablist" aria-label={t('collab.tabs.label')}>
        {TABS.map((candidate) => (
          <button
            key={candidate}
            ref={(element) => {
              tabRefs.current[candidate] = element;
            }}
            type="button"
            role="tab"
            id={`loan-tab-${candidate}`}
            className="loan-tabs__tab"
            aria-selected={tab === candidate}
            aria-controls={`loan-tabpanel-${candidate}`}
            tabIndex={tab === candidate ? 0 : -1}
            data-testid={`loan-tab-${candidate}`}
            onClick={() => setTab(candidate)}
            onKeyDown={onTabKeyDown}
          >
            {t(`collab.tabs.${candidate}`)}
          </button>
        ))}
      </div>
      <div className="loan-tabpanel" role="tabpanel" id="loan-tabpanel-details" aria-labelledby="loan-tab-details" hidden={tab !== 'details'}>
        {details}
      </div>
      <div className="loan-tabpanel" role="tabpanel" id="loan-tabpanel-notes" aria-labelledby="loan-tab-notes" hidden={tab !== 'notes'}>
        <NotesPanel
          loanId={loanId}
          connection={connection}
          snapshot={snapshot}
          support={isSupport ? { organisation, choose: setOrganisation } : undefined}
        />
      </div>
    </>
  );
}
