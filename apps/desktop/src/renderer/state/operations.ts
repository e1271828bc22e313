import type { PixKeyType } from '@lastro/protocol';
import type { PreferencesPatch } from '../engine/client';
import { requireActiveClient } from './session';

/** Queues an investment in the local outbox and resolves with the command id at once, online or offline. */
export function investInLoan(loanId: string, amountCentavos: number): Promise<string> {
  return requireActiveClient('investing').invest(loanId, amountCentavos);
}

/** Queues a PIX transfer to one of the investor's own keys and resolves with the command id. */
export function sendPixOut(transfer: { key: string; keyType: PixKeyType; amount: number }): Promise<string> {
  return requireActiveClient('sending a PIX').pixOut(transfer);
}

/** Writes preferences to the local database, from where sync carries them to the user's other devices. */
export function updatePreferences(patch: PreferencesPatch): Promise<void> {
  return requireActiveClient('changing preferences').updatePreferences(patch);
}

/** Removes one overruled change from the list once the user has read it. */
export function dismissOverruled(id: string): void {
  requireActiveClient('dismissing a notice').dismissOverruled(id);
}
