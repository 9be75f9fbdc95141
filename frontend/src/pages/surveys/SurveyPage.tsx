import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { refresh } from '../../api/refresh';
import { STAKEHOLDER_KINDS, type Stakeholder } from '../../api/interests';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { RequiredMark } from '../../components/Required';
import { formatDateTime, formatNumber } from '../../lib/format';
import { kindLabel } from '../../lib/interests/labels';
import { themeName } from '../../lib/interests/matrix';
import { useThemes } from '../../lib/interests/queries';
import { useParkStakeholders } from '../../lib/stakeholders/queries';
import { useInvitations, useSurvey, useSurveyResponses } from '../../lib/surveys/queries';
import {
  NEXT_STATUS,
  acceptResponse,
  conflictThemes,
  downloadInvitations,
  invite,
  rejectResponse,
  revokeInvitation,
  transitionSurvey,
  type ResponseStatus,
  type StakeholderKind,
  type Survey,
  type SurveyResponse,
} from '../../lib/surveys/api';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';
import { StatusBadge } from './SurveysPage';
import '../../components/interests/interests.css';
import './surveys.css';

const INVITE_KINDS: StakeholderKind[] = ['entrepreneur', 'property_owner', 'municipality', 'grid_operator', 'park_manager'];

/** `parken/:parkId/enquetes/:surveyId`: open or close it, send the links, review the answers. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const queryClient = useQueryClient();
  const query = useSurvey(park.id, surveyId);
  useDocumentTitle(query.data ? `${query.data.survey.title} · ${park.name}` : undefined);
  const refreshSurveys = () => void refresh.surveys(queryClient, park.id);
  const move = useMutation({
    mutationFn: () => transitionSurvey(surveyId, query.data!.etag, NEXT_STATUS[query.data!.survey.status]),
    onSuccess: refreshSurveys,
  });

  const back = (
    <p className="pj-back">
      <Link to={`/parken/${park.id}/enquetes`}>← {t('surveys.detail.back')}</Link>
    </p>
  );
  if (query.isPending) return <Loading />;
  if (query.error) return <>{back}<ErrorAlert error={query.error} onRetry={() => void query.refetch()} /></>;
  const { survey } = query.data;
  const nextLabel = survey.status === 'draft' ? t('surveys.to.open') : survey.status === 'open' ? t('surveys.to.closed') : t('surveys.to.reopen');

  return (
    <div className="sv-detail" data-testid="survey-detail" data-status={survey.status}>
      {back}
      <div className="sv-head">
        <div>
          <h2>
            {survey.title} <StatusBadge survey={survey} />
          </h2>
          {survey.intro && <p className="muted">{survey.intro}</p>}
        </div>
        {mayEdit && (
          <button type="button" className="button button-primary" onClick={() => move.mutate()} disabled={move.isPending}>
            {nextLabel}
          </button>
        )}
      </div>
      {move.error && <ErrorAlert error={move.error} />}
      {survey.status === 'draft' && <Alert tone="info">{t('surveys.detail.draftNote')}</Alert>}
      <p>
        <a href={`/s/voorbeeld/${survey.id}`} target="_blank" rel="noreferrer" data-testid="survey-preview">
          {t('surveys.detail.preview')}
        </a>
      </p>
      {survey.open_link_url && <CopyLink label={t('surveys.detail.openLink')} url={survey.open_link_url} />}
      <Rates survey={survey} />
      {mayEdit && <Invitations survey={survey} parkId={park.id} onChange={refreshSurveys} />}
      <Inbox survey={survey} parkId={park.id} mayEdit={mayEdit} onChange={refreshSurveys} />
    </div>
  );
}

function CopyLink({ label, url }: { label: string; url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="card sv-link">
      <label htmlFor={id}>{label}</label>
      <div className="sv-link-row">
        <input id={id} readOnly value={url} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? t('surveys.detail.copied') : t('surveys.detail.copy')}
        </button>
      </div>
    </div>
  );
}

function Rates({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  return (
    <section className="card sv-section" aria-labelledby="sv-rates">
      <h3 id="sv-rates">{t('surveys.detail.rates')}</h3>
      {survey.rates.length === 0 ? (
        <p className="muted">{t('surveys.detail.noRates')}</p>
      ) : (
        <table className="table stack-table" data-testid="survey-rates">
          <thead>
            <tr>
              <th scope="col">{t('surveys.detail.kind')}</th>
              <th scope="col" className="num">{t('surveys.detail.invited')}</th>
              <th scope="col" className="num">{t('surveys.detail.responded')}</th>
              <th scope="col" className="num">{t('surveys.detail.accepted')}</th>
              <th scope="col" className="num">{t('surveys.detail.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {survey.rates.map((r) => (
              <tr key={r.kind}>
                <th scope="row">{kindLabel(t, r.kind)}</th>
                <td className="num" data-label={t('surveys.detail.invited')}>{r.invited}</td>
                <td className="num" data-label={t('surveys.detail.responded')}>{r.responded}</td>
                <td className="num" data-label={t('surveys.detail.accepted')}>{r.accepted}</td>
                <td className="num" data-label={t('surveys.detail.rate')}>
                  {formatNumber(r.response_rate * 100, language, { maximumFractionDigits: 0 })}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Invitations({ survey, parkId, onChange }: { survey: Survey; parkId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const list = useInvitations(parkId, survey.id);
  const done = onChange; // the survey's prefix covers its links
  const add = useMutation({
    mutationFn: (kind: StakeholderKind) => invite(survey.id, { kinds: [kind] }),
    onSuccess: (made) => {
      setNotice(made.created > 0 ? t('surveys.detail.invited', { count: made.created }) : t('surveys.detail.alreadyInvited'));
      done();
    },
  });
  const revoke = useMutation({ mutationFn: revokeInvitation, onSuccess: done });
  const download = useMutation({ mutationFn: (format: 'csv' | 'xlsx') => downloadInvitations(survey.id, format) });

  return (
    <section className="card sv-section" aria-labelledby="sv-invitations">
      <h3 id="sv-invitations">{t('surveys.detail.invitations')}</h3>
      <div className="sv-actions-row">
        {INVITE_KINDS.map((kind) => (
          <button key={kind} type="button" className="button button-secondary" onClick={() => add.mutate(kind)} disabled={add.isPending}>
            {t(`surveys.kinds.${kind}`)}
          </button>
        ))}
      </div>
      {notice && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
      {add.error && <ErrorAlert error={add.error} />}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="muted">{t('surveys.detail.noInvitations')}</p>
      ) : (
        <>
          <div className="sv-actions-row">
            <button type="button" className="button button-secondary" onClick={() => download.mutate('xlsx')} disabled={download.isPending}>
              {t('surveys.detail.export')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => download.mutate('csv')} disabled={download.isPending}>
              {t('surveys.detail.exportCsv')}
            </button>
          </div>
          {download.error && <ErrorAlert error={download.error} />}
          {revoke.error && <ErrorAlert error={revoke.error} />}
          <table className="table stack-table" data-testid="invitations">
            <thead>
              <tr>
                <th scope="col">{t('surveys.detail.name')}</th>
                <th scope="col">{t('surveys.detail.kind')}</th>
                <th scope="col">{t('surveys.detail.email')}</th>
                <th scope="col">{t('surveys.detail.answered')}</th>
                <th scope="col">{t('surveys.detail.link')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((i) => (
                <tr key={i.id} data-testid="invitation" data-url={i.url ?? ''}>
                  <th scope="row">{i.stakeholder_name}</th>
                  <td data-label={t('surveys.detail.kind')}>{kindLabel(t, i.stakeholder_kind)}</td>
                  <td data-label={t('surveys.detail.email')}>{i.email ?? <span className="muted">—</span>}</td>
                  <td data-label={t('surveys.detail.answered')}>{i.responded ? t('surveys.detail.yes') : t('surveys.detail.no')}</td>
                  <td data-label={t('surveys.detail.link')}>
                    {i.url ? (
                      <span className="sv-link-cell">
                        <button type="button" className="ix-link-button" onClick={() => void navigator.clipboard?.writeText(i.url ?? '')}>
                          {t('surveys.detail.copy')}
                        </button>
                        <button
                          type="button"
                          className="ix-link-button"
                          aria-label={t('surveys.detail.revokeOf', { name: i.stakeholder_name })}
                          onClick={() => revoke.mutate(i.id)}
                          disabled={revoke.isPending}
                        >
                          {t('surveys.detail.revoke')}
                        </button>
                      </span>
                    ) : (
                      <span className="muted">{t('surveys.detail.revoked')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const FILTERS: (ResponseStatus | null)[] = ['pending', 'accepted', 'rejected', null];

function Inbox({ survey, parkId, mayEdit, onChange }: { survey: Survey; parkId: string; mayEdit: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<ResponseStatus | null>('pending');
  const responses = useSurveyResponses(parkId, survey.id, status);
  const stakeholders = useParkStakeholders(parkId);
  return (
    <section className="card sv-section" aria-labelledby="sv-inbox">
      <div className="sv-head">
        <h3 id="sv-inbox">{t('surveys.inbox.title')}</h3>
        <div className="field sv-filter">
          <label htmlFor={`${id}-status`}>{t('surveys.inbox.filter')}</label>
          <select id={`${id}-status`} value={status ?? ''} onChange={(e) => setStatus((e.target.value || null) as ResponseStatus | null)}>
            {FILTERS.map((f) => (
              <option key={f ?? 'all'} value={f ?? ''}>
                {t(`surveys.inbox.${f ?? 'all'}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {responses.isPending ? (
        <Loading />
      ) : responses.error ? (
        <ErrorAlert error={responses.error} onRetry={() => void responses.refetch()} />
      ) : responses.data.length === 0 ? (
        <p className="muted">{t('surveys.inbox.empty')}</p>
      ) : (
        <ul className="sv-responses">
          {responses.data.map((r) => (
            <li key={r.id}>
              <ResponseCard response={r} parkId={parkId} mayEdit={mayEdit} stakeholders={stakeholders.data?.items ?? []} onChange={onChange} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ResponseCard({
  response,
  parkId,
  mayEdit,
  stakeholders,
  onChange,
}: {
  response: SurveyResponse;
  parkId: string;
  mayEdit: boolean;
  stakeholders: Stakeholder[];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const id = useId();
  const queryClient = useQueryClient();
  const themes = useThemes();
  const names = new Map((themes.data ?? []).map((th) => [th.code, themeName(th, language)] as const));
  const [target, setTarget] = useState<string>(response.proposed?.id ?? (response.personal_link ? '' : 'new'));
  const [kind, setKind] = useState<StakeholderKind>('entrepreneur');
  const [choices, setChoices] = useState<Record<string, 'keep' | 'overwrite'>>({});
  const [conflicts, setConflicts] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  // Accepted answers count now (the ranking, the matrix, the interviews, perhaps a new stakeholder).
  const afterAccept = () => void refresh.surveyAccepted(queryClient, parkId);
  const accept = useMutation({
    mutationFn: () =>
      acceptResponse(response, {
        create_stakeholder: !response.personal_link && target === 'new',
        kind,
        stakeholder_id: response.personal_link || target === 'new' ? null : target,
        keep: Object.entries(choices).flatMap(([code, c]) => (c === 'keep' ? [code] : [])),
        overwrite: Object.entries(choices).flatMap(([code, c]) => (c === 'overwrite' ? [code] : [])),
      }),
    onSuccess: afterAccept,
    onError: (error) => {
      if (isApiError(error, 409)) {
        const found = conflictThemes(error.problem);
        setConflicts(found);
        setChoices((c) => Object.fromEntries(found.map((code) => [code, c[code] ?? 'keep'])));
      }
    },
  });
  const reject = useMutation({ mutationFn: () => rejectResponse(response, reason.trim()), onSuccess: onChange });
  const who = response.company_name ?? response.proposed?.name ?? '—';
  const acceptedName = stakeholders.find((s) => s.id === response.stakeholder_id)?.name;

  return (
    <article className="sv-response" data-testid="survey-response" data-status={response.status}>
      <header>
        <h4>{who}</h4>
        <p className="muted small">
          {t(`surveys.inbox.via.${response.personal_link ? 'personal' : 'open'}`)} · {t('surveys.inbox.submitted', { date: formatDateTime(response.submitted_at, language) })}
          {response.kvk_number && ` · KvK ${response.kvk_number}`}
          {response.contact_name && ` · ${t('surveys.inbox.contact')}: ${response.contact_name}`}
          {response.contact_email && ` · ${response.contact_email}`}
        </p>
      </header>
      <ul className="sv-answers">
        {response.answers.map((a) => (
          <li key={a.theme_code}>
            <strong>{names.get(a.theme_code) ?? a.theme_code}</strong> — {t('surveys.inbox.urgency', { n: a.urgency })}
            {a.challenge && <span className="muted">: {a.challenge}</span>}
          </li>
        ))}
      </ul>
      {response.status === 'accepted' && <p className="sv-ok">{t('surveys.inbox.acceptedAs', { name: acceptedName ?? '' })}</p>}
      {response.status === 'rejected' && response.reject_reason && <p className="muted">{t('surveys.inbox.rejectedBecause', { reason: response.reject_reason })}</p>}
      {mayEdit && response.status !== 'accepted' && (
        <div className="sv-review">
          {response.proposed && (
            <p className="small">
              {t('surveys.inbox.proposed', { name: response.proposed.name })} ({t(`surveys.inbox.reason.${response.proposed.reason as 'invited' | 'kvk_number' | 'name'}`)})
            </p>
          )}
          {!response.personal_link && (
            <div className="sv-review-row">
              <div className="field">
                <label htmlFor={`${id}-target`}>{t('surveys.inbox.match')}</label>
                <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
                  <option value="new">{t('surveys.inbox.createNew')}</option>
                  {stakeholders.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
              {target === 'new' && (
                <div className="field">
                  <label htmlFor={`${id}-kind`}>{t('surveys.inbox.newKind')}</label>
                  <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as StakeholderKind)}>
                    {STAKEHOLDER_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {kindLabel(t, k)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
          )}
          {conflicts.length > 0 && (
            <div className="sv-conflicts" data-testid="accept-conflicts">
              <Alert tone="warning">
                <p>{t('surveys.inbox.conflict', { themes: conflicts.map((c) => names.get(c) ?? c).join(', ') })}</p>
              </Alert>
              {conflicts.map((code) => (
                <fieldset key={code} className="sv-choice-row">
                  <legend>{names.get(code) ?? code}</legend>
                  {(['keep', 'overwrite'] as const).map((c) => (
                    <label key={c} className="check">
                      <input type="radio" name={`${id}-${code}`} checked={choices[code] === c} onChange={() => setChoices((x) => ({ ...x, [code]: c }))} />{' '}
                      {t(`surveys.inbox.${c}`)}
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
          )}
          {accept.error && !isApiError(accept.error, 409) && <ErrorAlert error={accept.error} />}
          {reject.error && <ErrorAlert error={reject.error} />}
          {rejecting ? (
            <div className="sv-review-row">
              <div className="field">
                <label htmlFor={`${id}-reason`}>
                  {t('surveys.inbox.rejectReason')}
                  <RequiredMark />
                </label>
                <input id={`${id}-reason`} required aria-required="true" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
              </div>
              <button type="button" className="button button-secondary" disabled={!reason.trim() || reject.isPending} onClick={() => reject.mutate()}>
                {t('surveys.inbox.rejectConfirm')}
              </button>
            </div>
          ) : (
            <div className="sv-actions-row">
              <button type="button" className="button button-primary" disabled={accept.isPending || (!response.personal_link && !target)} onClick={() => accept.mutate()}>
                {conflicts.length > 0 ? t('surveys.inbox.acceptAgain') : t('surveys.inbox.accept')}
              </button>
              {response.status !== 'rejected' && (
                <button type="button" className="button button-secondary" onClick={() => setRejecting(true)}>
                  {t('surveys.inbox.reject')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </article>
  );
}
