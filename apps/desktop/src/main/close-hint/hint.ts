/**
 * Texts of the hint shown the first time closing the window hides Lastro to the tray: the app
 * keeps running and receiving alerts, and the tray menu's quit item ("Sair") quits it. Free of
 * Node APIs, because the IPC validation that the renderer's type check reads uses the language list.
 */

import { TRAY_MENU_LABELS } from '../tray-state';

/** UI languages the renderer reports; anything else gets pt-BR. */
export const UI_LANGUAGES = ['pt-BR', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return UI_LANGUAGES.some((language) => language === value);
}

export interface HintTexts {
  title: string;
  body: string;
}

/** Names the place of the tray icon in the words each operating system uses. */
function trayPlace(language: UiLanguage, platform: string): string {
  if (platform === 'darwin') {
    return language === 'en' ? 'in the menu bar' : 'na barra de menus';
  }
  if (platform === 'win32') {
    return language === 'en' ? 'in the notification area of the taskbar' : 'na área de notificação da barra de tarefas';
  }
  return language === 'en' ? 'in the system tray' : 'na bandeja do sistema';
}

/** Returns the title and body of the hint, naming the quit item as the tray menu shows it in that language. */
export function closeToTrayHintTexts(language: UiLanguage, platform: string): HintTexts {
  const place = trayPlace(language, platform);
  if (language === 'en') {
    return {
      title: 'Lastro is still running',
      body: `Lastro keeps running ${place} and keeps receiving alerts. To quit, open the Lastro icon's menu and choose "${TRAY_MENU_LABELS.en.quit}".`,
    };
  }
  return {
    title: 'O Lastro continua aberto',
    body: `O Lastro continua em execução ${place} e segue recebendo alertas. Para encerrar, abra o menu do ícone do Lastro e escolha "${TRAY_MENU_LABELS['pt-BR'].quit}".`,
  };
}
