import { COLLECTIONS, type ErrorFrame, type PushFrame } from '@lastro/protocol';

/**
 * Builds the response to a push. Every collection of protocol version 1 is server-owned, so a
 * push is always rejected with `forbidden`. Client-writable collections will be accepted here.
 */
export function handlePush(frame: PushFrame): ErrorFrame {
  const owner = COLLECTIONS[frame.collection].owner;
  return {
    type: 'error',
    requestId: frame.requestId,
    kind: 'forbidden',
    message: `collection ${frame.collection} is ${owner}-owned and cannot be written by clients`,
  };
}
