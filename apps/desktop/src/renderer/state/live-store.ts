import { COLLECTION_NAMES, type ChatMessageDoc, type NotificationDoc, type CommandDoc, type LedgerEntryDoc, type LoanDoc, type PositionDoc, type PreferencesDoc, type WalletDoc } from '@lastro/protocol';
import { create } from 'zustand';
import type { Balances, ConnectionState, LastroClient, OverruledChange, PendingOperation, SyncState } from '../engine/client';

/** The signed-in user's live data, mirrored from the engine's stores. */
export interface LiveState {
  connection: ConnectionState;
  wallet: WalletDoc | null;
  ledgerEntries: LedgerEntryDoc[];
  loans: LoanDoc[];
  sync: SyncState;
  balances: Balances;
  pendingOperations: PendingOperation[];
  commands: CommandDoc[];
  positions: PositionDoc[];
  preferences: PreferencesDoc | null;
  overruled: OverruledChange[];
  /** Chat messages the user can see, oldest first. */
  chatMessages: ChatMessageDoc[];
  /** The user's notifications, newest first. */
  notifications: NotificationDoc[];
}

function initialLiveState(): LiveState {
  return {
    connection: { status: 'idle' },
    wallet: null,
    ledgerEntries: [],
    loans: [],
    sync: {
      initialSyncDone: false,
      catchingUp: false,
      collections: Object.fromEntries(COLLECTION_NAMES.map((name) => [name, { checkpointSeq: null }])) as SyncState['collections'],
    },
    balances: null,
    pendingOperations: [],
    commands: [],
    positions: [],
    preferences: null,
    overruled: [],
    chatMessages: [],
    notifications: [],
  };
}

export const useLiveStore = create<LiveState>(initialLiveState);

/** Copies the client's current values into the live store and follows every change until unbound. */
export function bindLiveStore(client: LastroClient): () => void {
  useLiveStore.setState({
    connection: client.connection.getState(),
    wallet: client.wallet.getState(),
    ledgerEntries: client.ledgerEntries.getState(),
    loans: client.loans.getState(),
    sync: client.sync.getState(),
    balances: client.balances.getState(),
    pendingOperations: client.pendingOperations.getState(),
    commands: client.commands.getState(),
    positions: client.positions.getState(),
    preferences: client.preferences.getState(),
    overruled: client.overruled.getState(),
    chatMessages: client.chatMessages.getState(),
    notifications: client.notifications.getState(),
  });
  const unsubscribers = [
    client.connection.subscribe((connection) => useLiveStore.setState({ connection })),
    client.wallet.subscribe((wallet) => useLiveStore.setState({ wallet })),
    client.chatMessages.subscribe((chatMessages) => useLiveStore.setState({ chatMessages })),
    client.notifications.subscribe((notifications) => useLiveStore.setState({ notifications })),
    client.ledgerEntries.subscribe((ledgerEntries) => useLiveStore.setState({ ledgerEntries })),
    client.loans.subscribe((loans) => useLiveStore.setState({ loans })),
    client.sync.subscribe((sync) => useLiveStore.setState({ sync })),
    client.balances.subscribe((balances) => useLiveStore.setState({ balances })),
    client.pendingOperations.subscribe((pendingOperations) => useLiveStore.setState({ pendingOperations })),
    client.commands.subscribe((commands) => useLiveStore.setState({ commands })),
    client.positions.subscribe((positions) => useLiveStore.setState({ positions })),
    client.preferences.subscribe((preferences) => useLiveStore.setState({ preferences })),
    client.overruled.subscribe((overruled) => useLiveStore.setState({ overruled })),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) {
      unsubscribe();
    }
  };
}

export function resetLiveStore(): void {
  useLiveStore.setState(initialLiveState());
}
