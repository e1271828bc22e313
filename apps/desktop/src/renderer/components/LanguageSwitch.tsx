import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n';

/** PT / EN toggle; the choice is kept in `localStorage`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="language-switch__option"
          aria-pressed={i18n.language === language}
          data-testid={`language-${language}`}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
