import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { isFailure, loadPreview, loadSurvey, saveAnswers, type Failure } from './api';
import {
  EMPTY_ANSWER,
  OBSTACLES,
  WILLINGNESS,
  answerErrors,
  draftFrom,
  loadStored,
  moveStored,
  saveStored,
  startErrors,
  toBody,
  type AnswerDraft,
  type Draft,
  type PublicSurvey,
  type RespondentDraft,
  type StepError,
} from './state';
import { TEXTS, fill, type Language } from './texts';

type Loaded = { step: 'loading' } | { step: 'failed'; failure: Failure } | { step: 'ready'; survey: PublicSurvey };
type SaveState = { step: 'idle' } | { step: 'saving' } | { step: 'saved' } | { step: 'preview' } | { step: 'failed'; failure: Failure };

/** `/s/voorbeeld/<survey id>`: the expert's preview (logged in), which saves nothing. */
const PREVIEW = /^\/s\/voorbeeld\/([^/]+)/.exec(window.location.pathname)?.[1] ?? null;

function tokenFromPath(): string {
  return decodeURIComponent(window.location.pathname.replace(/^\/s\//, '').split('/')[0] ?? '');
}

function firstLanguage(): Language {
  try {
    const chosen = localStorage.getItem('parkregie.language');
    if (chosen === 'en' || chosen === 'nl') return chosen;
  } catch {
    // no storage: the browser's language
  }
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/**
 * The respondent's page at /s/<token>: no account. A start step (the privacy agreement, and for
 * an open link the company), then one theme per step. Everything typed is kept on the device
 * until the server has it; each step is saved as the respondent moves on.
 */
export function SurveyApp() {
  const [token, setToken] = useState(tokenFromPath);
  const [language, setLanguage] = useState<Language>(firstLanguage);
  const t = TEXTS[language];
  const [loaded, setLoaded] = useState<Loaded>({ step: 'loading' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ step: 'idle' });
  const [errors, setErrors] = useState<StepError[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const load = useCallback(async () => {
    setLoaded({ step: 'loading' });
    const answer = PREVIEW ? await loadPreview(PREVIEW, language) : await loadSurvey(token, language);
    if (isFailure(answer)) {
      setLoaded({ step: 'failed', failure: answer });
      return;
    }
    const stored = PREVIEW ? null : loadStored(token);
    const fromServer = draftFrom(answer);
    // What was typed and not yet sent wins; otherwise the server's copy, at the step left.
    setDraft(stored?.unsent ? stored.draft : { ...fromServer, step: stored?.draft.step ?? 0 });
    setLoaded({ step: 'ready', survey: answer });
    document.title = answer.title;
    // The language changes only the page's own words: the survey is not loaded again for it.
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  const update = (change: (d: Draft) => Draft, unsent = true) => {
    setDraft((d) => {
      if (!d) return d;
      const next = change(d);
      if (!PREVIEW) saveStored(token, { draft: next, unsent });
      return next;
    });
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, [draft?.step]);

  if (loaded.step === 'loading' || (loaded.step === 'ready' && !draft)) {
    return (
      <Shell t={t} language={language} onLanguage={setLanguage}>
        <p aria-live="polite">{t.loading}</p>
      </Shell>
    );
  }
  if (loaded.step === 'failed') {
    return (
      <Shell t={t} language={language} onLanguage={setLanguage}>
        <div className="sv-card" role="alert">
          <p>{loaded.failure.kind === 'gone' ? t.gone : t.failed}</p>
          {loaded.failure.kind !== 'gone' && (
            <button type="button" className="sv-button sv-primary" onClick={() => void load()}>
              {t.retry}
            </button>
          )}
        </div>
      </Shell>
    );
  }
  const survey = loaded.survey;
  const d = draft as Draft;
  const themes = survey.themes;
  const codes = themes.map((th) => th.code);
  const total = themes.length;
  const answered = codes.filter((c) => {
    const a = d.answers[c];
    return a && (a.skipped || a.urgency !== null);
  }).length;

  const save = async (next: Draft): Promise<boolean> => {
    if (PREVIEW) {
      setSaveState({ step: 'preview' });
      return true;
    }
    setSaveState({ step: 'saving' });
    const result = await saveAnswers(token, toBody(next, codes, survey.personal), language);
    if (isFailure(result)) {
      setSaveState({ step: 'failed', failure: result });
      return false;
    }
    let at = token;
    if (result.editToken) {
      // An open link's first answer: from now on this respondent's own link.
      moveStored(token, result.editToken);
      window.history.replaceState(null, '', `/s/${encodeURIComponent(result.editToken)}`);
      setToken(result.editToken);
      at = result.editToken;
    }
    saveStored(at, { draft: next, unsent: false });
    setSaveState({ step: 'saved' });
    return true;
  };

  const go = async (step: number) => {
    const current = d.step;
    if (step > current) {
      const problems =
        current === 0 ? startErrors(d, survey.personal) : answerErrors(d.answers[codes[current - 1]!] ?? EMPTY_ANSWER);
      setErrors(problems);
      if (problems.length > 0) return;
    } else {
      setErrors([]);
    }
    const next = { ...d, step };
    update(() => next);
    // Moving on from a theme (or finishing) saves what is there so far.
    if (step > current && current > 0) await save(next);
    else setSaveState({ step: 'idle' });
  };

  const setAnswer = (code: string, change: Partial<AnswerDraft>) => {
    setErrors([]);
    update((x) => ({ ...x, answers: { ...x.answers, [code]: { ...(x.answers[code] ?? EMPTY_ANSWER), ...change } } }));
  };

  const status = <SaveStatus t={t} state={saveState} onRetry={() => void save(d)} />;

  if (d.step > total) {
    return (
      <Shell t={t} language={language} onLanguage={setLanguage}>
        <div className="sv-card">
          <h1 ref={headingRef} tabIndex={-1}>
            {t.doneTitle}
          </h1>
          <p>{t.doneBody}</p>
          {status}
          <button type="button" className="sv-button" onClick={() => void go(1)}>
            {t.change}
          </button>
        </div>
      </Shell>
    );
  }

  if (d.step === 0) {
    return (
      <Shell t={t} language={language} onLanguage={setLanguage}>
        <div className="sv-card">
          <p className="sv-muted">{fill(t.park, { park: survey.park_name })}</p>
          <h1 ref={headingRef} tabIndex={-1}>
            {survey.title}
          </h1>
          {survey.stakeholder_name && <p className="sv-muted">{fill(t.forWho, { name: survey.stakeholder_name })}</p>}
          {survey.intro && <p className="sv-intro">{survey.intro}</p>}
          {survey.submitted_at && <p className="sv-note">{t.already}</p>}
          {survey.closes_on && (
            <p className="sv-muted">{fill(t.closesOn, { date: new Date(`${survey.closes_on}T12:00:00`).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) })}</p>
          )}
          {!survey.personal && (
            <RespondentFields t={t} value={d.respondent} errors={errors} onChange={(r) => update((x) => ({ ...x, respondent: { ...x.respondent, ...r } }))} />
          )}
          <label className="sv-consent">
            <input
              type="checkbox"
              checked={d.consent}
              aria-invalid={errors.includes('consent') || undefined}
              aria-describedby={errors.includes('consent') ? 'sv-consent-error' : undefined}
              onChange={(e) => update((x) => ({ ...x, consent: e.target.checked }))}
            />
            <span>{t.consent}</span>
          </label>
          {errors.includes('consent') && (
            <p id="sv-consent-error" className="sv-error" role="alert">
              {t.consentNeeded}
            </p>
          )}
          <div className="sv-actions">
            <button type="button" className="sv-button sv-primary" onClick={() => void go(1)}>
              {survey.submitted_at ? t.resume : t.start}
            </button>
          </div>
        </div>
      </Shell>
    );
  }

  const theme = themes[d.step - 1]!;
  const a = d.answers[theme.code] ?? EMPTY_ANSWER;
  const last = d.step === total;
  return (
    <Shell t={t} language={language} onLanguage={setLanguage}>
      <div className="sv-progress" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={answered} aria-label={fill(t.progress, { n: answered, total })}>
        <span style={{ width: `${(100 * answered) / Math.max(1, total)}%` }} />
      </div>
      <p className="sv-muted sv-step">{fill(t.step, { n: d.step, total })}</p>
      <div className="sv-card" data-testid="survey-theme" data-theme={theme.code}>
        <h1 ref={headingRef} tabIndex={-1}>
          {language === 'nl' ? theme.name_nl : theme.name_en}
        </h1>
        <ThemeAnswer t={t} answer={a} errors={errors} onChange={(change) => setAnswer(theme.code, change)} />
        {status}
        <div className="sv-actions">
          <button type="button" className="sv-button" onClick={() => void go(d.step - 1)}>
            {t.previous}
          </button>
          <button type="button" className="sv-button sv-primary" onClick={() => void go(d.step + 1)} disabled={saveState.step === 'saving'}>
            {last ? t.finish : t.next}
          </button>
        </div>
      </div>
    </Shell>
  );
}

type T = (typeof TEXTS)[Language];

function Shell({ t, language, onLanguage, children }: { t: T; language: Language; onLanguage: (l: Language) => void; children: React.ReactNode }) {
  return (
    <div className="sv-page">
      <header className="sv-top">
        <span className="sv-brand">Parkregie</span>
        <button
          type="button"
          className="sv-lang"
          lang={language === 'nl' ? 'en' : 'nl'}
          aria-label={t.languageLabel}
          onClick={() => {
            const next = language === 'nl' ? 'en' : 'nl';
            try {
              localStorage.setItem('parkregie.language', next);
            } catch {
              // kept for this page only
            }
            onLanguage(next);
          }}
        >
          {t.language}
        </button>
      </header>
      <main className="sv-main">
        {PREVIEW && <p className="sv-note">{t.preview}</p>}
        {children}
      </main>
    </div>
  );
}

function SaveStatus({ t, state, onRetry }: { t: T; state: SaveState; onRetry: () => void }) {
  return (
    <div className="sv-status" aria-live="polite" data-testid="save-status" data-state={state.step}>
      {state.step === 'saving' && <p className="sv-muted">{t.saving}</p>}
      {state.step === 'saved' && <p className="sv-muted">{t.saved}</p>}
      {state.step === 'preview' && <p className="sv-muted">{t.previewNothingSent}</p>}
      {state.step === 'failed' && (
        <div className="sv-error" role="alert">
          <p>{state.failure.kind === 'refused' ? fill(t.refused, { detail: state.failure.detail }) : state.failure.kind === 'gone' ? t.gone : t.offline}</p>
          {state.failure.kind !== 'gone' && (
            <button type="button" className="sv-button" onClick={onRetry}>
              {t.retry}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function RespondentFields({ t, value, errors, onChange }: { t: T; value: RespondentDraft; errors: StepError[]; onChange: (r: Partial<RespondentDraft>) => void }) {
  const id = useId();
  const field = (key: keyof RespondentDraft, label: string, options: { required?: boolean; type?: string; inputMode?: 'numeric' | 'email' | 'tel'; autoComplete?: string; error?: string | false } = {}) => (
    <div className="sv-field">
      <label htmlFor={`${id}-${key}`}>
        {label} <span className="sv-muted">{options.required ? t.required : t.optional}</span>
      </label>
      <input
        id={`${id}-${key}`}
        type={options.type ?? 'text'}
        inputMode={options.inputMode}
        autoComplete={options.autoComplete}
        required={options.required}
        aria-invalid={options.error ? true : undefined}
        aria-describedby={options.error ? `${id}-${key}-error` : undefined}
        value={value[key]}
        onChange={(e) => onChange({ [key]: e.target.value })}
      />
      {options.error && (
        <p id={`${id}-${key}-error`} className="sv-error" role="alert">
          {options.error}
        </p>
      )}
    </div>
  );
  return (
    <div className="sv-respondent">
      {field('company_name', t.company, { required: true, autoComplete: 'organization', error: errors.includes('company') && t.companyNeeded })}
      {field('kvk_number', t.kvk, { inputMode: 'numeric', error: errors.includes('kvk') && t.kvkWrong })}
      {field('contact_name', t.contactName, { autoComplete: 'name' })}
      {field('email', t.email, { type: 'email', inputMode: 'email', autoComplete: 'email' })}
      {field('phone', t.phone, { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
    </div>
  );
}

function ThemeAnswer({ t, answer, errors, onChange }: { t: T; answer: AnswerDraft; errors: StepError[]; onChange: (change: Partial<AnswerDraft>) => void }) {
  const id = useId();
  const text = (key: 'challenge' | 'situation' | 'vision', label: string) => (
    <div className="sv-field">
      <label htmlFor={`${id}-${key}`}>
        {label} <span className="sv-muted">{t.optional}</span>
      </label>
      <textarea id={`${id}-${key}`} rows={3} maxLength={5000} value={answer[key]} onChange={(e) => onChange({ [key]: e.target.value })} />
    </div>
  );
  const urgencyError = errors.includes('urgency');
  return (
    <>
      <fieldset className="sv-choice" aria-describedby={urgencyError ? `${id}-urgency-error` : undefined}>
        <legend>{t.urgency}</legend>
        <div className="sv-scale">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="sv-option">
              <input type="radio" name={`${id}-urgency`} checked={!answer.skipped && answer.urgency === n} onChange={() => onChange({ urgency: n, skipped: false })} />
              <span>
                {n}
                {n === 1 && <small> {t.urgencyLow}</small>}
                {n === 5 && <small> {t.urgencyHigh}</small>}
              </span>
            </label>
          ))}
        </div>
        <label className="sv-option sv-skip">
          <input type="radio" name={`${id}-urgency`} checked={answer.skipped} onChange={() => onChange({ skipped: true })} />
          <span>{t.notRelevant}</span>
        </label>
        {urgencyError && (
          <p id={`${id}-urgency-error`} className="sv-error" role="alert">
            {t.urgencyNeeded}
          </p>
        )}
      </fieldset>
      {!answer.skipped && (
        <>
          {text('challenge', t.challenge)}
          {text('situation', t.situation)}
          {text('vision', t.vision)}
          <fieldset className="sv-choice">
            <legend>{t.willingness}</legend>
            <div className="sv-options">
              {WILLINGNESS.map((w) => (
                <label key={w} className="sv-option">
                  <input type="radio" name={`${id}-willing`} checked={answer.willingness === w} onChange={() => onChange({ willingness: w })} />
                  <span>{t.willing[w]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="sv-choice">
            <legend>{t.obstaclesQuestion}</legend>
            <div className="sv-options">
              {OBSTACLES.map((o) => (
                <label key={o} className="sv-option">
                  <input
                    type="checkbox"
                    checked={answer.obstacles.includes(o)}
                    onChange={(e) =>
                      onChange({ obstacles: e.target.checked ? [...answer.obstacles, o] : answer.obstacles.filter((x) => x !== o) })
                    }
                  />
                  <span>{t.obstacle[o]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {(answer.willingness === 'money' || answer.willingness === 'time_and_money') && (
            <div className="sv-field">
              <label htmlFor={`${id}-budget`}>{t.budget}</label>
              <input
                id={`${id}-budget`}
                inputMode="decimal"
                value={answer.budget}
                aria-invalid={errors.includes('budget') || undefined}
                aria-describedby={`${id}-budget-hint${errors.includes('budget') ? ` ${id}-budget-error` : ''}`}
                onChange={(e) => onChange({ budget: e.target.value })}
              />
              <p id={`${id}-budget-hint`} className="sv-muted sv-hint">
                {t.budgetHint}
              </p>
              {errors.includes('budget') && (
                <p id={`${id}-budget-error`} className="sv-error" role="alert">
                  {t.budgetWrong}
                </p>
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}
