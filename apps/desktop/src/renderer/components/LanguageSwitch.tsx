import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';
import { updatePreferences } from '../state/operations';
import { useSessionStore } from '../state/session';

/**
 * PT / EN toggle. The choice is kept in `localStorage` for the login screen and, when signed in,
 * written to the synced preferences so the user's other devices follow it.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const signedIn = useSessionStore((state) => state.phase === 'signedIn');

  function choose(language: Language): void {
    void changeLanguage(language);
    if (signedIn) {
      // The UI has already switched, so a failed local write only means other devices keep their language.
      updatePreferences({ language }).catch(() => undefined);
    }
  }

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="language-switch__option"
          aria-pressed={i18n.language === language}
          data-testid={`language-${language}`}
          onClick={() => choose(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
