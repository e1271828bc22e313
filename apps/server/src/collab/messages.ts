import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Message types of the y-websocket protocol (y-websocket 3.x `src/y-websocket.js`). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Sync message types of y-protocols 1.x `sync.js`. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Raised when a message is not a valid y-websocket message; the connection is closed with 4400. */
export class InvalidMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMessageError';
  }
}

/** A decoded client message. */
export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-update'; syncType: typeof SYNC_STEP_2 | typeof SYNC_UPDATE; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

/** Decodes one binary message; raises {@link InvalidMessageError} on anything else. */
export function decodeClientMessage(message: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(message);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SYNC_STEP_1) {
          return { type: 'sync-step-1', stateVector: payload };
        }
        if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) {
          return { type: 'sync-update', syncType, update: payload };
        }
        throw new InvalidMessageError(`unknown sync message type ${syncType}; expected 0, 1 or 2`);
      }
      case MESSAGE_AWARENESS:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MESSAGE_QUERY_AWARENESS:
        return { type: 'query-awareness' };
      case MESSAGE_AUTH:
        return { type: 'auth' };
      default:
        throw new InvalidMessageError(`unknown message type ${messageType}; expected 0 (sync), 1 (awareness) or 3 (query awareness)`);
    }
  } catch (error) {
    if (error instanceof InvalidMessageError) {
      throw error;
    }
    throw new InvalidMessageError(`message cannot be decoded: ${(error as Error).message}`);
  }
}

/** Encodes a sync message (step 1, step 2 or update) with its payload. */
export function encodeSyncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** One entry of an awareness update: a client id, its clock and its JSON state (null when removed). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text, "null" for a removal. */
  stateJson: string;
}

/** Decodes the payload of an awareness message (format of y-protocols 1.x `encodeAwarenessUpdate`). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const stateJson = decoding.readVarString(decoder);
      JSON.parse(stateJson);
      entries.push({ clientId, clock, stateJson });
    }
    return entries;
  } catch (error) {
    throw new InvalidMessageError(`awareness update cannot be decoded: ${(error as Error).message}`);
  }
}

/** Encodes an awareness message with `entries`. */
export function encodeAwarenessMessage(entries: readonly AwarenessEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, entry.stateJson);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}
