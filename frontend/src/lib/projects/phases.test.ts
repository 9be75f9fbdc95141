import { describe, expect, test } from 'vitest';
import type { PhaseOption, Project } from './api';
import { blockingRules, groupByPhase, nextPhase, orderOptions, phaseStep, PHASES, possibleWithReason, stepKind } from './phases';

const project = (id: string, phase: Project['phase'], title: string, changed = '2026-01-01T00:00:00Z'): Project => ({
  id,
  park_id: 'p',
  title,
  description: null,
  theme_codes: ['security'],
  phase,
  organisation_form: null,
  owner_stakeholder_id: null,
  phase_changed_at: changed,
  created_at: changed,
  updated_at: changed,
  version: 1,
});

const option = (to: PhaseOption['to'], allowed: boolean, failing: string[] = [], needs_reason = false): PhaseOption => ({
  to,
  allowed,
  needs_reason,
  rules: [{ code: 'same_phase', passed: true, text: '' }, ...failing.map((code) => ({ code, passed: false, text: code }))],
});

describe('phase order', () => {
  test('the way forward, then stopped', () => {
    expect(PHASES).toEqual(['idea', 'exploration', 'business_case', 'realisation', 'operation', 'stopped']);
    expect(nextPhase('idea')).toBe('exploration');
    expect(nextPhase('business_case')).toBe('realisation');
    expect(nextPhase('operation')).toBeNull();
    expect(nextPhase('stopped')).toBeNull();
    expect(phaseStep('idea')).toBe(1);
    expect(phaseStep('operation')).toBe(5);
    expect(phaseStep('stopped')).toBeNull();
  });

  test('kinds of step', () => {
    expect(stepKind('idea', 'exploration')).toBe('forward');
    expect(stepKind('idea', 'business_case')).toBe('skip');
    expect(stepKind('business_case', 'idea')).toBe('back');
    expect(stepKind('realisation', 'stopped')).toBe('stop');
    expect(stepKind('stopped', 'idea')).toBe('restart');
  });
});

describe('groupByPhase', () => {
  test('one column per phase, empty ones too, newest move first then by title', () => {
    const columns = groupByPhase([
      project('a', 'idea', 'Zonnepanelen', '2026-01-01T00:00:00Z'),
      project('b', 'idea', 'Beveiliging', '2026-01-01T00:00:00Z'),
      project('c', 'idea', 'Wadi', '2026-03-01T00:00:00Z'),
      project('d', 'realisation', 'Laadpalen'),
      project('e', 'stopped', 'Glasvezel'),
    ]);
    expect(columns.map((c) => c.phase)).toEqual(PHASES);
    expect(columns[0]!.projects.map((p) => p.id)).toEqual(['c', 'b', 'a']);
    expect(columns[1]!.projects).toEqual([]);
    expect(columns[3]!.projects.map((p) => p.id)).toEqual(['d']);
    expect(columns[5]!.projects.map((p) => p.id)).toEqual(['e']);
  });

  test('an unknown phase lands with the ideas rather than vanishing', () => {
    const odd = { ...project('x', 'idea', 'X'), phase: 'later' as Project['phase'] };
    expect(groupByPhase([odd])[0]!.projects).toHaveLength(1);
  });
});

describe('orderOptions', () => {
  test('in business case: realisation first (even when blocked), stopping after; hopeless steps hidden', () => {
    const options = [
      option('idea', true, [], true),
      option('exploration', true, [], true),
      option('realisation', false, ['realisation_needs_commitment']),
      option('operation', false, ['operation_after_realisation', 'operation_needs_signature']),
      option('stopped', true, [], true),
    ];
    const shown = orderOptions('business_case', options);
    // One step back only; going back further is among all phases.
    expect(shown.map((o) => o.to)).toEqual(['realisation', 'stopped', 'exploration']);
    expect(orderOptions('business_case', options, true).map((o) => o.to)).toEqual(['realisation', 'operation', 'stopped', 'idea', 'exploration']);
  });

  test('a stopped project restarts as an idea first', () => {
    const options = [
      option('idea', true, [], true),
      option('exploration', true, [], true),
      option('business_case', false, ['restart_from_stopped']),
    ];
    expect(orderOptions('stopped', options).map((o) => o.to)).toEqual(['idea', 'exploration']);
  });

  test('the current phase is never a step', () => {
    expect(orderOptions('idea', [option('idea', false, ['same_phase'])], true)).toEqual([]);
  });
});

describe('blocking rules', () => {
  test('a missing reason does not block: the reason field answers it', () => {
    const stop = option('stopped', true, ['stop_needs_reason'], true);
    expect(blockingRules(stop)).toEqual([]);
    expect(possibleWithReason(stop)).toBe(true);
    const realisation = option('realisation', false, ['realisation_needs_business_case', 'realisation_needs_commitment']);
    expect(blockingRules(realisation).map((r) => r.code)).toEqual(['realisation_needs_business_case', 'realisation_needs_commitment']);
    expect(possibleWithReason(realisation)).toBe(false);
  });
});
