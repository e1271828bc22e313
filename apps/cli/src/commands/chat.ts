import { LastroError, type ChatMessageDoc, type ConnectionState, type LastroClient, type UserSummary } from '@lastro/engine';
import { chatRoomIdOf } from '@lastro/protocol';
import { allowOnly, type Flags } from '../args.js';
import { CliError, EXIT, printJsonLine, usageError } from '../output.js';
import { endSession, openSession } from '../session.js';
import { investorFlag, loanFlag, textFlag, timeoutFlag } from './chat-flags.js';

const CONNECTION_FLAGS = ['server', 'email', 'password'] as const;

/** Builds the line `lastro chat send` prints: the decision, with the fields that explain it. */
function decisionLine(message: ChatMessageDoc): Record<string, unknown> {
  return {
    id: message.id,
    status: message.status,
    ...(message.reason !== undefined && { reason: message.reason }),
    ...(message.retryAt !== undefined && { retryAt: message.retryAt }),
    ...(message.contactKinds !== undefined && message.contactKinds.length > 0 && { contactKinds: message.contactKinds }),
    roomId: chatRoomIdOf(message.loanId, message.investorId),
  };
}

/** Builds one line of `lastro chat list`. Fields the server has not set are null. */
function messageLine(message: ChatMessageDoc): Record<string, unknown> {
  return {
    id: message.id,
    roomId: chatRoomIdOf(message.loanId, message.investorId),
    investorId: message.investorId,
    senderId: message.senderId,
    senderName: message.senderName ?? null,
    senderRole: message.senderRole ?? null,
    text: message.text,
    status: message.status,
    reason: message.reason ?? null,
    ...(message.retryAt !== undefined && { retryAt: message.retryAt }),
    ...(message.contactKinds !== undefined && message.contactKinds.length > 0 && { contactKinds: message.contactKinds }),
    createdAt: message.createdAt ?? null,
  };
}

function sessionUser(client: LastroClient): UserSummary {
  const user = client.session?.user;
  if (user === undefined) throw new CliError('the session closed before the command ran; run the command again');
  return user;
}

/** Rejects a loan id that is not in the synced loan book, which contains every loan of the server. */
function requireLoan(client: LastroClient, loanId: string, serverUrl: string): void {
  if (!client.loans.getState().some((loan) => loan.id === loanId)) {
    throw usageError(`loan ${JSON.stringify(loanId)} not found at ${serverUrl}: pass an id printed by "lastro loans list"`);
  }
}

function connectionFailure(state: ConnectionState): CliError | undefined {
  if (state.status === 'unauthorized') return new CliError(`session rejected: ${state.message}`);
  if (state.status === 'incompatible') return new CliError(`server does not support this client: ${state.message}`);
  return undefined;
}

/**
 * Resolves with the message once the server's decision (any status but `pending`) reaches the
 * local store. Rejects when the session is rejected, or after `timeoutMs`.
 */
function waitForDecision(client: LastroClient, messageId: string, timeoutMs: number, serverUrl: string): Promise<ChatMessageDoc> {
  return new Promise((resolve, reject) => {
    const checkMessages = (messages: ChatMessageDoc[]): void => {
      const decided = messages.find((message) => message.id === messageId && message.status !== 'pending');
      if (decided !== undefined) {
        finish();
        resolve(decided);
      }
    };
    const checkConnection = (state: ConnectionState): void => {
      const failure = connectionFailure(state);
      if (failure !== undefined) {
        finish();
        reject(failure);
      }
    };
    const timer = setTimeout(() => {
      finish();
      const state = client.connection.getState();
      const connection = state.status === 'reconnecting' ? `reconnecting after ${state.lastError}` : state.status;
      reject(
        new CliError(
          `timed out after ${timeoutMs / 1000} s waiting for ${serverUrl} to decide chat message ${messageId} (connection: ${connection}); ` +
            'the server may still decide it, so check with "lastro chat list" before sending it again, or raise --timeout',
        ),
      );
    }, timeoutMs);
    const stopMessages = client.chatMessages.subscribe(checkMessages);
    const stopConnection = client.connection.subscribe(checkConnection);
    function finish(): void {
      clearTimeout(timer);
      stopMessages();
      stopConnection();
    }

    checkMessages(client.chatMessages.getState());
    checkConnection(client.connection.getState());
  });
}

/**
 * `lastro chat send`: queues one message, waits for the server's decision and prints it.
 * Exits 0 when the message is accepted or held for support, `EXIT.rejected` (3) when rejected.
 */
export async function sendChat(flags: Flags): Promise<number> {
  allowOnly(flags, [...CONNECTION_FLAGS, 'loan', 'investor', 'text', 'timeout'], 'chat send');
  const loanId = loanFlag(flags);
  const investorId = investorFlag(flags);
  const text = textFlag(flags);
  const timeoutMs = timeoutFlag(flags);

  const { client, serverUrl } = await openSession(flags);
  try {
    const user = sessionUser(client);
    requireLoan(client, loanId, serverUrl);
    if (user.role === 'borrower' && investorId === undefined) {
      throw usageError(
        `missing --investor: ${user.name} is a borrower, and a borrower replies in one investor's room; ` +
          `pass that investor's id, printed as investorId by "lastro chat list --loan ${loanId}"`,
      );
    }

    let messageId: string;
    try {
      messageId = await client.sendChatMessage({ loanId, text, ...(investorId !== undefined && { investorId }) });
    } catch (error) {
      if (error instanceof LastroError && error.kind === 'invalid_request') throw usageError(`invalid chat message: ${error.message}`);
      throw error;
    }

    const decided = await waitForDecision(client, messageId, timeoutMs, serverUrl);
    printJsonLine(decisionLine(decided));
    return decided.status === 'rejected' ? EXIT.rejected : EXIT.ok;
  } finally {
    await endSession(client);
  }
}

/**
 * `lastro chat list`: prints the messages of one loan's chat rooms, oldest first: for an investor
 * their own room (or the room named by --investor), for a borrower every room of the loan or one.
 */
export async function listChat(flags: Flags): Promise<number> {
  allowOnly(flags, [...CONNECTION_FLAGS, 'loan', 'investor'], 'chat list');
  const loanId = loanFlag(flags);
  const investorId = investorFlag(flags);

  const { client, serverUrl } = await openSession(flags);
  try {
    const user = sessionUser(client);
    requireLoan(client, loanId, serverUrl);
    const roomInvestorId = user.role === 'borrower' ? investorId : (investorId ?? user.id);
    // The store is ordered oldest first by server sequence.
    for (const message of client.chatMessages.getState()) {
      if (message.loanId !== loanId) continue;
      if (roomInvestorId !== undefined && message.investorId !== roomInvestorId) continue;
      printJsonLine(messageLine(message));
    }
  } finally {
    await endSession(client);
  }
  return EXIT.ok;
}
