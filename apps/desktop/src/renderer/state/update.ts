import { create } from 'zustand';
import type { DesktopUpdates, UpdateState } from '../platform/updates';

/** Update state in the renderer, with the user's choices about it. */
export interface UpdateUiState {
  update: UpdateState;
  /** Version whose restart prompt the user put off with "Depois"; it installs when the app quits. */
  postponedVersion: string | null;
  /** Error message the user closed; a different error shows again. */
  dismissedError: string | null;
  /** Set while the `installUpdate` call runs; the app quits when it succeeds. */
  installing: boolean;
  /** Failure of the `installUpdate` call itself. */
  installError: string | null;
}

export const INITIAL_UPDATE_UI: UpdateUiState = {
  update: { status: 'idle' },
  postponedVersion: null,
  dismissedError: null,
  installing: false,
  installError: null,
};

export const useUpdateStore = create<UpdateUiState>(() => INITIAL_UPDATE_UI);

function receive(update: UpdateState): void {
  useUpdateStore.setState((current) => ({
    update,
    // A new error or a new state replaces the failure of an earlier install call.
    installError: update.status === 'ready' ? current.installError : null,
    installing: update.status === 'ready' ? current.installing : false,
  }));
}

/**
 * Follows the main process's update state: reads it once, then applies every change. Returns
 * the function that stops following it.
 */
export function followUpdates(desktop: DesktopUpdates): () => void {
  let stopped = false;
  let received = false;
  const unsubscribe = desktop.onState((state) => {
    received = true;
    if (!stopped) receive(state);
  });
  desktop
    .getState()
    .then((state) => {
      // An event that arrived meanwhile is newer than this response.
      if (!stopped && !received) receive(state);
    })
    .catch((error: unknown) => {
      console.warn('getUpdateState failed', error);
    });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/** Asks the main process to restart into the downloaded update; the user chose "Reiniciar agora". */
export async function installUpdate(desktop: DesktopUpdates): Promise<void> {
  useUpdateStore.setState({ installing: true, installError: null });
  try {
    await desktop.install();
  } catch (error) {
    console.warn('installUpdate failed', error);
    useUpdateStore.setState({ installing: false, installError: error instanceof Error ? error.message : String(error) });
  }
}

/** Hides the restart prompt for the ready version; the user chose "Depois". */
export function postponeUpdate(): void {
  const { update } = useUpdateStore.getState();
  if (update.status === 'ready') {
    useUpdateStore.setState({ postponedVersion: update.version });
  }
}

/**
 * Closes the error on screen: a failed install call goes back to the restart prompt, and an
 * updater error stays hidden until a different one occurs.
 */
export function dismissUpdateError(): void {
  const { update, installError } = useUpdateStore.getState();
  if (installError !== null) {
    useUpdateStore.setState({ installError: null });
  } else if (update.status === 'error') {
    useUpdateStore.setState({ dismissedError: update.message });
  }
}
