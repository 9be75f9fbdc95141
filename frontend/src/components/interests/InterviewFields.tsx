import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Messages under a field; the ids tie them to the input (aria-describedby). */
function FieldNotes({ id, hint, errors, conflict }: { id: string; hint?: string; errors: string[]; conflict?: string }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {conflict !== undefined && (
        <p className="field-conflict" id={`${id}-conflict`}>
          {conflict}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-error`} data-testid={`error-${id.split('-').pop()}`}>
          {errors.join(' ')}
        </p>
      )}
    </>
  );
}

function describedBy(id: string, hint: string | undefined, errors: string[], conflict: string | undefined, extra?: string) {
  const ids = [hint && `${id}-hint`, conflict !== undefined && `${id}-conflict`, errors.length > 0 && `${id}-error`, extra]
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

export function TextAreaField({
  id,
  label,
  hint,
  value,
  onChange,
  errors,
  conflict,
  max,
  inputRef,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors: string[];
  conflict?: string;
  max: number;
  inputRef?: (element: HTMLTextAreaElement | null) => void;
}) {
  const { t } = useTranslation();
  const near = value.length > max * 0.9;
  return (
    <div className={`field${errors.length > 0 ? ' field-invalid' : ''}${conflict !== undefined ? ' field-conflicted' : ''}`} data-field={id.split('-').pop()}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={inputRef}
        rows={4}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, hint, errors, conflict, near ? `${id}-count` : undefined)}
      />
      {near && (
        <p className={`hint${value.length > max ? ' over' : ''}`} id={`${id}-count`}>
          {t('interests.interview.chars', { count: value.length, max })}
        </p>
      )}
      <FieldNotes id={id} hint={hint} errors={errors} conflict={conflict} />
    </div>
  );
}

export interface SegmentOption<T extends string | number> {
  value: T;
  label: ReactNode;
  title?: string;
}

/** A row of radio buttons that looks like a segmented control (arrow keys move within it). */
export function SegmentedField<T extends string | number>({
  id,
  legend,
  hint,
  options,
  value,
  onChange,
  errors,
  conflict,
  testId,
  required,
}: {
  id: string;
  legend: string;
  hint?: string;
  /** The word that marks the field as required ("verplicht"): shown and said, and on each radio. */
  required?: string;
  options: SegmentOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  errors: string[];
  conflict?: string;
  testId?: string;
}) {
  return (
    <fieldset
      className={`field ix-segmented-field${errors.length > 0 ? ' field-invalid' : ''}${conflict !== undefined ? ' field-conflicted' : ''}`}
      data-field={id.split('-').pop()}
      aria-describedby={describedBy(id, hint, errors, conflict)}
      data-testid={testId}
    >
      <legend>
        {legend}
        {required && <span className="ix-required"> ({required})</span>}
      </legend>
      <div className="ix-segmented">
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <label key={String(option.value)} className={`ix-segment${checked ? ' checked' : ''}`} title={option.title}>
              <input
                type="radio"
                name={id}
                value={String(option.value)}
                checked={checked}
                required={required !== undefined}
                onChange={() => onChange(option.value)}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} conflict={conflict} />
    </fieldset>
  );
}

export function ToggleChips<T extends string>({
  id,
  legend,
  hint,
  options,
  selected,
  onToggle,
  errors,
  conflict,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: { value: T; label: string }[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  errors: string[];
  conflict?: string;
}) {
  return (
    <fieldset
      className={`field ix-toggle-field${errors.length > 0 ? ' field-invalid' : ''}${conflict !== undefined ? ' field-conflicted' : ''}`}
      data-field={id.split('-').pop()}
      aria-describedby={describedBy(id, hint, errors, conflict)}
    >
      <legend>{legend}</legend>
      <div className="ix-toggle-chips">
        {options.map((option) => {
          const on = selected.includes(option.value);
          return (
            <label key={option.value} className={`ix-toggle-chip${on ? ' on' : ''}`}>
              <input type="checkbox" checked={on} onChange={() => onToggle(option.value)} />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} conflict={conflict} />
    </fieldset>
  );
}

export function BudgetField({
  id,
  label,
  hint,
  value,
  onChange,
  errors,
  conflict,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors: string[];
  conflict?: string;
}) {
  return (
    <div className={`field ix-budget-field${errors.length > 0 ? ' field-invalid' : ''}${conflict !== undefined ? ' field-conflicted' : ''}`} data-field="budget">
      <label htmlFor={id}>{label}</label>
      <div className="ix-input-affix">
        <span aria-hidden="true">€</span>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(id, hint, errors, conflict)}
        />
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} conflict={conflict} />
    </div>
  );
}
