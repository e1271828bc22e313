/** Code of a failed chat operation other than a message attempt, which is decided and audited instead. */
export type ChatErrorCode = 'message_id_conflict' | 'not_support' | 'message_not_found' | 'not_held' | 'room_not_found' | 'not_a_member';

/** A rejected chat request. Nothing was written when it is thrown. */
export class ChatError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}
