/** The project form (new and edit): values as typed, the API's body, and its errors. */
import type { OrganisationForm, Project, ProjectCreate } from './api';

export const ORGANISATION_FORMS: readonly OrganisationForm[] = [
  'biz',
  'ondernemersfonds',
  'ondernemersvereniging',
  'cooperatie',
  'stichting',
  'bv',
  'werkgroep',
  'parkmanagement',
];

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;

export interface ProjectValues {
  title: string;
  themeCodes: string[];
  description: string;
  organisationForm: OrganisationForm | '';
  ownerId: string;
}

export type ProjectField = 'title' | 'themeCodes' | 'description';
export type ProjectFieldError = 'required' | 'tooLong' | 'themesRequired';

export const EMPTY_PROJECT: ProjectValues = { title: '', themeCodes: [], description: '', organisationForm: '', ownerId: '' };

export function valuesFromProject(p: Project): ProjectValues {
  return {
    title: p.title,
    themeCodes: [...p.theme_codes],
    description: p.description ?? '',
    organisationForm: p.organisation_form ?? '',
    ownerId: p.owner_stakeholder_id ?? '',
  };
}

/** Adds or removes a theme, keeping the order in which they were chosen. */
export function toggleTheme(codes: readonly string[], code: string): string[] {
  return codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code];
}

export type ParsedProject =
  | { ok: true; body: Required<Pick<ProjectCreate, 'title' | 'theme_codes'>> & Omit<ProjectCreate, 'from_theme'> }
  | { ok: false; errors: Partial<Record<ProjectField, ProjectFieldError>> };

export function parseProject(values: ProjectValues): ParsedProject {
  const errors: Partial<Record<ProjectField, ProjectFieldError>> = {};
  const title = values.title.trim().replace(/\s+/g, ' ');
  if (title === '') errors.title = 'required';
  else if (title.length > TITLE_MAX) errors.title = 'tooLong';
  if (values.themeCodes.length === 0) errors.themeCodes = 'themesRequired';
  const description = values.description.trim();
  if (description.length > DESCRIPTION_MAX) errors.description = 'tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title,
      theme_codes: [...values.themeCodes],
      description: description === '' ? null : description,
      organisation_form: values.organisationForm === '' ? null : values.organisationForm,
      owner_stakeholder_id: values.ownerId === '' ? null : values.ownerId,
    },
  };
}

/** Only what changed, for a PATCH; an empty object when nothing did. */
export function changedFields(before: Project, body: Extract<ParsedProject, { ok: true }>['body']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (body.title !== before.title) out.title = body.title;
  if (JSON.stringify(body.theme_codes) !== JSON.stringify(before.theme_codes)) out.theme_codes = body.theme_codes;
  if ((body.description ?? null) !== (before.description ?? null)) out.description = body.description;
  if ((body.organisation_form ?? null) !== (before.organisation_form ?? null)) out.organisation_form = body.organisation_form;
  if ((body.owner_stakeholder_id ?? null) !== (before.owner_stakeholder_id ?? null)) out.owner_stakeholder_id = body.owner_stakeholder_id;
  return out;
}
