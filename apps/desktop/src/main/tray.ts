import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import { trayIconFileName, trayTooltip, type TrayState } from './tray-state';

export interface TrayActions {
  showWindow(): void;
  navigate(route: string): void;
  quit(): void;
}

/** The tray icon and its menu. The instance must stay referenced, or the icon disappears when collected. */
export class AppTray {
  private readonly tray: Tray;
  private state: TrayState = 'normal';

  constructor(
    private readonly resourcesDir: string,
    actions: TrayActions,
  ) {
    this.tray = new Tray(this.icon('normal'));
    this.tray.setToolTip(trayTooltip('normal'));
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Abrir Lastro', click: () => actions.showWindow() },
        { label: 'Carteira', click: () => actions.navigate('#/') },
        { type: 'separator' },
        { label: 'Sair', click: () => actions.quit() },
      ]),
    );
    this.tray.on('click', () => actions.showWindow());
  }

  setState(state: TrayState): void {
    if (state === this.state) {
      return;
    }
    this.state = state;
    this.tray.setImage(this.icon(state));
    this.tray.setToolTip(trayTooltip(state));
  }

  destroy(): void {
    this.tray.destroy();
  }

  private icon(state: TrayState): Electron.NativeImage {
    return nativeImage.createFromPath(join(this.resourcesDir, trayIconFileName(state)));
  }
}
