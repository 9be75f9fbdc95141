import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage ?? currentLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('nav.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={language === active ? 'active' : undefined}
          aria-pressed={language === active}
          title={t(`nav.languages.${language}`)}
          onClick={() => void setLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
