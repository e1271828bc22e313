/**
 * Version of the sync wire protocol spoken over `/sync`.
 *
 * History:
 * - 1: auth frame, pull, push, live `changes` frames with a per-collection sequence checkpoint.
 * - 2: `commands`, `positions` and `preferences` collections; wallets carry `invested`.
 * - 3: client-writable `chatMessages` collection.
 * - 4: `notifications` collection; preferences carry quiet hours and muted notification types;
 *   the login response names its session.
 */
export const PROTOCOL_VERSION = 4;

/**
 * Oldest client protocol version the server still accepts. Version 1 clients cannot read
 * version 2 wallets, which have a required `invested` field. Version 2 clients would ask for
 * chat documents they cannot store, because they have no `chatMessages` collection, and version 3
 * clients have no `notifications` collection.
 */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 4;
