/**
 * The desktop bridge's automatic update methods. The renderer reaches them only through this
 * adapter, which checks at run time that the main process provides them and validates every
 * state it receives. The web terminal has no updater, so it gets null.
 */
import { parseUpdateState, type UpdateState } from '../../main/update/update-state';
import type { LastroBridge } from '../../preload/bridge';

export type { UpdateState } from '../../main/update/update-state';

/** Update methods of the desktop bridge. */
export interface DesktopUpdates {
  /** The current state; idle when the main process returns something invalid. */
  getState(): Promise<UpdateState>;
  /** Calls `listener` with each valid state the main process sends; returns the unsubscribe function. */
  onState(listener: (state: UpdateState) => void): () => void;
  /** Asks the main process to quit and install the downloaded update. */
  install(): Promise<void>;
}

type AnyFunction = (...args: unknown[]) => unknown;

function method(bridge: LastroBridge, name: string): AnyFunction | null {
  const value: unknown = Reflect.get(bridge, name);
  return typeof value === 'function' ? (value as AnyFunction).bind(bridge) : null;
}

/** Returns the bridge's update methods, or null in the web terminal or when any is missing. */
export function desktopUpdates(bridge: LastroBridge | undefined): DesktopUpdates | null {
  if (bridge === undefined) return null;
  const getState = method(bridge, 'getUpdateState');
  const onState = method(bridge, 'onUpdateState');
  const install = method(bridge, 'installUpdate');
  if (getState === null || onState === null || install === null) return null;
  return {
    getState: async () => parseUpdateState(await getState()) ?? { status: 'idle' },
    onState: (listener) =>
      onState((payload: unknown) => {
        const state = parseUpdateState(payload);
        if (state !== null) listener(state);
      }) as () => void,
    install: async () => {
      await install();
    },
  };
}
