import type { CommandDoc, CommandRejectionReason, CommandType, WalletDoc } from '@lastro/protocol';
import type { WritableStore } from './store.js';
import type { ConnectionState, Store } from './types.js';

/** Maps a command's status to the state the pending panel shows; a pending one depends on the connection. */
function operationState(status: CommandDoc['status'], online: boolean): PendingOperation['state'] {
  if (status !== 'pending') {
    return status;
  }
  return online ? 'sending' : 'waiting_for_connection';
}

/** How long a decided command stays in {@link PendingOperation} lists, so the user sees the outcome. */
export const DECIDED_OPERATION_VISIBLE_MS = 60_000;

/** An operation of the outbox as the UI lists it. */
export interface PendingOperation {
  /** The command id. */
  id: string;
  type: CommandType;
  /** Centavos. */
  amount: number;
  loanId?: string;
  pixKey?: string;
  /** Device time when the user issued the operation; for display only. */
  issuedAt: string;
  /**
   * `waiting_for_connection` while queued offline, `sending` while the connection is online and
   * the server has not decided yet, then `accepted` or `rejected` for a minute.
   */
  state: 'waiting_for_connection' | 'sending' | 'accepted' | 'rejected';
  reason?: CommandRejectionReason;
}

/** The wallet's balances and what the queued operations will take from them. */
export interface Balances {
  /** Centavos, from the server's wallet. */
  available: number;
  blocked: number;
  invested: number;
  /** `available` minus the amounts of pending `invest` and `pixOut` commands. */
  projectedAvailable: number;
  /** Number of commands the server has not decided yet. */
  pendingCount: number;
}

export interface OperationStoreInputs {
  commands: Store<CommandDoc[]>;
  wallet: Store<WalletDoc | null>;
  connection: Store<ConnectionState>;
  pendingOperations: WritableStore<PendingOperation[]>;
  balances: WritableStore<Balances | null>;
  /** Epoch milliseconds on the device; only measures how long a decided command stays listed. */
  nowMs(): number;
}

function toOperation(command: CommandDoc, online: boolean): PendingOperation {
  const operation: PendingOperation = {
    id: command.id,
    type: command.type,
    amount: command.amount,
    issuedAt: command.issuedAt,
    state: operationState(command.status, online),
  };
  if (command.loanId !== undefined) operation.loanId = command.loanId;
  if (command.pixKey !== undefined) operation.pixKey = command.pixKey;
  if (command.reason !== undefined) operation.reason = command.reason;
  return operation;
}

/**
 * Derives `pendingOperations` and `balances` from the commands, the wallet and the connection.
 * A command counts as recently decided when this client saw it pending and then decided, and
 * stays listed for {@link DECIDED_OPERATION_VISIBLE_MS} from that moment, measured on the device.
 * Returns a function that stops the derivation.
 */
export function bindOperationStores(inputs: OperationStoreInputs): () => void {
  const seenPending = new Set<string>();
  const decidedAt = new Map<string, number>();
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;

  const recompute = (): void => {
    const commands = inputs.commands.getState();
    const now = inputs.nowMs();
    const online = inputs.connection.getState().status === 'online';
    const operations: PendingOperation[] = [];
    let pendingAmount = 0;
    let pendingCount = 0;
    let nextExpiry = Number.POSITIVE_INFINITY;

    for (const command of commands) {
      if (command.status === 'pending') {
        seenPending.add(command.id);
        pendingAmount += command.amount;
        pendingCount += 1;
        operations.push(toOperation(command, online));
        continue;
      }
      if (!seenPending.has(command.id)) continue;
      const decided = decidedAt.get(command.id) ?? now;
      decidedAt.set(command.id, decided);
      const expiresAt = decided + DECIDED_OPERATION_VISIBLE_MS;
      if (expiresAt <= now) continue;
      nextExpiry = Math.min(nextExpiry, expiresAt);
      operations.push(toOperation(command, online));
    }

    if (JSON.stringify(operations) !== JSON.stringify(inputs.pendingOperations.getState())) {
      inputs.pendingOperations.setState(operations);
    }
    const wallet = inputs.wallet.getState();
    const balances: Balances | null =
      wallet === null
        ? null
        : {
            available: wallet.available,
            blocked: wallet.blocked,
            invested: wallet.invested,
            projectedAvailable: wallet.available - pendingAmount,
            pendingCount,
          };
    if (JSON.stringify(balances) !== JSON.stringify(inputs.balances.getState())) {
      inputs.balances.setState(balances);
    }

    if (expiryTimer !== null) clearTimeout(expiryTimer);
    expiryTimer = null;
    if (Number.isFinite(nextExpiry)) {
      expiryTimer = setTimeout(recompute, Math.max(0, nextExpiry - now));
    }
  };

  const stops = [inputs.commands.subscribe(recompute), inputs.wallet.subscribe(recompute), inputs.connection.subscribe(recompute)];
  recompute();
  return () => {
    for (const stop of stops) stop();
    if (expiryTimer !== null) clearTimeout(expiryTimer);
  };
}
