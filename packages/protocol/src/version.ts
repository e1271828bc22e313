/**
 * Version of the sync wire protocol spoken over `/sync`.
 *
 * History:
 * - 1: auth frame, pull, push, live `changes` frames with a per-collection sequence checkpoint.
 * - 2: `commands`, `positions` and `preferences` collections; wallets carry `invested`.
 */
export const PROTOCOL_VERSION = 2;

/**
 * Oldest client protocol version the server still accepts. Version 1 clients cannot read
 * version 2 wallets, which have a required `invested` field.
 */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 2;
