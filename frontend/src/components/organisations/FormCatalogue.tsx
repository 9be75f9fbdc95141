import { useTranslation } from 'react-i18next';
import type { FormFacts } from '../../api/organisations';
import { useForms } from '../../lib/organisations/queries';

/** The eight forms and their facts, with sources: "what do these forms mean?". */
export function FormCatalogue() {
  const { t } = useTranslation();
  const query = useForms();
  if (!query.data) return null;
  const yesNo = (value: boolean | null) =>
    value === null ? t('organisations.catalogue.unknown') : value ? t('organisations.catalogue.yes') : t('organisations.catalogue.no');
  const row = (f: FormFacts) => [
    [t('organisations.catalogue.participation'), t(`organisations.catalogue.participationValues.${f.participation}` as 'organisations.catalogue.participationValues.mandatory')],
    [t('organisations.catalogue.legalPerson'), t(`organisations.catalogue.legalValues.${f.legal_person}` as 'organisations.catalogue.legalValues.yes')],
    [t('organisations.catalogue.assets'), t(`organisations.catalogue.legalValues.${f.holds_assets_and_contracts}` as 'organisations.catalogue.legalValues.yes')],
    [t('organisations.catalogue.profit'), yesNo(f.may_distribute_profit)],
    [t('organisations.catalogue.municipality'), yesNo(f.needs_municipal_decision)],
    [t('organisations.catalogue.vote'), yesNo(f.needs_vote)],
    [t('organisations.catalogue.duration'), f.max_duration_years ? t('organisations.catalogue.years', { count: f.max_duration_years }) : t('organisations.catalogue.noMaximum')],
  ];
  return (
    <details className="card orgs-catalogue" data-testid="form-catalogue">
      <summary>
        <strong>{t('organisations.catalogue.title')}</strong> <span className="muted small">{t('organisations.catalogue.hint')}</span>
      </summary>
      <div className="orgs-catalogue-grid">
        {query.data.map((f) => (
          <section key={f.form} className="orgs-catalogue-item">
            <h4>{f.name}</h4>
            <dl className="orgs-facts">
              {row(f).map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <p className="small">{f.notes}</p>
            <p className="small muted">
              {t('organisations.catalogue.sources')}: {f.sources.map((s) => s.label).join('; ')}
            </p>
          </section>
        ))}
      </div>
    </details>
  );
}
