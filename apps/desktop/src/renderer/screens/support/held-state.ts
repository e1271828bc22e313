import { create } from 'zustand';

interface HeldQueueState {
  /** Ids of the held messages the last queue load returned, less those reviewed since. */
  ids: string[];
}

/** The held queue as last loaded, shared with the header link's count badge. */
export const useHeldQueueStore = create<HeldQueueState>(() => ({ ids: [] }));

export function setHeldQueueIds(ids: string[]): void {
  useHeldQueueStore.setState({ ids });
}
