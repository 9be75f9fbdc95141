import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/messages';
import { isApiError } from '../../api/problem';
import { createContact, type ContactChannel, type ContactMoment } from '../../api/stakeholders';
import { addDays, addMonths, isIsoDate, localIsoDate } from '../../lib/stakeholders/dates';
import { CHANNELS } from '../../lib/stakeholders/kinds';
import { translateStakeholderMessage } from '../../lib/stakeholders/messages';
import { Alert } from '../Alert';
import { RequiredLegend, RequiredMark } from '../Required';
import { DateInput } from '../DateInput';
import './stakeholders.css';

type Field = 'date' | 'channel' | 'summary' | 'follow_up_date';

const QUICK: { key: 'week' | 'twoWeeks' | 'month'; next: (from: string) => string }[] = [
  { key: 'week', next: (d) => addDays(d, 7) },
  { key: 'twoWeeks', next: (d) => addDays(d, 14) },
  { key: 'month', next: (d) => addMonths(d, 1) },
];

/** "Contact vastleggen": date (today), how, what was said, and when to get back to them. */
export function ContactForm({
  stakeholderId,
  openFollowUps = 0,
  onSaved,
}: {
  stakeholderId: string;
  /** Open follow-ups of this stakeholder: a new conversation usually is that follow-up. */
  openFollowUps?: number;
  onSaved: (contact: ContactMoment) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [date, setDate] = useState(() => localIsoDate());
  const [channel, setChannel] = useState<ContactChannel>('visit');
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  const [closeOpen, setCloseOpen] = useState(true);

  const mutation = useMutation({
    mutationFn: () =>
      createContact(stakeholderId, {
        date,
        channel,
        summary: summary.trim() || null,
        follow_up_date: followUp || null,
        follow_up_done: false,
        close_open_follow_ups: openFollowUps > 0 && closeOpen,
      }),
    onSuccess: (contact) => {
      setSummary('');
      setFollowUp('');
      setDate(localIsoDate());
      setCloseOpen(true);
      setSaved(true);
      onSaved(contact);
    },
  });

  const serverErrors = isApiError(mutation.error, 422) ? mutation.error.problem.fieldErrors : {};
  const messages = (field: Field) => [
    ...(clientErrors[field] ? [clientErrors[field]] : []),
    ...(serverErrors[field] ?? []).map((m) => translateStakeholderMessage(m, t, language)),
  ];

  const submit = () => {
    setSaved(false);
    mutation.reset();
    const errors: Partial<Record<Field, string>> = {};
    if (!isIsoDate(date)) errors.date = t('stakeholders.messages.date');
    if (followUp && !isIsoDate(followUp)) errors.follow_up_date = t('stakeholders.messages.date');
    else if (followUp && isIsoDate(date) && followUp < date) errors.follow_up_date = t('stakeholders.messages.followUpBeforeDate');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    mutation.mutate();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const error = mutation.error;
  const other = Object.entries(serverErrors).filter(([f]) => !['date', 'channel', 'summary', 'follow_up_date'].includes(f));
  const errorRow = (field: Field) => {
    const list = messages(field);
    return list.length > 0 ? (
      <p className="field-error" id={`contact-${field}-error`} data-testid={`contact-error-${field}`}>
        {list.join(' ')}
      </p>
    ) : null;
  };
  const invalid = (field: Field) => (messages(field).length > 0 ? { 'aria-invalid': true, 'aria-describedby': `contact-${field}-error` } : {});

  return (
    <section className="card contact-form-card" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">{t('stakeholders.contacts.log')}</h2>
      {saved && !error && (
        <Alert tone="success" testId="contact-saved">
          <p>{t('stakeholders.contacts.saved')}</p>
        </Alert>
      )}
      {error && !isApiError(error, 422) && (
        <Alert
          tone="error"
          title={isApiError(error, 403) ? t('stakeholders.form.forbidden') : `${t('stakeholders.contacts.failed')} ${describeError(error, t).message}`}
        />
      )}
      {other.length > 0 && (
        <Alert tone="error" title={t('stakeholders.form.fixFields')}>
          <ul>
            {other.flatMap(([, msgs]) => msgs).map((m) => (
              <li key={m}>{translateStakeholderMessage(m, t, language)}</li>
            ))}
          </ul>
        </Alert>
      )}
      <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate className="contact-form" data-testid="contact-form">
        <RequiredLegend />
        <div className="contact-form-row">
          <div className={`field${messages('date').length ? ' field-invalid' : ''}`}>
            <label htmlFor="contact-date">
              {t('stakeholders.contacts.date')}
              <RequiredMark />
            </label>
            <DateInput id="contact-date" value={date} onChange={setDate} required aria-required="true" {...invalid('date')} />
            {errorRow('date')}
          </div>
          <fieldset className="field channel-field">
            <legend>
              {t('stakeholders.contacts.channel')}
              <RequiredMark />
            </legend>
            <div className="sh-segmented" role="radiogroup" aria-label={t('stakeholders.contacts.channel')} aria-required="true">
              {CHANNELS.map((c) => (
                <label key={c} className={channel === c ? 'active' : undefined}>
                  <input type="radio" name="contact-channel" value={c} checked={channel === c} onChange={() => setChannel(c)} required />
                  {t(`stakeholders.channels.${c}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`field${messages('summary').length ? ' field-invalid' : ''}`}>
          <label htmlFor="contact-summary">{t('stakeholders.contacts.summary')}</label>
          <textarea
            id="contact-summary"
            rows={4}
            value={summary}
            placeholder={t('stakeholders.contacts.summaryPlaceholder')}
            onChange={(e) => setSummary(e.target.value)}
            {...invalid('summary')}
          />
          {errorRow('summary')}
        </div>
        <div className={`field${messages('follow_up_date').length ? ' field-invalid' : ''}`}>
          <label htmlFor="contact-follow-up">{t('stakeholders.contacts.followUp')}</label>
          <div className="sh-follow-up-row">
            <DateInput
              id="contact-follow-up"
              value={followUp}
              min={isIsoDate(date) ? date : undefined}
              onChange={setFollowUp}
              {...invalid('follow_up_date')}
            />
            <div className="sh-quick-dates" role="group" aria-label={t('stakeholders.contacts.quickLabel')}>
              {QUICK.map((q) => (
                <button
                  key={q.key}
                  type="button"
                  className="button button-quiet sh-button-small"
                  onClick={() => setFollowUp(q.next(isIsoDate(date) ? date : localIsoDate()))}
                >
                  {t(`stakeholders.contacts.quick.${q.key}`)}
                </button>
              ))}
              {followUp && (
                <button type="button" className="button button-quiet sh-button-small" onClick={() => setFollowUp('')}>
                  {t('stakeholders.contacts.quick.none')}
                </button>
              )}
            </div>
          </div>
          <p className="hint">{t('stakeholders.contacts.followUpHint')}</p>
          {errorRow('follow_up_date')}
        </div>
        {openFollowUps > 0 && (
          <div className="field">
            <label className="check-label">
              <input type="checkbox" checked={closeOpen} onChange={(e) => setCloseOpen(e.target.checked)} data-testid="close-open-follow-ups" />{' '}
              {t('stakeholders.contacts.closeOpen', { count: openFollowUps })}
            </label>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('stakeholders.contacts.saving') : t('stakeholders.contacts.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
