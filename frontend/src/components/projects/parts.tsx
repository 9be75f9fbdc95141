import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../api/interests';
import type { Commitment, OrganisationForm, Phase } from '../../lib/projects/api';
import { phaseStep } from '../../lib/projects/phases';

export function PhaseBadge({ phase, withStep = false }: { phase: Phase; withStep?: boolean }) {
  const { t } = useTranslation();
  const step = phaseStep(phase);
  return (
    <span className={`pj-phase pj-phase-${phase}`} data-testid="phase-badge" data-phase={phase}>
      {t(`projects.phases.${phase}`)}
      {withStep && step !== null && <span className="pj-phase-step"> · {t('projects.page.stepOf', { step })}</span>}
    </span>
  );
}

export function CommitmentBadge({ commitment }: { commitment: Commitment }) {
  const { t } = useTranslation();
  return <span className={`pj-commitment pj-commitment-${commitment}`}>{t(`projects.commitments.${commitment}`)}</span>;
}

/** A theme's name in the user's language; the code while the themes load. */
export function themeName(themes: readonly Theme[] | undefined, code: string, language: string): string {
  const theme = themes?.find((th) => th.code === code);
  if (!theme) return code;
  return language.startsWith('en') ? theme.name_en : theme.name_nl;
}

export function ThemeChips({ codes, themes, language }: { codes: readonly string[]; themes: readonly Theme[] | undefined; language: string }) {
  return (
    <ul className="pj-themes">
      {codes.map((code) => {
        const track = themes?.find((th) => th.code === code)?.track;
        return (
          <li key={code} className={`pj-theme${track ? ` pj-theme-${track}` : ''}`} data-theme={code}>
            {themeName(themes, code, language)}
          </li>
        );
      })}
    </ul>
  );
}

export function formLabel(t: TFunction, form: OrganisationForm | null | undefined): string | null {
  return form ? t(`projects.forms.${form}`) : null;
}
