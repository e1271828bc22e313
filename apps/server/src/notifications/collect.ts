import { chooseSendTime, matchesLoanAlert, OPEN_HISTORY_MS, saoPauloHour } from '@lastro/domain';
import { CRITICAL_NOTIFICATION_TYPES, type NotificationType } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { NewNotification } from '../db/notifications.js';
import type { Store } from '../db/store.js';
import {
  chatMessageTexts,
  investmentConfirmedTexts,
  loanMatchTexts,
  investmentRejectedTexts,
  loanStatusTexts,
  pixOutConfirmedTexts,
  pixReceivedTexts,
  type NotificationTexts,
} from './texts.js';

/** A notification to create for one user, before its delivery time is chosen. */
export interface NotificationEvent {
  userId: string;
  /** De-duplication key, at most 64 characters: the same key never creates a second notification. */
  id: string;
  type: NotificationType;
  texts: NotificationTexts;
  loanId?: string;
  investorId?: string;
  sessionId?: string;
}

/** Returns the opens of every user in the last 90 days per America/Sao_Paulo hour. */
function populationOpensByHour(store: Store, now: Date): number[] {
  const byUtcHour = store.notifications.opensByUtcHour(new Date(now.getTime() - OPEN_HISTORY_MS).toISOString());
  const bySaoPauloHour = new Array<number>(24).fill(0);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (const [utcHour, count] of byUtcHour.entries()) {
    // NOTE: the hours are mapped with today's offset; a daylight saving change inside the last
    // 90 days would shift the older opens by one hour. Brazil has had none since 2019.
    bySaoPauloHour[saoPauloHour(today + utcHour * 3_600_000)]! += count;
  }
  return bySaoPauloHour;
}

/**
 * Stores the notifications of `events` that the users do not have yet, each with its
 * delivery time, and adds them to `changes`. Muted types are skipped unless critical. Call
 * inside the transaction that made the change the events describe.
 */
export function createNotifications(store: Store, events: readonly NotificationEvent[], now: Date, changes: ChangeSet): void {
  let population: number[] | undefined;
  for (const event of events) {
    const critical = CRITICAL_NOTIFICATION_TYPES.includes(event.type);
    const preferences = store.preferences.find(event.userId);
    if (!critical && preferences?.mutedNotificationTypes?.includes(event.type) === true) continue;
    if (store.notifications.find(event.userId, event.id) !== undefined) continue;

    let deliverAt = now;
    if (!critical) {
      population ??= populationOpensByHour(store, now);
      const userOpens = store.notifications
        .openTimes(event.userId, new Date(now.getTime() - OPEN_HISTORY_MS).toISOString())
        .map((at) => Date.parse(at));
      const quietHours =
        preferences?.quietHoursStart === undefined || preferences.quietHoursEnd === undefined
          ? null
          : { startHour: preferences.quietHoursStart, endHour: preferences.quietHoursEnd };
      deliverAt = chooseSendTime({ now, priority: 'normal', userOpens, populationOpensByHour: population, quietHours }).deliverAt;
    }
    const notification: NewNotification = {
      id: event.id,
      type: event.type,
      priority: critical ? 'critical' : 'normal',
      ...event.texts,
      ...(event.loanId === undefined ? {} : { loanId: event.loanId }),
      ...(event.investorId === undefined ? {} : { investorId: event.investorId }),
      ...(event.sessionId === undefined ? {} : { sessionId: event.sessionId }),
      createdAt: now.toISOString(),
      deliverAt: deliverAt.toISOString(),
    };
    const stored = store.notifications.insertIfNew(event.userId, notification);
    if (stored !== undefined) changes.addNotification(event.userId, stored);
  }
}

/**
 * Derives the notifications of the money, loan and chat changes collected in `changes`:
 * PIX credits, confirmed PIX transfers, decided investments, status changes of loans the
 * user invested in, new loans that match a user's saved filter, and chat messages accepted
 * for the other member of a room.
 */
export function eventsFromChanges(store: Store, changes: ChangeSet): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  for (const [userId, entries] of changes.ledgerEntries) {
    for (const entry of entries) {
      if (entry.kind === 'pix_in' && entry.bucket === 'available' && entry.amount > 0) {
        events.push({ userId, id: `pix:${entry.reference}`, type: 'pix_received', texts: pixReceivedTexts(entry.amount) });
      }
    }
  }
  for (const [userId, commands] of changes.commands) {
    for (const command of commands.values()) {
      if (command.type === 'invest' && command.loanId !== undefined && command.status !== 'pending') {
        const loan = store.loans.findById(command.loanId);
        const texts =
          command.status === 'accepted'
            ? investmentConfirmedTexts(command.amount, command.loanId, loan?.borrowerName ?? command.loanId)
            : investmentRejectedTexts(command.amount, command.loanId, command.reason);
        const type = command.status === 'accepted' ? 'investment_confirmed' : 'investment_rejected';
        events.push({ userId, id: `inv:${command.id}`, type, texts, loanId: command.loanId });
      }
      if (command.type === 'pixOut' && command.pixOutState === 'confirmed') {
        events.push({ userId, id: `pxo:${command.id}`, type: 'pix_out_confirmed', texts: pixOutConfirmedTexts(command.amount) });
      }
    }
  }
  for (const [loanId, { from, to }] of changes.loanStatusChanges) {
    const loan = changes.loans.get(loanId);
    if (loan === undefined) continue;
    for (const userId of store.positions.holders(loanId)) {
      events.push({
        userId,
        id: `loan:${loanId}:${loan.seq}`,
        type: 'loan_status_changed',
        texts: loanStatusTexts(loanId, loan.borrowerName, from, to),
        loanId,
      });
    }
  }
  const newLoans = [...changes.newLoanIds].map((id) => changes.loans.get(id)).filter((loan) => loan !== undefined);
  if (newLoans.length > 0) {
    for (const { userId, alert } of store.preferences.listLoanAlerts()) {
      for (const loan of newLoans) {
        if (!matchesLoanAlert(loan, alert)) continue;
        events.push({ userId, id: `match:${loan.id}`, type: 'loan_match', texts: loanMatchTexts(loan), loanId: loan.id });
      }
    }
  }
  for (const [readerId, messages] of changes.chatMessages) {
    for (const message of messages.values()) {
      if (message.status !== 'accepted' || message.senderId === readerId) continue;
      events.push({
        userId: readerId,
        id: `chat:${message.id}`,
        type: 'chat_message',
        texts: chatMessageTexts(message.senderName ?? '', message.text),
        loanId: message.loanId,
        investorId: message.investorId,
      });
    }
  }
  return events;
}

/** Creates the notifications that the changes collected so far call for. Call inside their transaction, last. */
export function notifyChanges(store: Store, changes: ChangeSet, now: Date): void {
  createNotifications(store, eventsFromChanges(store, changes), now, changes);
}
