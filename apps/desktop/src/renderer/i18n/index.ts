import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import chatEn from './chat.en.json';
import chatPtBR from './chat.pt-BR.json';
import collabEn from './collab.en.json';
import collabPtBR from './collab.pt-BR.json';
import en from './en.json';
import notificationsEn from './notifications.en.json';
import notificationsPtBR from './notifications.pt-BR.json';
import ptBR from './pt-BR.json';
import supportEn from './support.en.json';
import supportPtBR from './support.pt-BR.json';
import updateEn from './update.en.json';
import updatePtBR from './update.pt-BR.json';

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'lastro.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : 'pt-BR';
  } catch {
    // Storage can be unavailable (privacy settings); the default language still works.
    return 'pt-BR';
  }
}

/** Initialises i18next with pt-BR as the default and English as the second language. */
export async function initI18n(): Promise<void> {
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    // Chat, collaboration, the support console, notifications and automatic updates keep their
    // texts in their own files, under `chat.*`, `collab.*`, `supportConsole.*`, `notifications.*`
    // and `update.*`.
    resources: {
      'pt-BR': {
        translation: {
          ...ptBR,
          chat: chatPtBR,
          collab: collabPtBR,
          supportConsole: supportPtBR,
          notifications: notificationsPtBR,
          update: updatePtBR,
        },
      },
      en: {
        translation: {
          ...en,
          chat: chatEn,
          collab: collabEn,
          supportConsole: supportEn,
          notifications: notificationsEn,
          update: updateEn,
        },
      },
    },
    lng: language,
    fallbackLng: 'pt-BR',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

/** Switches the UI language and remembers the choice in `localStorage`. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // The choice then lasts only until the next start.
  }
}
