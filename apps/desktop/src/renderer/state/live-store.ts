import type { LedgerEntryDoc, LoanDoc, WalletDoc } from '@lastro/protocol';
import { create } from 'zustand';
import type { ConnectionState, LastroClient, SyncState } from '../engine/client';

/** The signed-in user's live data, mirrored from the engine's stores. */
export interface LiveState {
  connection: ConnectionState;
  wallet: WalletDoc | null;
  ledgerEntries: LedgerEntryDoc[];
  loans: LoanDoc[];
  sync: SyncState;
}

function initialLiveState(): LiveState {
  return {
    connection: { status: 'idle' },
    wallet: null,
    ledgerEntries: [],
    loans: [],
    sync: {
      initialSyncDone: false,
      collections: {
        wallets: { checkpointSeq: null },
        ledgerEntries: { checkpointSeq: null },
        loans: { checkpointSeq: null },
      },
    },
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
  });
  const unsubscribers = [
    client.connection.subscribe((connection) => useLiveStore.setState({ connection })),
    client.wallet.subscribe((wallet) => useLiveStore.setState({ wallet })),
    client.ledgerEntries.subscribe((ledgerEntries) => useLiveStore.setState({ ledgerEntries })),
    client.loans.subscribe((loans) => useLiveStore.setState({ loans })),
    client.sync.subscribe((sync) => useLiveStore.setState({ sync })),
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
