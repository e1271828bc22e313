import type {
  Balances,
  CommandDoc,
  LoanDoc,
  OverruledChange,
  PendingOperation,
  PixOutRequest,
  PositionDoc,
  PreferencesDoc,
  PreferencesPatch,
  SyncState,
  WalletDoc,
} from '@lastro/engine';

/** Options of a client that runs in a worker thread. */
export interface RemoteClientOptions {
  serverUrl: string;
  deviceName: string;
  /** Milliseconds added to the device clock the client uses for `issuedAt`. */
  clockOffsetMs?: number;
  requestTimeoutMs?: number;
  authTimeoutMs?: number;
}

/** The client's stores at one moment, copied out of the worker. */
export interface RemoteSnapshot {
  connection: string;
  wallet: WalletDoc | null;
  commands: CommandDoc[];
  positions: PositionDoc[];
  loans: LoanDoc[];
  preferences: PreferencesDoc | null;
  overruled: OverruledChange[];
  balances: Balances | null;
  pendingOperations: PendingOperation[];
  sync: SyncState;
}

export type RemoteCall =
  | { method: 'login'; email: string; password: string }
  | { method: 'invest'; loanId: string; amount: number }
  | { method: 'pixOut'; request: PixOutRequest }
  | { method: 'updatePreferences'; patch: PreferencesPatch }
  | { method: 'setNetworkAvailable'; online: boolean }
  | { method: 'snapshot' }
  | { method: 'close' };

export type RemoteReply =
  | { callId: number; ok: true; value: unknown }
  | { callId: number; ok: false; error: { message: string; kind?: string; field?: string } };
