import { isTrayState, TRAY_STATES, type TrayState } from '../tray-state';

/** An IPC call whose arguments do not match the handler's contract. */
export class IpcArgumentError extends Error {
  override readonly name = 'IpcArgumentError';
}

/** Rejects any argument for handlers that take none. */
export function parseNoArgs(args: readonly unknown[]): [] {
  if (args.length !== 0) {
    throw new IpcArgumentError(`invalid IPC arguments: expected none, received ${args.length}`);
  }
  return [];
}

/** Accepts exactly one argument, which must be a tray state name. */
export function parseTrayStateArgs(args: readonly unknown[]): [TrayState] {
  if (args.length !== 1) {
    throw new IpcArgumentError(`invalid IPC arguments: expected one tray state, received ${args.length} arguments`);
  }
  const [state] = args;
  if (!isTrayState(state)) {
    throw new IpcArgumentError(
      `invalid tray state ${JSON.stringify(state)}: expected one of ${TRAY_STATES.join(', ')}`,
    );
  }
  return [state];
}
