import { useMutation, useQueryClient } from '@tanstack/react-query';
import { refresh } from '../../api/refresh';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { ErrorAlert, Loading } from '../../components/Alert';
import { DateInput } from '../../components/DateInput';
import { RequiredLegend, RequiredMark } from '../../components/Required';
import { formatDayInput } from '../../lib/dayInput';
import { themeName } from '../../lib/interests/matrix';
import { useThemes } from '../../lib/interests/queries';
import { createSurvey, type Survey } from '../../lib/surveys/api';
import { useSurveys } from '../../lib/surveys/queries';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';
import '../../components/interests/interests.css';
import './surveys.css';

/** `parken/:parkId/enquetes`: the park's surveys, and a new one. */
export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const [making, setMaking] = useState(false);
  useDocumentTitle(`${t('surveys.title')} · ${park.name}`);
  const surveys = useSurveys(park.id);

  return (
    <div className="sv-list-page">
      <div className="sv-head">
        <div>
          <h2>{t('surveys.title')}</h2>
          <p className="muted">{t('surveys.intro')}</p>
        </div>
        {mayEdit && !making && (
          <button type="button" className="button button-primary" onClick={() => setMaking(true)}>
            {t('surveys.new')}
          </button>
        )}
      </div>
      {!mayEdit && <p className="muted small">{t('surveys.readOnly')}</p>}
      {making && <NewSurvey parkId={park.id} onCancel={() => setMaking(false)} />}
      {surveys.isPending ? (
        <Loading />
      ) : surveys.error ? (
        <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : surveys.data.length === 0 ? (
        !making && <div className="empty">{t('surveys.none')}</div>
      ) : (
        <ul className="sv-cards" data-testid="survey-list">
          {[...surveys.data].reverse().map((s) => (
            <li key={s.id} className="card sv-card-item">
              <SurveySummary survey={s} parkId={park.id} language={language} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StatusBadge({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  return <span className={`sv-badge sv-badge-${survey.status}`}>{t(`surveys.status.${survey.status}`)}</span>;
}

function SurveySummary({ survey, parkId, language }: { survey: Survey; parkId: string; language: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>
        <Link to={`/parken/${parkId}/enquetes/${survey.id}`}>{survey.title}</Link> <StatusBadge survey={survey} />
      </h3>
      <p className="muted small">
        {t('surveys.counts', { pending: survey.responses.pending, accepted: survey.responses.accepted, invited: survey.invitations })}
        {survey.closes_on && ` · ${t('surveys.closesOn', { date: formatDayInput(survey.closes_on, language) })}`}
      </p>
    </>
  );
}

function NewSurvey({ parkId, onCancel }: { parkId: string; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const themes = useThemes();
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [openLink, setOpenLink] = useState(false);
  const [chosen, setChosen] = useState<Set<string> | null>(null); // null: all themes
  const [themesError, setThemesError] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createSurvey(parkId, {
        title: title.trim(),
        intro: intro.trim() || null,
        theme_codes: chosen ? [...chosen] : null,
        closes_on: closesOn || null,
        open_link: openLink,
      }),
    onSuccess: (survey) => {
      void refresh.surveys(queryClient, parkId);
      void navigate(`/parken/${parkId}/enquetes/${survey.id}`);
    },
  });
  const all = themes.data ?? [];
  const isChosen = (code: string) => (chosen ? chosen.has(code) : true);
  const toggle = (code: string) => {
    setThemesError(false);
    const next = new Set(chosen ?? all.map((th) => th.code));
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setChosen(next);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen && chosen.size === 0) {
      setThemesError(true);
      return;
    }
    create.mutate();
  };
  return (
    <form className="card sv-form" onSubmit={onSubmit} noValidate data-testid="new-survey">
      <h3>{t('surveys.new')}</h3>
      <RequiredLegend />
      <div className="field">
        <label htmlFor={`${id}-title`}>
          {t('surveys.form.title')}
          <RequiredMark />
        </label>
        <input id={`${id}-title`} required aria-required="true" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-intro`}>{t('surveys.form.intro')}</label>
        <textarea id={`${id}-intro`} rows={3} maxLength={5000} aria-describedby={`${id}-intro-hint`} value={intro} onChange={(e) => setIntro(e.target.value)} />
        <p id={`${id}-intro-hint`} className="field-hint">
          {t('surveys.form.introHint')}
        </p>
      </div>
      <fieldset className="field sv-themes" aria-describedby={`${id}-themes-hint`}>
        <legend className="label">
          {t('surveys.form.themes')}
          <RequiredMark spoken />
        </legend>
        <p id={`${id}-themes-hint`} className="field-hint">
          {t('surveys.form.themesHint')}{' '}
          <button type="button" className="ix-link-button" onClick={() => setChosen(null)}>
            {t('surveys.form.all')}
          </button>{' '}
          ·{' '}
          <button type="button" className="ix-link-button" onClick={() => setChosen(new Set())}>
            {t('surveys.form.noneThemes')}
          </button>
        </p>
        <div className="sv-theme-grid">
          {all.map((th) => (
            <label key={th.code} className="check">
              <input type="checkbox" checked={isChosen(th.code)} onChange={() => toggle(th.code)} /> {themeName(th, language)}
            </label>
          ))}
        </div>
        {themesError && (
          <p className="field-error" role="alert">
            {t('surveys.form.themesNeeded')}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-closes`}>{t('surveys.form.closesOn')}</label>
        <DateInput id={`${id}-closes`} value={closesOn} onChange={setClosesOn} aria-describedby={`${id}-closes-hint`} />
        <p id={`${id}-closes-hint`} className="field-hint">
          {t('surveys.form.closesOnHint')}
        </p>
      </div>
      <label className="check">
        <input type="checkbox" checked={openLink} onChange={(e) => setOpenLink(e.target.checked)} /> {t('surveys.form.openLink')}
      </label>
      {create.error && <ErrorAlert error={create.error} />}
      {themes.error && <ErrorAlert error={themes.error} onRetry={() => void themes.refetch()} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending || !title.trim()}>
          {t('surveys.form.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('surveys.form.cancel')}
        </button>
      </div>
    </form>
  );
}
