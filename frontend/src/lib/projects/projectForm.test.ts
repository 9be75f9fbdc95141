import { describe, expect, test } from 'vitest';
import type { Project } from './api';
import { changedFields, EMPTY_PROJECT, ORGANISATION_FORMS, parseProject, toggleTheme, valuesFromProject } from './projectForm';

const existing: Project = {
  id: 'x',
  park_id: 'p',
  title: 'Collectieve beveiliging',
  description: null,
  theme_codes: ['security'],
  phase: 'idea',
  organisation_form: null,
  owner_stakeholder_id: null,
  phase_changed_at: '2026-01-01T00:00:00Z',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 1,
};

describe('project form', () => {
  test('the eight organisation forms', () => {
    expect(ORGANISATION_FORMS).toHaveLength(8);
    expect(ORGANISATION_FORMS).toContain('ondernemersfonds');
  });

  test('a title and at least one theme are required', () => {
    expect(parseProject(EMPTY_PROJECT)).toEqual({ ok: false, errors: { title: 'required', themeCodes: 'themesRequired' } });
    expect(parseProject({ ...EMPTY_PROJECT, title: 'x'.repeat(201), themeCodes: ['security'] })).toEqual({
      ok: false,
      errors: { title: 'tooLong' },
    });
  });

  test('the body: trimmed title, empty fields as null', () => {
    expect(parseProject({ ...EMPTY_PROJECT, title: '  Slimme   laadpalen ', themeCodes: ['ev_charging', 'energy_hub'], organisationForm: 'cooperatie' })).toEqual({
      ok: true,
      body: {
        title: 'Slimme laadpalen',
        theme_codes: ['ev_charging', 'energy_hub'],
        description: null,
        organisation_form: 'cooperatie',
        owner_stakeholder_id: null,
      },
    });
  });

  test('themes toggle in the order chosen', () => {
    expect(toggleTheme(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleTheme(['a', 'b'], 'a')).toEqual(['b']);
  });

  test('only what changed goes into the PATCH', () => {
    const parsed = parseProject({ ...valuesFromProject(existing), description: 'Camera’s bij de ingangen', ownerId: 's1' });
    expect(parsed.ok && changedFields(existing, parsed.body)).toEqual({ description: 'Camera’s bij de ingangen', owner_stakeholder_id: 's1' });
    const same = parseProject(valuesFromProject(existing));
    expect(same.ok && changedFields(existing, same.body)).toEqual({});
  });
});
