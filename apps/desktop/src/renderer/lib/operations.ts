import { checkInvestmentAmount, MAX_PIX_AMOUNT_CENTAVOS, MIN_INVESTMENT_CENTAVOS, parseBRL } from '@lastro/domain';
import { COMMAND_REJECTION_REASONS, type CommandDoc, type CommandRejectionReason, type LoanDoc } from '@lastro/protocol';
import type { PendingOperation } from '../engine/client';

/** States of an operation in the outbox, as the engine reports them. */
export const OPERATION_STATES = ['waiting_for_connection', 'sending', 'accepted', 'rejected'] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

export type AmountCheck = { ok: true; centavos: number } | { ok: false; errorKey: string; values?: Record<string, string> };

/** Reads an amount typed as "100,00" or "1.250,00", or returns the translation key of the problem with the text. */
export function parseAmountText(text: string): AmountCheck {
  if (text.trim() === '') {
    return { ok: false, errorKey: 'operations.errors.missingAmount' };
  }
  let centavos: number;
  try {
    centavos = parseBRL(text);
  } catch {
    return { ok: false, errorKey: 'operations.errors.invalidAmount' };
  }
  if (centavos <= 0) {
    return { ok: false, errorKey: 'operations.errors.nonPositive' };
  }
  if (centavos > MAX_PIX_AMOUNT_CENTAVOS) {
    return { ok: false, errorKey: 'operations.errors.invalidAmount' };
  }
  return { ok: true, centavos };
}

/** Centavos a loan still needs, never negative. */
export function remainingCentavos(loan: Pick<LoanDoc, 'amount' | 'funded'>): number {
  return Math.max(0, loan.amount - loan.funded);
}

/**
 * Checks an invest amount against the data on this device: the loan's remaining amount and the
 * projected balance (available minus what queued operations will take). The server checks
 * again with current data and may still reject the command.
 */
export function checkInvestAmount(
  text: string,
  context: { loan: Pick<LoanDoc, 'amount' | 'funded' | 'status'>; projectedAvailable: number | null },
  formatMoney: (centavos: number) => string,
): AmountCheck {
  if (context.loan.status !== 'open') {
    return { ok: false, errorKey: 'invest.errors.notOpen' };
  }
  const amount = parseAmountText(text);
  if (!amount.ok) {
    return amount;
  }
  const remaining = remainingCentavos(context.loan);
  const amountProblem = checkInvestmentAmount(amount.centavos, remaining);
  if (amountProblem === 'above_remaining') {
    return { ok: false, errorKey: 'invest.errors.aboveRemaining', values: { remaining: formatMoney(remaining) } };
  }
  if (amountProblem === 'below_minimum') {
    return { ok: false, errorKey: 'invest.errors.belowMinimum', values: { minimum: formatMoney(MIN_INVESTMENT_CENTAVOS) } };
  }
  if (context.projectedAvailable !== null && amount.centavos > context.projectedAvailable) {
    return {
      ok: false,
      errorKey: 'operations.errors.insufficientBalance',
      values: { balance: formatMoney(Math.max(0, context.projectedAvailable)) },
    };
  }
  return amount;
}

export function isRejectionReason(value: unknown): value is CommandRejectionReason {
  return COMMAND_REJECTION_REASONS.some((reason) => reason === value);
}

/** Translation key of a rejection reason, such as "saldo insuficiente" for `insufficient_balance`. */
export function rejectionReasonKey(reason: CommandRejectionReason | undefined): string {
  return reason === undefined ? 'operations.reasons.unknown' : `operations.reasons.${reason}`;
}

/** Operations that still count as pending: not yet sent, or sent and waiting for the result. */
export function countInFlight(operations: ReadonlyArray<{ state: OperationState }>): number {
  return operations.filter((operation) => operation.state === 'waiting_for_connection' || operation.state === 'sending').length;
}

/** Turns a decided command into a row of the panel, in the engine's operation shape. */
function commandOperation(command: CommandDoc): PendingOperation {
  return {
    id: command.id,
    type: command.type,
    amount: command.amount,
    loanId: command.loanId,
    pixKey: command.pixKey,
    issuedAt: command.issuedAt,
    state: command.status === 'rejected' ? 'rejected' : 'accepted',
    reason: command.reason,
  };
}

/**
 * Rows of the panel: the engine's pending and recently decided operations, plus accepted PIX
 * transfers still blocked at the PIX provider, which stay listed until they are confirmed or fail.
 */
export function panelOperations(operations: readonly PendingOperation[], commands: readonly CommandDoc[]): PendingOperation[] {
  const listed = new Set(operations.map((operation) => operation.id));
  const inProgressPix = commands
    .filter((command) => command.type === 'pixOut' && command.status === 'accepted' && command.pixOutState === 'blocked' && !listed.has(command.id))
    .map(commandOperation);
  return [...operations, ...inProgressPix];
}
