export interface ColdSyncClientData {
  serverUrl: string;
  email: string;
  password: string;
  /** Loans in the server database. The run ends when the local loans store contains this many. */
  expectedLoans: number;
  timeoutMs: number;
}

export interface ColdSyncResult {
  /** Time from calling `login` until it resolved (HTTP login, database opened, socket started). */
  loginMs: number;
  /** Time from calling `login` until the loans store contained every loan. */
  loansMs: number;
  /** Time from calling `login` until the engine reported the initial sync of every collection done. */
  initialSyncMs: number;
  loans: number;
}

export type ColdSyncToMain =
  | { type: 'synced'; result: ColdSyncResult }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

export type MainToColdSync = { type: 'close' };
