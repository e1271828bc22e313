import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSessionStore } from '../../state/session';
import { colourForUser, peersOf, type Peer } from './presence';
import { chatPresenceRoom } from './rooms';
import { useAwarenessStates, useCollabRoom } from './use-collab-room';

/** Time without keystrokes after which the user no longer counts as typing, in milliseconds. */
export const TYPING_IDLE_MS = 3000;

/** Callbacks a composer calls, and the other members of the conversation who are typing. */
export interface TypingPresence {
  /** Marks the user as typing until {@link TYPING_IDLE_MS} pass without another call. */
  keystroke(): void;
  /** Clears the typing mark at once, after sending or leaving the field. */
  stop(): void;
  /** Other members of the conversation who are typing now. */
  typingPeers: Peer[];
}

/**
 * Joins the presence room of the chat room of `investorId` on `loanId` while the conversation
 * is open. The room carries awareness only, never document content. Only changes of the typing
 * mark are published, not every keystroke.
 */
export function useTypingPresence(loanId: string, investorId: string): TypingPresence {
  const user = useSessionStore((state) => state.user);
  const request = useMemo(() => ({ room: chatPresenceRoom(loanId, investorId), persist: false }), [loanId, investorId]);
  const { connection } = useCollabRoom(request);
  const awareness = connection?.awareness;
  const states = useAwarenessStates(awareness);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typing = useRef(false);

  useEffect(() => {
    if (awareness === undefined || user === null) return;
    typing.current = false;
    awareness.setLocalState({ user: { id: user.id, name: user.name, colour: colourForUser(user.id) }, typing: false });
  }, [awareness, user]);

  const stop = useCallback((): void => {
    if (idleTimer.current !== undefined) {
      clearTimeout(idleTimer.current);
      idleTimer.current = undefined;
    }
    if (typing.current) {
      typing.current = false;
      awareness?.setLocalStateField('typing', false);
    }
  }, [awareness]);

  const keystroke = useCallback((): void => {
    if (!typing.current) {
      typing.current = true;
      awareness?.setLocalStateField('typing', true);
    }
    if (idleTimer.current !== undefined) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stop, TYPING_IDLE_MS);
  }, [awareness, stop]);

  useEffect(() => stop, [stop]);

  const typingPeers = user === null ? [] : peersOf(states, user.id).filter((peer) => peer.typing);
  return { keystroke, stop, typingPeers };
}
