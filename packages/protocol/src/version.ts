/**
 * Version of the sync wire protocol spoken over `/sync`.
 *
 * History:
 * - 1: auth frame, pull, push, live `changes` frames with a per-collection sequence checkpoint.
 */
export const PROTOCOL_VERSION = 1;

/** Oldest client protocol version the server still accepts. */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 1;
