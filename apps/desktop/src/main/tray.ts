import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import {
  trayAppearance,
  trayMenuModel,
  trayStatus,
  type SecurityAlert,
  type TrayLanguage,
  type TrayMenuAction,
  type TrayState,
  type TrayStatus,
} from './tray-state';

export interface TrayActions {
  showWindow(): void;
  navigate(route: string): void;
  quit(): void;
  /** The user chose "Ver alerta" (`view`) or "Não fui eu — encerrar sessão" (`revoke`). */
  securityAction(action: 'view' | 'revoke', sessionId: string): void;
}

/** The tray icon and its menu. The instance must stay referenced, or the icon disappears when collected. */
export class AppTray {
  private readonly tray: Tray;
  private state: TrayState = 'normal';
  private alert: SecurityAlert | null = null;
  private language: TrayLanguage = 'pt-BR';

  constructor(
    private readonly resourcesDir: string,
    private readonly actions: TrayActions,
  ) {
    const appearance = trayAppearance(this.state, this.alert);
    this.tray = new Tray(this.icon(appearance.iconFileName));
    this.tray.setToolTip(appearance.tooltip);
    this.tray.setContextMenu(this.menu());
    this.tray.on('click', () => actions.showWindow());
  }

  setState(state: TrayState): void {
    if (state === this.state) {
      return;
    }
    this.state = state;
    this.applyAppearance();
  }

  /** Shows a security alert (alert icon, tooltip naming the device, two menu items), or clears it with null. */
  setSecurityAlert(alert: SecurityAlert | null): void {
    this.alert = alert;
    this.applyAppearance();
    this.tray.setContextMenu(this.menu());
  }

  /** Redraws the menu in the language of the renderer's screens. */
  setLanguage(language: TrayLanguage): void {
    if (language === this.language) {
      return;
    }
    this.language = language;
    this.tray.setContextMenu(this.menu());
  }

  /** Describes what the icon, tooltip and menu show now. */
  status(): TrayStatus {
    return trayStatus(this.state, this.alert, this.language);
  }

  /** Shows a balloon from the tray icon; Electron supports balloons on Windows only. */
  showBalloon(title: string, content: string): void {
    this.tray.displayBalloon({ title, content, iconType: 'info' });
  }

  destroy(): void {
    this.tray.destroy();
  }

  private applyAppearance(): void {
    const appearance = trayAppearance(this.state, this.alert);
    this.tray.setImage(this.icon(appearance.iconFileName));
    this.tray.setToolTip(appearance.tooltip);
  }

  private menu(): Menu {
    return Menu.buildFromTemplate(
      trayMenuModel(this.alert, this.language).map((entry) =>
        entry.kind === 'separator'
          ? { type: 'separator' as const }
          : { label: entry.label, click: () => this.run(entry.action) },
      ),
    );
  }

  private run(action: TrayMenuAction): void {
    switch (action.kind) {
      case 'showWindow':
        this.actions.showWindow();
        return;
      case 'navigate':
        this.actions.navigate(action.route);
        return;
      case 'quit':
        this.actions.quit();
        return;
      case 'security':
        this.actions.securityAction(action.action, action.sessionId);
        return;
    }
  }

  private icon(fileName: string): Electron.NativeImage {
    return nativeImage.createFromPath(join(this.resourcesDir, fileName));
  }
}
