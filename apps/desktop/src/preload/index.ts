import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, invokeChannel } from '../main/ipc/channels';
import type { IpcEventName, IpcEvents } from '../main/ipc/handlers';
import type { LastroBridge } from './bridge';

function subscribe<Name extends IpcEventName>(
  name: Name,
  listener: (payload: IpcEvents[Name]) => void,
): () => void {
  const channel = eventChannel(name);
  const forward = (_event: IpcRendererEvent, payload: IpcEvents[Name]): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

// Only these functions cross the context bridge; `ipcRenderer` itself is never exposed.
const bridge = {
  getConfig: () => ipcRenderer.invoke(invokeChannel('getConfig')),
  setTrayState: (state) => ipcRenderer.invoke(invokeChannel('setTrayState'), state),
  showWindow: () => ipcRenderer.invoke(invokeChannel('showWindow')),
  presentNotification: (request) => ipcRenderer.invoke(invokeChannel('presentNotification'), request),
  setSecurityAlert: (alert) => ipcRenderer.invoke(invokeChannel('setSecurityAlert'), alert),
  takePendingRoute: () => ipcRenderer.invoke(invokeChannel('takePendingRoute')),
  setUiLanguage: (language) => ipcRenderer.invoke(invokeChannel('setUiLanguage'), language),
  reportRendererError: (report) => ipcRenderer.invoke(invokeChannel('reportRendererError'), report),
  onNavigate: (listener) => subscribe('navigate', listener),
  onNotificationOpened: (listener) => subscribe('notificationOpened', listener),
  onSecurityAction: (listener) => subscribe('securityAction', listener),
  getUpdateState: () => ipcRenderer.invoke(invokeChannel('getUpdateState')),
  installUpdate: () => ipcRenderer.invoke(invokeChannel('installUpdate')),
  onUpdateState: (listener) => subscribe('updateState', listener),
} satisfies LastroBridge;

contextBridge.exposeInMainWorld('lastro', bridge);
