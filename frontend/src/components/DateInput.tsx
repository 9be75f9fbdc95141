import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { dayPlaceholder, formatDayInput, parseDayInput } from '../lib/dayInput';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  id: string;
  /** YYYY-MM-DD, '' for none, or what the user typed when it is not a day yet. */
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
};

/**
 * A date typed as dd-mm-jjjj (Dutch) or dd/mm/yyyy (English), whatever the browser's locale,
 * with the browser's calendar one button away. Hands YYYY-MM-DD to the form once it is a day,
 * and the typed text until then (so the form can say what is wrong).
 */
export function DateInput({ id, value, onChange, min, max, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [text, setText] = useState(() => formatDayInput(value, language));
  const pickerRef = useRef<HTMLInputElement>(null);

  // A new value from outside (a quick button, a reset) shows as a day; typing is left alone.
  useEffect(() => {
    setText((current) => {
      if (value === '') return '';
      if (value === current || parseDayInput(current) === value) return current;
      return formatDayInput(value, language);
    });
  }, [value, language]);

  return (
    <span className="date-input">
      <input
        {...rest}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={dayPlaceholder(language)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const day = parseDayInput(e.target.value);
          onChange(e.target.value.trim() === '' ? '' : (day ?? e.target.value));
        }}
        onBlur={() => {
          const day = parseDayInput(text);
          if (day) setText(formatDayInput(day, language));
        }}
      />
      <button
        type="button"
        className="button button-quiet date-input-button"
        aria-label={t('dates.openCalendar')}
        title={t('dates.openCalendar')}
        onClick={() => {
          const picker = pickerRef.current;
          if (!picker) return;
          try {
            picker.showPicker();
          } catch {
            picker.focus();
          }
        }}
      >
        <span aria-hidden="true">📅</span>
      </button>
      <input
        ref={pickerRef}
        type="date"
        className="date-input-native"
        tabIndex={-1}
        aria-hidden="true"
        value={parseDayInput(text) ?? ''}
        min={min}
        max={max ?? '9999-12-31'}
        onChange={(e) => {
          setText(formatDayInput(e.target.value, language));
          onChange(e.target.value);
        }}
      />
    </span>
  );
}
