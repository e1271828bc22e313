import type { IpcEvents, IpcHandlers } from '../main/ipc/handlers';

/** One promise-returning function per main-process handler, with the handler's parameters. */
type Invokers = {
  [Name in keyof IpcHandlers]: (
    ...args: Parameters<IpcHandlers[Name]['run']>
  ) => Promise<Awaited<ReturnType<IpcHandlers[Name]['run']>>>;
};

/** One `onEvent(listener)` per main-process event; each returns its unsubscribe function. */
type Subscriptions = {
  [Name in keyof IpcEvents as `on${Capitalize<Name>}`]: (
    listener: (payload: IpcEvents[Name]) => void,
  ) => () => void;
};

/** The object the preload exposes as `window.lastro`. */
export type LastroBridge = Invokers & Subscriptions;
