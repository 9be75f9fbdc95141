import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  createOrganisation,
  deleteOrganisation,
  updateOrganisation,
  type Organisation,
  type OrganisationCreate,
} from '../../api/organisations';
import { refresh } from '../../api/refresh';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { ErrorAlert, Loading } from '../../components/Alert';
import { FormCatalogue } from '../../components/organisations/FormCatalogue';
import { OrganisationForm } from '../../components/organisations/OrganisationForm';
import { localeFor } from '../../lib/format';
import { useLanguage, useOrganisations } from '../../lib/organisations/queries';
import { useParkContext } from '../ParkPage';

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

/** The organisations active on the park: list, add, change, delete (If-Match). */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { park } = useParkContext().versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const query = useOrganisations(park.id);
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const afterChange = () => refresh.organisations(client, park.id);
  const save = useMutation({
    mutationFn: (args: { data: OrganisationCreate; existing?: Organisation }) =>
      args.existing ? updateOrganisation(args.existing, args.data) : createOrganisation(park.id, args.data),
    onSuccess: async () => {
      setEditing(null);
      await afterChange();
    },
  });
  const remove = useMutation({
    mutationFn: deleteOrganisation,
    onSuccess: async () => {
      setConfirming(null);
      await afterChange();
    },
    onError: () => {
      setConfirming(null);
      void afterChange();
    },
  });

  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data;
  const date = (iso: string) => new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'long' }).format(new Date(iso));

  return (
    <div className="orgs-list-page">
      {(save.error || remove.error) && <ErrorAlert error={save.error ?? remove.error} />}
      {items.length === 0 && editing?.kind !== 'new' ? (
        <div className="empty orgs-empty" data-testid="organisations-empty">
          <h3>{t('organisations.list.empty.title')}</h3>
          <p>{t('organisations.list.empty.body')}</p>
          {mayEdit ? (
            <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'new' })}>
              {t('organisations.list.add')}
            </button>
          ) : (
            <p className="small">{t('organisations.list.empty.readOnly')}</p>
          )}
        </div>
      ) : (
        <ul className="orgs-cards" data-testid="organisations-list">
          {items.map((o) =>
            editing?.kind === 'edit' && editing.id === o.id ? (
              <li key={o.id}>
                <OrganisationForm
                  initial={o}
                  busy={save.isPending}
                  onSubmit={(data) => save.mutate({ data, existing: o })}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={o.id} className="card orgs-card" data-testid="organisation-card">
                <div className="orgs-card-main">
                  <span className="orgs-form-badge">{t(`organisations.forms.${o.form}`)}</span>
                  <h3 className="orgs-card-name">{o.name}</h3>
                  <p className="muted small orgs-card-facts">
                    {[
                      o.founded_on ? t('organisations.list.founded', { date: date(o.founded_on) }) : null,
                      o.member_count != null ? t('organisations.list.members', { count: o.member_count }) : null,
                      o.has_board ? t('organisations.list.board') : null,
                      o.has_core_team ? t('organisations.list.coreTeam') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ') || t('organisations.list.noFacts')}
                  </p>
                </div>
                {mayEdit && (
                  <div className="orgs-card-actions">
                    {confirming === o.id ? (
                      <>
                        <span className="small">{t('organisations.list.confirmDelete', { name: o.name })}</span>
                        <button
                          type="button"
                          className="button button-primary orgs-danger"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(o)}
                        >
                          {t('organisations.list.confirmYes')}
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                          {t('organisations.form.cancel')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button type="button" className="button button-quiet" onClick={() => setEditing({ kind: 'edit', id: o.id })}>
                          {t('organisations.list.edit')}
                        </button>
                        <button type="button" className="button button-quiet" onClick={() => setConfirming(o.id)}>
                          {t('organisations.list.delete')}
                        </button>
                      </>
                    )}
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {editing?.kind === 'new' ? (
        <OrganisationForm busy={save.isPending} onSubmit={(data) => save.mutate({ data })} onCancel={() => setEditing(null)} />
      ) : (
        mayEdit &&
        items.length > 0 && (
          <button type="button" className="button button-secondary" onClick={() => setEditing({ kind: 'new' })}>
            {t('organisations.list.add')}
          </button>
        )
      )}
      <div className="card orgs-next" data-testid="organisations-next">
        <h3 className="card-title">{t('organisations.list.next.title')}</h3>
        <p>{t('organisations.list.next.body')}</p>
        <div className="orgs-next-links">
          <Link to="advies" className="button button-primary">
            {t('organisations.list.next.advice')}
          </Link>
          <Link to="biz-stemming" className="button button-secondary">
            {t('organisations.list.next.biz')}
          </Link>
        </div>
      </div>
      <FormCatalogue />
    </div>
  );
}
