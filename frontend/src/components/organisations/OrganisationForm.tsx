import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FORMS, type Form, type Organisation, type OrganisationCreate } from '../../api/organisations';
import { parseInteger } from '../../lib/format';
import { DateInput } from '../DateInput';
import { RequiredLegend, RequiredMark } from '../Required';

/** Add or change an organisation: its form, name, founding date, board, core team, members. */
export function OrganisationForm({
  initial,
  busy,
  onSubmit,
  onCancel,
}: {
  initial?: Organisation;
  busy: boolean;
  onSubmit: (data: OrganisationCreate) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(initial?.form ?? 'werkgroep');
  const [name, setName] = useState(initial?.name ?? '');
  const [founded, setFounded] = useState(initial?.founded_on ?? '');
  const [board, setBoard] = useState(initial?.has_board ?? false);
  const [core, setCore] = useState(initial?.has_core_team ?? false);
  const [members, setMembers] = useState(initial?.member_count?.toString() ?? '');
  const [tried, setTried] = useState(false);

  const parsedMembers = parseInteger(members);
  const nameError = tried && !name.trim();
  const membersError = !parsedMembers.ok || (parsedMembers.value !== null && parsedMembers.value < 0);
  const idPrefix = initial ? `org-${initial.id}` : 'org-new';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || membersError) return;
    onSubmit({
      form,
      name: name.trim(),
      founded_on: founded || null,
      has_board: board,
      has_core_team: core,
      member_count: parsedMembers.ok ? parsedMembers.value : null,
    });
  };

  return (
    <form className="card orgs-form" onSubmit={submit} data-testid="organisation-form" noValidate>
      <RequiredLegend />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${idPrefix}-form`}>
            {t('organisations.form.form')}
            <RequiredMark />
          </label>
          <select id={`${idPrefix}-form`} required aria-required="true" value={form} onChange={(e) => setForm(e.target.value as Form)}>
            {FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`organisations.forms.${f}`)}
              </option>
            ))}
          </select>
          <p className="hint">{t(`organisations.formHints.${form}`)}</p>
        </div>
        <div className={`field${nameError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${idPrefix}-name`}>
            {t('organisations.form.name')}
            <RequiredMark />
          </label>
          <input
            id={`${idPrefix}-name`}
            type="text"
            required
            aria-required="true"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError}
          />
          {nameError && <p className="field-error">{t('organisations.form.nameRequired')}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-founded`}>{t('organisations.form.foundedOn')}</label>
          <DateInput id={`${idPrefix}-founded`} value={founded} onChange={setFounded} />
        </div>
        <div className={`field${membersError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${idPrefix}-members`}>{t('organisations.form.memberCount')}</label>
          <input
            id={`${idPrefix}-members`}
            type="text"
            inputMode="numeric"
            value={members}
            onChange={(e) => setMembers(e.target.value)}
            aria-invalid={membersError}
          />
          {membersError && <p className="field-error">{t('organisations.form.memberInvalid')}</p>}
        </div>
        <label className="orgs-check">
          <input type="checkbox" checked={board} onChange={(e) => setBoard(e.target.checked)} />
          {t('organisations.form.hasBoard')}
        </label>
        <label className="orgs-check">
          <input type="checkbox" checked={core} onChange={(e) => setCore(e.target.checked)} />
          {t('organisations.form.hasCoreTeam')}
        </label>
      </div>
      <div className="form-actions orgs-form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('organisations.form.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('organisations.form.cancel')}
        </button>
      </div>
    </form>
  );
}
