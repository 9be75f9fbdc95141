import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { canEditPark } from '../auth/permissions';
import { Alert } from '../components/Alert';
import { ParkMap } from '../components/ParkMap';
import { EMPTY, formatCoordinate, formatDateTime, formatHectares, formatNumber } from '../lib/format';
import { ParkEditForm } from './ParkEditForm';
import { useParkContext } from './ParkPage';

export function ParkOverview() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { versioned, provinceName } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayEdit = canEditPark(user, park.province);

  const rows: [string, string][] = [
    [t('park.fields.name'), park.name],
    [t('park.fields.municipality'), park.municipality_code ? `${park.municipality} (${park.municipality_code})` : park.municipality],
    [t('park.fields.province'), provinceName],
    [t('park.fields.area_ha'), formatHectares(park.area_ha, language)],
    [t('park.fields.area_net_ha'), formatHectares(park.area_net_ha, language)],
    [t('park.fields.area_available_ha'), formatHectares(park.area_available_ha, language)],
    [t('park.fields.company_count'), formatNumber(park.company_count, language, { maximumFractionDigits: 0 })],
    [
      t('park.fields.coordinates'),
      park.latitude != null && park.longitude != null
        ? `${formatCoordinate(park.latitude, language)}; ${formatCoordinate(park.longitude, language)}`
        : EMPTY,
    ],
    [t('park.fields.ibis_id'), park.ibis_id ?? EMPTY],
    [t('park.fields.ibis_type'), park.ibis_type ?? EMPTY],
    [t('park.fields.ibis_year'), park.ibis_year != null ? String(park.ibis_year) : EMPTY],
    [t('park.fields.updated_at'), `${formatDateTime(park.updated_at, language)} · ${t('park.fields.version')} ${park.version}`],
  ];

  return (
    <div className="overview">
      {saved && !editing && (
        <Alert tone="success" testId="save-success">
          <p>{t('park.saved')}</p>
        </Alert>
      )}
      <div className="overview-grid">
        <div className="overview-main">
          {editing ? (
            <ParkEditForm
              versioned={versioned}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : (
            <>
              <section className="card" aria-labelledby="park-data-title">
                <div className="card-head">
                  <h2 id="park-data-title">{t('park.data')}</h2>
                  {mayEdit ? (
                    <button
                      type="button"
                      className="button button-primary"
                      onClick={() => {
                        setSaved(false);
                        setEditing(true);
                      }}
                    >
                      {t('park.edit')}
                    </button>
                  ) : (
                    <span className="muted small" data-testid="read-only-note">
                      {t('park.noEditRights')}
                    </span>
                  )}
                </div>
                <dl className="facts">
                  {rows.map(([label, value]) => (
                    <div key={label} className="fact">
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              </section>
              <section className="card" aria-labelledby="park-description-title">
                <h2 id="park-description-title">{t('park.description')}</h2>
                {park.description ? (
                  <p className="description" data-testid="park-description">
                    {park.description}
                  </p>
                ) : (
                  <p className="muted" data-testid="park-description">
                    {t('park.noDescription')}
                  </p>
                )}
              </section>
            </>
          )}
        </div>
        <aside className="overview-side">
          <section className="card" aria-labelledby="park-location-title">
            <h2 id="park-location-title">{t('park.location')}</h2>
            <ParkMap park={park} />
          </section>
        </aside>
      </div>
    </div>
  );
}
