import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchAddress, type AddressHit } from '../api/geocode';
import { isApiError } from '../api/problem';

type State =
  | { step: 'idle' }
  | { step: 'searching' }
  | { step: 'found'; hits: AddressHit[] }
  | { step: 'failed'; unavailable: boolean };

/**
 * Find an address, postcode or place and put the park there. It sits inside the park form, so
 * Enter searches instead of saving the form. Without the geocoder the map and the coordinate
 * fields still work, and the message says so.
 */
export function AddressSearch({ onPick }: { onPick: (hit: AddressHit) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  const pending = useRef<AbortController | null>(null);

  const search = async () => {
    const text = q.trim();
    if (text.length < 2) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setState({ step: 'searching' });
    try {
      const hits = await searchAddress(text, controller.signal);
      if (!controller.signal.aborted) setState({ step: 'found', hits });
    } catch (error) {
      if (!controller.signal.aborted) setState({ step: 'failed', unavailable: isApiError(error, 503) });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void search();
  };

  return (
    <div className="address-search" data-testid="address-search">
      <label htmlFor={`${id}-q`}>{t('park.form.address.label')}</label>
      <div className="address-search-row">
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          autoComplete="off"
          placeholder={t('park.form.address.placeholder')}
          aria-describedby={`${id}-status`}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void search()}
          disabled={q.trim().length < 2 || state.step === 'searching'}
        >
          {t('park.form.address.search')}
        </button>
      </div>
      <div id={`${id}-status`} aria-live="polite" className="small">
        {state.step === 'searching' && <p className="muted">{t('park.form.address.searching')}</p>}
        {state.step === 'failed' && (
          <p className="field-error block" role="alert">
            {t(state.unavailable ? 'park.form.address.unavailable' : 'park.form.address.failed')}
          </p>
        )}
        {state.step === 'found' && state.hits.length === 0 && <p className="muted">{t('park.form.address.none')}</p>}
      </div>
      {state.step === 'found' && state.hits.length > 0 && (
        <ul className="address-hits" aria-label={t('park.form.address.results')}>
          {state.hits.map((hit) => (
            <li key={`${hit.kind}:${hit.label}`}>
              <button
                type="button"
                className="address-hit"
                onClick={() => {
                  onPick(hit);
                  setState({ step: 'idle' });
                  setQ(hit.label);
                }}
              >
                <span>{hit.label}</span>
                <span className="muted small"> · {t(`park.form.address.kinds.${hit.kind}`, { defaultValue: hit.kind })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
