import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabel } from '../../lib/interests/labels';
import { kindColour } from '../../lib/interests/ranking';
import { matches } from '../../lib/interests/search';

export interface PickerOption {
  id: string;
  name: string;
  kind: string;
  sector?: string | null;
  /** Themes recorded so far. */
  count: number;
}

const SHOWN = 60;

/** A searchable select (ARIA combobox) of the park's stakeholders. */
export function StakeholderPicker({
  options,
  selectedId,
  onSelect,
  autoFocus = false,
}: {
  options: PickerOption[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const selected = options.find((o) => o.id === selectedId);
  const [query, setQuery] = useState(selected?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [typed, setTyped] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) setQuery(selected?.name ?? '');
  }, [selected?.name, open]);

  const filtered = useMemo(
    () => (typed ? options.filter((o) => matches(query, [o.name, kindLabel(t, o.kind), o.sector ?? ''])) : options),
    [options, query, typed, t],
  );
  const shown = filtered.slice(0, SHOWN);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = (option: PickerOption | undefined) => {
    if (!option) return;
    setOpen(false);
    setTyped(false);
    setQuery(option.name);
    onSelect(option.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      if (open) {
        event.preventDefault();
        choose(shown[active]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setTyped(false);
        setQuery(selected?.name ?? '');
      }
    } else if (event.key === 'Home' && open) {
      setActive(0);
    } else if (event.key === 'End' && open) {
      setActive(Math.max(0, shown.length - 1));
    }
  };

  const activeId = open && shown[active] ? `${id}-opt-${shown[active].id}` : undefined;

  return (
    <div className="field ix-combo">
      <label htmlFor={`${id}-input`}>{t('interests.interview.picker.label')}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={t('interests.interview.picker.placeholder')}
        value={query}
        data-testid="stakeholder-picker"
        onChange={(e) => {
          setQuery(e.target.value);
          setTyped(true);
          setOpen(true);
          setActive(0);
        }}
        onFocus={(e) => {
          e.target.select();
        }}
        onClick={() => setOpen(true)}
        onBlur={() => {
          // Let a click on an option land first.
          window.setTimeout(() => {
            setOpen(false);
            setTyped(false);
          }, 150);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="ix-combo-list" id={listId} role="listbox" ref={listRef} aria-label={t('interests.interview.picker.label')}>
          {shown.length === 0 && <li className="ix-combo-empty">{t('interests.interview.picker.none')}</li>}
          {shown.map((option, index) => (
            <li
              key={option.id}
              id={`${id}-opt-${option.id}`}
              role="option"
              data-index={index}
              aria-selected={index === active}
              className={`ix-combo-option${index === active ? ' active' : ''}${option.id === selectedId ? ' current' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(option)}
            >
              <span className="ix-chip-dot" style={{ background: kindColour(option.kind) }} aria-hidden="true" />
              <span className="ix-combo-name">{option.name}</span>
              <span className="ix-combo-meta">
                {kindLabel(t, option.kind)}
                {' · '}
                {option.count > 0
                  ? t('interests.interview.picker.themes', { count: option.count })
                  : t('interests.interview.picker.notYet')}
              </span>
            </li>
          ))}
          {filtered.length > shown.length && (
            <li className="ix-combo-empty">{t('interests.interview.picker.more', { count: filtered.length - shown.length })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
