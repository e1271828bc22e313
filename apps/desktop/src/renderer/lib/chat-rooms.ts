import type { ChatMessageDoc, LoanDoc, UserSummary } from '@lastro/protocol';
import { chatRoomIdOf } from '@lastro/protocol';
import type { Route } from './routes';
import { routeHash } from './routes';

// The engine's pure chat helpers; they use no database or socket.
export { chatQuota, groupChatRooms, type ChatQuota, type ChatRoomView } from '@lastro/engine';

/** The room fields that locate a conversation. */
export interface RoomAddress {
  loanId: string;
  investorId: string;
}

/** The signed-in user's fields that chat screens depend on. */
export type ChatUser = Pick<UserSummary, 'id' | 'role'>;

/**
 * Returns the location hash of a conversation. An investor's conversation is on the loan
 * detail; a borrower opens one conversation per investor.
 */
export function conversationHash(user: ChatUser, room: RoomAddress): string {
  if (user.role === 'investor' && room.investorId === user.id) {
    return routeHash({ name: 'loan', loanId: room.loanId });
  }
  return routeHash({ name: 'chat', loanId: room.loanId, investorId: room.investorId });
}

/** Returns the id of the room shown by `route` for `user`, or null when no conversation is on screen. */
export function roomIdOnScreen(route: Route, user: ChatUser): string | null {
  if (route.name === 'chat') {
    return chatRoomIdOf(route.loanId, route.investorId);
  }
  if (route.name === 'loan' && user.role === 'investor') {
    return chatRoomIdOf(route.loanId, user.id);
  }
  return null;
}

/**
 * Returns the name of the other party of a room: for an investor the loan's borrower, for a
 * borrower the investor. The name comes from the other party's latest message (`senderName`,
 * the name the server signs messages with), else, for an investor, from the loan book's
 * `borrowerName`. Returns null when neither has one. Titles, lists and toasts all use this rule.
 */
export function counterpartName(
  user: ChatUser,
  room: RoomAddress & { messages: readonly ChatMessageDoc[] },
  loan: Pick<LoanDoc, 'borrowerName'> | undefined,
): string | null {
  for (let index = room.messages.length - 1; index >= 0; index--) {
    const message = room.messages[index]!;
    if (message.senderId !== user.id && message.senderName !== undefined) {
      return message.senderName;
    }
  }
  if (user.role === 'investor' && loan !== undefined) {
    return loan.borrowerName;
  }
  return null;
}

/**
 * Describes the loan a conversation is about, "Capital de giro · emp-00008", or only the loan
 * id while the loan is not in the local loan book.
 */
export function describeRoomLoan(loanId: string, loan: Pick<LoanDoc, 'purpose'> | undefined): string {
  return loan === undefined ? loanId : `${loan.purpose} · ${loanId}`;
}
