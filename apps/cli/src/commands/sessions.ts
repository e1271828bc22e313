import { LastroError, type LastroClient, type NotificationDoc, type SessionSummary } from '@lastro/engine';
import { allowOnly, type Flags } from '../args.js';
import { CliError, printJsonLine, usageError } from '../output.js';
import { endSession, openSession } from '../session.js';
import { runUntilStopped } from './watch.js';

const CONNECTION_FLAGS = ['server', 'email', 'password'] as const;

function sessionLine(session: SessionSummary): Record<string, unknown> {
  return {
    id: session.id,
    deviceId: session.deviceId,
    deviceName: session.deviceName,
    platform: session.platform,
    network: session.network,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    current: session.current,
    suspicious: session.suspicious,
  };
}

/** `lastro sessions list`: the user's active sessions as JSON lines, most recently used first. */
export async function listSessions(flags: Flags, args: string[]): Promise<number> {
  allowOnly(flags, CONNECTION_FLAGS, 'sessions list');
  if (args.length > 0) throw usageError(`"lastro sessions list" takes no arguments, got ${JSON.stringify(args.join(' '))}`);
  const { client } = await openSession(flags);
  try {
    for (const session of await client.sessions.list()) printJsonLine(sessionLine(session));
  } finally {
    await endSession(client);
  }
  return 0;
}

/** Reads the one SESSION_ID argument of a sessions command. */
function sessionIdArgument(args: string[]): string {
  const [sessionId, ...extra] = args;
  if (sessionId === undefined || sessionId === '') {
    throw usageError('missing SESSION_ID: pass an id printed by "lastro sessions list"');
  }
  if (extra.length > 0 || sessionId.length > 64) {
    throw usageError(`invalid SESSION_ID ${JSON.stringify(args.join(' '))}: pass one id printed by "lastro sessions list"`);
  }
  return sessionId;
}

/** Runs one call on a session id, reporting an unknown or ended session as a failure that names it. */
async function onSession(flags: Flags, sessionId: string, call: (client: LastroClient) => Promise<void>, line: Record<string, unknown>): Promise<number> {
  const { client } = await openSession(flags);
  try {
    await call(client);
    printJsonLine(line);
  } catch (error) {
    if (error instanceof LastroError && (error.kind === 'not_found' || error.kind === 'conflict')) {
      throw new CliError(`${error.message} (${error.kind})`);
    }
    throw error;
  } finally {
    await endSession(client);
  }
  return 0;
}

/** `lastro sessions revoke SESSION_ID`: ends one of the user's sessions at once. */
export async function revokeSession(flags: Flags, args: string[]): Promise<number> {
  allowOnly(flags, CONNECTION_FLAGS, 'sessions revoke');
  const sessionId = sessionIdArgument(args);
  return onSession(flags, sessionId, (client) => client.sessions.revoke(sessionId), { id: sessionId, revoked: true });
}

/** `lastro sessions confirm SESSION_ID`: confirms that a login flagged as suspicious was the user's own. */
export async function confirmSession(flags: Flags, args: string[]): Promise<number> {
  allowOnly(flags, CONNECTION_FLAGS, 'sessions confirm');
  const sessionId = sessionIdArgument(args);
  return onSession(flags, sessionId, (client) => client.sessions.confirm(sessionId), { id: sessionId, confirmed: true });
}

function notificationLine(notification: NotificationDoc): Record<string, unknown> {
  return {
    id: notification.id,
    type: notification.type,
    priority: notification.priority,
    title: notification.titlePt,
    body: notification.bodyPt,
    titleEn: notification.titleEn,
    bodyEn: notification.bodyEn,
    loanId: notification.loanId ?? null,
    sessionId: notification.sessionId ?? null,
    createdAt: notification.createdAt,
    deliverAt: notification.deliverAt,
    deliveredAt: notification.deliveredAt ?? null,
    shownAt: notification.shownAt ?? null,
    shownChannel: notification.shownChannel ?? null,
    openedAt: notification.openedAt ?? null,
    readAt: notification.readAt ?? null,
    seq: notification.seq,
  };
}

/** `lastro watch notifications`: one JSON line per notification document change, until interrupted. */
export async function watchNotifications(flags: Flags): Promise<number> {
  allowOnly(flags, CONNECTION_FLAGS, 'watch notifications');
  const { client } = await openSession(flags);
  const seqById = new Map<string, number>();
  const print = (notifications: NotificationDoc[]): void => {
    // Oldest first, so the lines read in the order the events happened.
    for (const notification of [...notifications].reverse()) {
      if (seqById.get(notification.id) === notification.seq) continue;
      seqById.set(notification.id, notification.seq);
      printJsonLine(notificationLine(notification));
    }
  };
  print(client.notifications.getState());
  const unsubscribe = client.notifications.subscribe(print);
  return runUntilStopped(client, unsubscribe);
}
