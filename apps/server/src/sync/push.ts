import { COLLECTIONS, type ErrorFrame, type PushFrame, type PushResultFrame } from '@lastro/protocol';
import type { Logger } from 'pino';
import { ChangeSet } from '../changes.js';
import { notifyChanges } from '../notifications/collect.js';
import type { ServerContext } from '../context.js';
import type { Role } from '../db/users.js';
import { pushChatMessages } from './push-chat-messages.js';
import { pushCommands } from './push-commands.js';
import { pushNotifications } from './push-notifications.js';
import { pushPreferences } from './push-preferences.js';
import { PushRowError, validateRows } from './push-rows.js';

/**
 * Handles a push. A push to a server-owned collection is rejected with `forbidden` (SYNC-6).
 * Rows of a client-writable collection are validated, applied in one write transaction and
 * published after the commit. An invalid row rejects the whole push with `invalid_request`.
 */
export function handlePush(
  ctx: ServerContext,
  user: { id: string; role: Role; sessionId: string },
  frame: PushFrame,
  log: Logger,
): PushResultFrame | ErrorFrame {
  const collection = frame.collection;
  if (collection !== 'commands' && collection !== 'preferences' && collection !== 'chatMessages' && collection !== 'notifications') {
    log.info({ collection, rows: frame.rows.length }, 'push to a server-owned collection rejected');
    return {
      type: 'error',
      requestId: frame.requestId,
      kind: 'forbidden',
      message: `collection ${collection} is ${COLLECTIONS[collection].owner}-owned and cannot be written by clients`,
    };
  }

  const changes = new ChangeSet();
  let conflicts: object[];
  let blockedPixOuts: string[] = [];
  try {
    const now = new Date().toISOString();
    if (collection === 'commands') {
      const rows = validateRows('commands', user.id, frame);
      const outcome = ctx.store.transaction(() => {
        const pushed = pushCommands(ctx.store, user, rows, now, changes);
        notifyChanges(ctx.store, changes, new Date(now));
        return pushed;
      });
      conflicts = outcome.conflicts;
      blockedPixOuts = outcome.blockedPixOuts;
    } else if (collection === 'chatMessages') {
      const rows = validateRows('chatMessages', user.id, frame);
      const at = new Date(now);
      conflicts = ctx.store.transaction(() => {
        const pushed = pushChatMessages(ctx.store, user, rows, at, changes);
        notifyChanges(ctx.store, changes, at);
        return pushed;
      });
    } else if (collection === 'notifications') {
      const rows = validateRows('notifications', user.id, frame);
      conflicts = ctx.store.transaction(() => pushNotifications(ctx.store, user.id, rows, now, changes));
    } else {
      const rows = validateRows('preferences', user.id, frame);
      conflicts = ctx.store.transaction(() => pushPreferences(ctx.store, user.id, rows, now, changes));
    }
  } catch (error) {
    if (!(error instanceof PushRowError)) {
      throw error;
    }
    log.info({ collection, field: error.field }, 'push rejected: invalid row');
    return { type: 'error', requestId: frame.requestId, kind: 'invalid_request', message: `invalid push row: ${error.message}` };
  }

  ctx.sync.publish(changes);
  for (const commandId of blockedPixOuts) {
    ctx.pixOut.schedule(commandId);
  }
  for (const command of changes.commands.get(user.id)?.values() ?? []) {
    log.info({ commandId: command.id, type: command.type, status: command.status, reason: command.reason }, 'command executed');
  }
  for (const message of changes.chatMessages.get(user.id)?.values() ?? []) {
    if (message.senderId === user.id) {
      log.info({ messageId: message.id, loanId: message.loanId, status: message.status, reason: message.reason }, 'chat message decided');
    }
  }
  return {
    type: 'pushResult',
    requestId: frame.requestId,
    collection,
    conflicts: conflicts.map((document) => ({ ...document, _deleted: false })),
  };
}
