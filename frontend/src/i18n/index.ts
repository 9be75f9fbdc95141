import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import enAdmin from './locales/admin.en.json';
import nlAdmin from './locales/admin.nl.json';
import enAssessments from './locales/assessments.en.json';
import nlAssessments from './locales/assessments.nl.json';
import enInterests from './locales/interests.en.json';
import nl from './locales/nl.json';
import nlInterests from './locales/interests.nl.json';
import enOrganisations from './locales/organisations.en.json';
import nlOrganisations from './locales/organisations.nl.json';
import enProjects from './locales/projects.en.json';
import nlProjects from './locales/projects.nl.json';
import enStakeholders from './locales/stakeholders.en.json';
import nlStakeholders from './locales/stakeholders.nl.json';
import enSurveys from './locales/surveys.en.json';
import nlSurveys from './locales/surveys.nl.json';
import enWork from './locales/work.en.json';
import nlWork from './locales/work.nl.json';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

// One file per feature (core, stakeholders, interests, ...), each under its own top-level key.
export const nlTranslation = { ...nl, ...nlStakeholders, ...nlInterests, ...nlProjects, ...nlOrganisations, ...nlAssessments, ...nlAdmin, ...nlWork, ...nlSurveys };
export const enTranslation = { ...en, ...enStakeholders, ...enInterests, ...enProjects, ...enOrganisations, ...enAssessments, ...enAdmin, ...enWork, ...enSurveys };
export type Translation = typeof nlTranslation;

export const resources = {
  nl: { translation: nlTranslation },
  en: { translation: enTranslation },
} as const;

const STORAGE_KEY = 'parkregie.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : DEFAULT_LANGUAGE;
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice holds for this page only
  }
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

export default i18next;
