import { useTranslation } from 'react-i18next';

/**
 * The visible mark of a required field, after its label: "*". Hidden from screen readers, which
 * hear the input's own `required` / `aria-required` instead (issue 14, point 23). A group that
 * cannot carry `aria-required` (a fieldset of checkboxes) says it in words: `spoken`.
 */
export function RequiredMark({ spoken = false }: { spoken?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="required-mark-wrap">
      <span className="required-mark" aria-hidden="true">
        {' '}*
      </span>
      {spoken && <span className="visually-hidden"> ({t('form.required')})</span>}
    </span>
  );
}

/** Once per form, above its fields: "* verplicht" / "* required". */
export function RequiredLegend() {
  const { t } = useTranslation();
  return (
    <p className="required-legend small" data-testid="required-legend">
      <span className="required-mark" aria-hidden="true">
        *
      </span>{' '}
      {t('form.required')}
    </p>
  );
}
