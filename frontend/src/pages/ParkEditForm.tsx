import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { updatePark, type VersionedPark } from '../api/client';
import { refresh } from '../api/refresh';
import { describeError, translateFieldMessage } from '../api/messages';
import { ApiError, isApiError } from '../api/problem';
import { Alert } from '../components/Alert';
import { AddressSearch } from '../components/AddressSearch';
import { RequiredLegend, RequiredMark } from '../components/Required';
import { LocationPicker } from '../components/LocationPicker';
import { parseDecimal, toInputNumber } from '../lib/format';
import {
  buildChanges,
  formValuesFromPark,
  isEditableField,
  mergeLatest,
  parseGeometry,
  type ClientError,
  type EditableField,
  type FormValues,
  type LatLon,
} from '../lib/parkForm';
import { fetchLatestPark, setPark } from '../lib/parks/queries';
import { useMunicipalities } from '../lib/useReference';

type Notice = 'none' | 'noChanges' | 'conflict' | 'reloaded';

const CLIENT_MESSAGES: Record<
  ClientError,
  'validation.required' | 'validation.number' | 'validation.integer' | 'validation.latLngPair' | 'validation.geojson'
> = {
  required: 'validation.required',
  number: 'validation.number',
  integer: 'validation.integer',
  latLngPair: 'validation.latLngPair',
  geojson: 'validation.geojson',
};

export function ParkEditForm({
  versioned,
  onCancel,
  onSaved,
}: {
  versioned: VersionedPark;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const queryClient = useQueryClient();
  const [base, setBase] = useState<VersionedPark>(versioned);
  const [values, setValues] = useState<FormValues>(() => formValuesFromPark(versioned.park, language));
  const [clientErrors, setClientErrors] = useState<Partial<Record<EditableField, ClientError>>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<Notice>('none');
  const [conflicts, setConflicts] = useState<Partial<Record<EditableField, string>>>({});
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const municipalities = useMunicipalities(base.park.province);
  const listId = useId();
  const [centreOn, setCentreOn] = useState<LatLon | null>(null);

  const park = base.park;
  const latParsed = parseDecimal(values.latitude);
  const lonParsed = parseDecimal(values.longitude);
  const pickedLatitude = latParsed.ok ? latParsed.value : null;
  const pickedLongitude = lonParsed.ok ? lonParsed.value : null;
  const pickedGeometry = parseGeometry(values.geometry) ?? null;
  const centre = municipalities.data?.find(
    (m) => m.code === park.municipality_code || m.name.toLowerCase() === park.municipality.toLowerCase(),
  );
  const fallbackCentre: [number, number] | null = centre ? [centre.latitude, centre.longitude] : null;
  const mutation = useMutation({
    mutationFn: (changes: Parameters<typeof updatePark>[2]) => updatePark(park.id, base.etag, changes),
    onSuccess: (result) => {
      setPark(queryClient, result);
      void refresh.park(queryClient, park.id);
      onSaved();
    },
    onError: (error) => {
      if (isApiError(error, 412)) setNotice('conflict');
      if (isApiError(error, 422)) setServerErrors(error.problem.fieldErrors);
    },
  });

  const set = (field: EditableField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setClientErrors(({ [field]: _dropped, ...rest }) => rest);
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
    if (notice === 'noChanges') setNotice('none');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    setServerErrors({});
    const result = buildChanges(values, park);
    if (!result.ok) {
      setClientErrors(result.errors);
      return;
    }
    setClientErrors({});
    if (Object.keys(result.changes).length === 0) {
      setNotice('noChanges');
      return;
    }
    if (notice === 'noChanges') setNotice('none');
    mutation.mutate(result.changes);
  };

  const reload = async () => {
    setReloading(true);
    setReloadError(null);
    try {
      const latest = await fetchLatestPark(queryClient, park.id);
      const merged = mergeLatest(values, park, latest.park, language);
      const shown = formValuesFromPark(latest.park, language);
      setValues(merged.values);
      setConflicts(Object.fromEntries(merged.conflicts.map((f) => [f, shown[f] || t('park.form.conflict.empty')])));
      setBase(latest);
      setNotice('reloaded');
      mutation.reset();
    } catch (error) {
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  };

  const messagesFor = (field: EditableField): string[] => {
    const own = clientErrors[field];
    const server = serverErrors[field] ?? [];
    return [
      ...(own ? [t(CLIENT_MESSAGES[own])] : []),
      ...server.map((msg) => translateFieldMessage(msg, t, language)),
    ];
  };
  const otherServerErrors = Object.entries(serverErrors)
    .filter(([field]) => !isEditableField(field))
    .flatMap(([, msgs]) => msgs.map((msg) => translateFieldMessage(msg, t, language)));
  const hasFieldErrors =
    Object.keys(clientErrors).length > 0 || Object.keys(serverErrors).some((f) => isEditableField(f));

  const error = mutation.error;
  let errorAlert: ReactNode = null;
  if (notice === 'conflict' || (error && isApiError(error, 412))) {
    errorAlert = (
      <Alert
        tone="warning"
        testId="conflict-message"
        title={t('park.form.conflict.title')}
        actions={
          <button type="button" className="button button-secondary" onClick={() => void reload()} disabled={reloading}>
            {reloading ? t('park.form.conflict.reloading') : t('park.form.conflict.reload')}
          </button>
        }
      >
        <p>{t('park.form.conflict.body')}</p>
      </Alert>
    );
  } else if (error && isApiError(error, 403)) {
    errorAlert = (
      <Alert tone="error" testId="forbidden-message" title={t('park.form.forbidden')}>
        {error.problem.detail && <p className="alert-detail">{t('errors.serverSays', { detail: error.problem.detail })}</p>}
      </Alert>
    );
  } else if (error && isApiError(error, 422)) {
    errorAlert = (
      <Alert tone="error" testId="validation-message" title={t('park.form.fixFields')}>
        {otherServerErrors.length > 0 ? (
          <ul>
            {otherServerErrors.map((msg) => (
              <li key={msg}>{msg}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    );
  } else if (error) {
    const { message, detail } = describeError(error, t);
    errorAlert = (
      <Alert tone="error" title={`${t('park.form.failed')} ${message}`}>
        {detail && error instanceof ApiError && <p className="alert-detail">{t('errors.serverSays', { detail })}</p>}
      </Alert>
    );
  } else if (hasFieldErrors) {
    errorAlert = <Alert tone="error" testId="validation-message" title={t('park.form.fixFields')} />;
  }

  const field = (name: EditableField, input: (props: InputProps) => ReactNode, hint?: string) => (
    <FormField
      name={name}
      required={REQUIRED.has(name)}
      label={t(`park.fields.${name}`)}
      hint={hint}
      errors={messagesFor(name)}
      conflict={conflicts[name]}
      input={input}
    />
  );
  const text = (
    name: EditableField,
    opts: { hint?: string; inputMode?: 'decimal' | 'numeric'; list?: string } = {},
  ) =>
    field(
      name,
      (props) => (
        <input
          type="text"
          {...props}
          autoComplete="off"
          inputMode={opts.inputMode}
          list={opts.list}
          value={values[name]}
          onChange={(e) => set(name, e.target.value)}
        />
      ),
      opts.hint,
    );

  return (
    <section className="card edit-card" aria-labelledby="park-edit-title">
      <h2 id="park-edit-title">{t('park.form.title')}</h2>
      <p className="muted small">{t('park.form.intro')}</p>
      {errorAlert}
      {reloadError ? <Alert tone="error" title={describeError(reloadError, t).message} /> : null}
      {notice === 'reloaded' && !error && (
        <Alert tone="info" testId="reloaded-message">
          <p>{t('park.form.conflict.reloaded')}</p>
        </Alert>
      )}
      {notice === 'noChanges' && (
        <Alert tone="info">
          <p>{t('park.form.noChanges')}</p>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate className="form-grid">
        <div className="span-2">
          <RequiredLegend />
        </div>
        <div className="span-2">{text('name')}</div>
        <div className="span-2">
          {text('municipality', { list: listId, hint: t('park.form.hints.municipality') })}
          <datalist id={listId}>
            {(municipalities.data ?? []).map((m) => (
              <option key={m.code} value={m.name} />
            ))}
          </datalist>
        </div>
        <div className="span-2">
          {field('description', (props) => (
            <textarea {...props} rows={5} value={values.description} onChange={(e) => set('description', e.target.value)} />
          ))}
        </div>
        {text('area_ha', { inputMode: 'decimal', hint: t('park.form.hints.area') })}
        {text('area_net_ha', { inputMode: 'decimal', hint: t('park.form.hints.area') })}
        {text('area_available_ha', { inputMode: 'decimal', hint: t('park.form.hints.area') })}
        {text('company_count', { inputMode: 'numeric' })}
        <div className="span-2">
          <AddressSearch
            onPick={(hit) => {
              set('latitude', toInputNumber(hit.latitude, language));
              set('longitude', toInputNumber(hit.longitude, language));
              setCentreOn([hit.latitude, hit.longitude]);
            }}
          />
          <LocationPicker
            latitude={pickedLatitude}
            longitude={pickedLongitude}
            geometry={pickedGeometry}
            fallback={fallbackCentre}
            centreOn={centreOn}
            onPick={(lat, lon) => {
              set('latitude', toInputNumber(lat, language));
              set('longitude', toInputNumber(lon, language));
            }}
            onOutline={(polygon) => set('geometry', JSON.stringify(polygon))}
          />
        </div>
        {text('latitude', { inputMode: 'decimal', hint: t('park.form.hints.latitude') })}
        {text('longitude', { inputMode: 'decimal', hint: t('park.form.hints.longitude') })}
        <div className="span-2">
          {field('geometry', (props) => (
            <textarea
              {...props}
              rows={4}
              className="mono"
              spellCheck={false}
              placeholder='{"type": "Polygon", "coordinates": [...]}'
              value={values.geometry}
              onChange={(e) => set('geometry', e.target.value)}
            />
          ), t('park.form.hints.geometry'))}
        </div>
        <div className="form-actions span-2">
          <button type="submit" className="button button-primary" disabled={mutation.isPending || reloading}>
            {mutation.isPending ? t('park.form.saving') : t('park.form.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={mutation.isPending}>
            {t('park.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Fields the form refuses empty (buildChanges). */
const REQUIRED: ReadonlySet<EditableField> = new Set<EditableField>(['name', 'municipality']);

interface InputProps {
  id: string;
  name: string;
  required?: boolean;
  'aria-required'?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

function FormField({
  name,
  required,
  label,
  hint,
  errors,
  conflict,
  input,
}: {
  name: EditableField;
  required: boolean;
  label: string;
  hint: string | undefined;
  errors: string[];
  conflict: string | undefined;
  input: (props: InputProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = `park-${name}`;
  const described = [hint && `${id}-hint`, conflict && `${id}-conflict`, errors.length > 0 && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${errors.length > 0 ? ' field-invalid' : ''}`} data-field={name}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {input({
        id,
        name,
        required: required || undefined,
        'aria-required': required || undefined,
        'aria-invalid': errors.length > 0 || undefined,
        'aria-describedby': described || undefined,
      })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {conflict !== undefined && (
        <p className="field-conflict" id={`${id}-conflict`}>
          {t('park.form.conflict.nowSaved', { value: conflict })}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-error`} data-testid={`error-${name}`}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
