import { describe, expect, test } from 'vitest';
import { canEditPark } from './permissions';

describe('who may edit a park', () => {
  test('admins everywhere', () => {
    expect(canEditPark({ role: 'admin', provinces: [] }, 'NH')).toBe(true);
  });

  test('experts only in their own provinces', () => {
    const expert = { role: 'expert' as const, provinces: ['UT', 'GE'] as const };
    expect(canEditPark(expert, 'UT')).toBe(true);
    expect(canEditPark(expert, 'GE')).toBe(true);
    expect(canEditPark(expert, 'NH')).toBe(false);
    expect(canEditPark(expert, undefined)).toBe(false);
    expect(canEditPark({ role: 'expert', provinces: [] }, 'UT')).toBe(false);
  });

  test('viewers and nobody never', () => {
    expect(canEditPark({ role: 'viewer', provinces: ['UT'] }, 'UT')).toBe(false);
    expect(canEditPark(null, 'UT')).toBe(false);
    expect(canEditPark(undefined, 'UT')).toBe(false);
  });
});
