import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVY_ON, type BizCount, type BizVoteSimulation, type LevyOn } from '../../api/organisations';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { formatNumber } from '../../lib/format';
import { parseVoters } from '../../lib/organisations/paste';
import { useBizVote, useLanguage } from '../../lib/organisations/queries';
import { fetchParkStakeholders } from '../../lib/stakeholders/queries';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useParkContext } from '../ParkPage';

type Source = 'park' | 'list';

/** The BIZ vote: load or paste the voters, see each statutory condition and what is still needed. */
export function BizVotePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { park } = useParkContext().versioned;
  const queryClient = useQueryClient();
  const [levyOn, setLevyOn] = useState<LevyOn>('users');
  const [source, setSource] = useState<Source>('park');
  const [text, setText] = useState('');
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const parsed = parseVoters(text);
  const request = useDebouncedValue(
    source === 'park'
      ? { levy_on: levyOn, use_park_stakeholders: true }
      : { levy_on: levyOn, use_park_stakeholders: false, voters: parsed.voters.filter((v) => levyOn === 'both' || v.group === (levyOn === 'users' ? 'user' : 'owner')) },
    250,
  );
  const result = useBizVote(park.id, request);

  const loadIntoList = async () => {
    setLoading(true);
    setLoadError(null);
    try {
      const people = await fetchParkStakeholders(queryClient, park.id);
      const lines = people
        .filter((p) => p.kind === 'entrepreneur' || p.kind === 'property_owner')
        .map((p) =>
          [
            p.kind === 'entrepreneur' ? t('organisations.biz.paste.user') : t('organisations.biz.paste.owner'),
            p.trial_poll_vote === 'yes' ? t('organisations.biz.paste.yes') : p.trial_poll_vote === 'no' ? t('organisations.biz.paste.no') : '',
            p.woz_value_eur ? String(Math.round(Number(p.woz_value_eur))) : '',
            p.name,
          ].join('\t'),
        );
      setText([t('organisations.biz.paste.header'), ...lines].join('\n'));
      setSource('list');
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="orgs-biz">
      <p className="orgs-lead">{t('organisations.biz.lead')}</p>
      <div className="orgs-advice-grid">
        <section className="card orgs-biz-input" data-testid="biz-input">
          <div className="field">
            <label htmlFor="biz-levy">{t('organisations.biz.levyOn')}</label>
            <select id="biz-levy" value={levyOn} onChange={(e) => setLevyOn(e.target.value as LevyOn)}>
              {LEVY_ON.map((l) => (
                <option key={l} value={l}>
                  {t(`organisations.biz.levy.${l}`)}
                </option>
              ))}
            </select>
            <p className="hint">{t('organisations.biz.levyHint')}</p>
          </div>
          <fieldset className="orgs-question">
            <legend>{t('organisations.biz.voters')}</legend>
            <div className="orgs-choices">
              <label className={`orgs-choice${source === 'park' ? ' is-selected' : ''}`}>
                <input type="radio" name="biz-source" checked={source === 'park'} onChange={() => setSource('park')} />
                {t('organisations.biz.fromPark')}
              </label>
              <label className={`orgs-choice${source === 'list' ? ' is-selected' : ''}`}>
                <input type="radio" name="biz-source" checked={source === 'list'} onChange={() => setSource('list')} />
                {t('organisations.biz.fromList')}
              </label>
            </div>
            <p className="hint">{source === 'park' ? t('organisations.biz.fromParkHint') : t('organisations.biz.fromListHint')}</p>
          </fieldset>
          {source === 'list' && (
            <div className="field">
              <label htmlFor="biz-paste">{t('organisations.biz.paste.label')}</label>
              <textarea
                id="biz-paste"
                className="orgs-paste"
                value={text}
                rows={10}
                spellCheck={false}
                placeholder={t('organisations.biz.paste.placeholder')}
                onChange={(e) => setText(e.target.value)}
              />
              <p className="hint" data-testid="biz-parsed">
                {t('organisations.biz.paste.read', { count: parsed.voters.length })}
              </p>
              {parsed.errors.length > 0 && (
                <ul className="field-error orgs-paste-errors">
                  {parsed.errors.slice(0, 5).map((e) => (
                    <li key={e.line}>
                      {t(`organisations.biz.paste.error.${e.problem}`, { line: e.line })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <button type="button" className="button button-secondary" onClick={() => void loadIntoList()} disabled={loading}>
            {t('organisations.biz.loadIntoList')}
          </button>
          {loadError !== null && <ErrorAlert error={loadError} />}
        </section>
        <div className="orgs-results" aria-busy={result.isFetching}>
          {result.isPending ? (
            <Loading />
          ) : result.error ? (
            <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
          ) : (
            <BizResult result={result.data} language={language} />
          )}
        </div>
      </div>
    </div>
  );
}

function BizResult({ result, language }: { result: BizVoteSimulation; language: string }) {
  const { t } = useTranslation();
  const euro = (v: string) =>
    formatNumber(Number(v), language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });
  const number = (unit: string, v: string) => (unit === 'eur' ? euro(v) : formatNumber(Number(v), language));
  const rows: [string, BizCount][] = [[t('organisations.biz.counts.total'), result.total]];
  if (result.levy_on !== 'owners') rows.push([t('organisations.biz.counts.users'), result.users]);
  if (result.levy_on !== 'users') rows.push([t('organisations.biz.counts.owners'), result.owners]);
  return (
    <>
      <Alert tone={result.passed ? 'success' : 'warning'} title={result.passed ? t('organisations.biz.passed') : t('organisations.biz.failed')} testId="biz-outcome">
        <p data-testid="biz-needed">{result.needed.explanation}</p>
        {!result.passed && Number(result.needed.woz_shortfall_eur) > 0 && (
          <p className="small">{t('organisations.biz.wozShortfall', { amount: euro(result.needed.woz_shortfall_eur) })}</p>
        )}
      </Alert>
      <ul className="orgs-conditions" data-testid="biz-conditions">
        {result.conditions.map((c) => (
          <li key={c.code} className={`card orgs-condition ${c.passed ? 'is-passed' : 'is-failed'}`} data-testid={`condition-${c.code}`}>
            <span className="orgs-condition-mark" aria-hidden="true">
              {c.passed ? '✓' : '✗'}
            </span>
            <div>
              <p className="orgs-condition-title">
                {t(`organisations.biz.conditions.${c.code}` as 'organisations.biz.conditions.turnout')}{' '}
                <span className="visually-hidden">{c.passed ? t('organisations.biz.met') : t('organisations.biz.notMet')}</span>
              </p>
              <p className="orgs-condition-numbers">
                {t('organisations.biz.actual')}: <strong>{number(c.unit, c.actual)}</strong> · {t('organisations.biz.required')}:{' '}
                <strong>{number(c.unit, c.required)}</strong>
              </p>
              <p className="small muted">{c.explanation}</p>
            </div>
          </li>
        ))}
      </ul>
      {/* Wider than a phone: a focusable, named region, so the keyboard scrolls it. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('organisations.biz.counts.caption')}>
        <table className="table orgs-counts">
          <caption className="visually-hidden">{t('organisations.biz.counts.caption')}</caption>
          <thead>
            <tr>
              <th />
              <th>{t('organisations.biz.counts.entitled')}</th>
              <th>{t('organisations.biz.counts.yes')}</th>
              <th>{t('organisations.biz.counts.no')}</th>
              <th>{t('organisations.biz.counts.notVoted')}</th>
              <th>{t('organisations.biz.counts.wozYes')}</th>
              <th>{t('organisations.biz.counts.wozNo')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, c]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{c.entitled}</td>
                <td>{c.yes}</td>
                <td>{c.no}</td>
                <td>{c.not_voted}</td>
                <td>{euro(c.woz_in_favour_eur)}</td>
                <td>{euro(c.woz_against_eur)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.warnings.map((w) => (
        <p key={w} className="small muted">
          {w}
        </p>
      ))}
    </>
  );
}
