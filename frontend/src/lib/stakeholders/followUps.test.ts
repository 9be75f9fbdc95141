import { describe, expect, test } from 'vitest';
import { addDays, addMonths, daysBetween, endOfWeek, formatDate, isIsoDate, localIsoDate } from './dates';
import { contactFollowUpState, followUpGroup, groupFollowUps, timelineOrder } from './followUps';

describe('dates', () => {
  test('local date, not UTC', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
  test('adding days and months across month and year ends', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });
  test('the week ends on Sunday', () => {
    expect(endOfWeek('2026-11-23')).toBe('2026-11-29'); // Monday
    expect(endOfWeek('2026-11-28')).toBe('2026-11-29'); // Saturday
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29'); // Sunday
    expect(endOfWeek('2026-12-31')).toBe('2027-01-03'); // Thursday
  });
  test('valid dates only', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('29-02-2028')).toBe(false);
    expect(daysBetween('2026-11-20', '2026-11-28')).toBe(8);
    expect(daysBetween('2026-11-28', '2026-11-20')).toBe(-8);
  });
  test('formatted in Dutch and English', () => {
    expect(formatDate('2026-11-14', 'nl')).toBe('14 november 2026');
    expect(formatDate('2026-11-14', 'en')).toBe('14 November 2026');
    expect(formatDate('2026-11-14', 'nl', { short: true, today: '2026-11-28' })).toBe('14 nov');
    expect(formatDate('2025-11-14', 'nl', { short: true, today: '2026-11-28' })).toBe('14 nov 2025');
  });
});

describe('follow-up groups', () => {
  const today = '2026-11-25'; // a Wednesday
  test('overdue before today, this week up to Sunday, later after', () => {
    expect(followUpGroup('2026-11-24', today)).toBe('overdue');
    expect(followUpGroup('2026-11-25', today)).toBe('thisWeek');
    expect(followUpGroup('2026-11-29', today)).toBe('thisWeek');
    expect(followUpGroup('2026-11-30', today)).toBe('later');
    expect(followUpGroup('2025-01-01', today)).toBe('overdue');
  });
  test('on a Sunday, this week is only today', () => {
    expect(followUpGroup('2026-11-29', '2026-11-29')).toBe('thisWeek');
    expect(followUpGroup('2026-11-30', '2026-11-29')).toBe('later');
  });
  test('grouped, each soonest first, then by name', () => {
    const items = [
      { contact_id: 'a', follow_up_date: '2026-12-10', stakeholder_name: 'Zeta' },
      { contact_id: 'b', follow_up_date: '2026-11-20', stakeholder_name: 'Beta' },
      { contact_id: 'c', follow_up_date: '2026-11-26', stakeholder_name: 'Gamma' },
      { contact_id: 'd', follow_up_date: '2026-11-26', stakeholder_name: 'Alfa' },
      { contact_id: 'e', follow_up_date: '2026-11-01', stakeholder_name: 'Delta' },
    ];
    const groups = groupFollowUps(items, today);
    expect(groups.overdue.map((i) => i.contact_id)).toEqual(['e', 'b']);
    expect(groups.thisWeek.map((i) => i.contact_id)).toEqual(['d', 'c']);
    expect(groups.later.map((i) => i.contact_id)).toEqual(['a']);
  });
  test('nothing open: three empty groups', () => {
    expect(groupFollowUps([], today)).toEqual({ overdue: [], thisWeek: [], later: [] });
  });
});

describe('timeline', () => {
  test('the state of a contact moment’s follow-up', () => {
    const today = '2026-11-25';
    expect(contactFollowUpState({ follow_up_date: null, follow_up_done: false }, today)).toBe('none');
    expect(contactFollowUpState({ follow_up_date: '2026-11-20', follow_up_done: true }, today)).toBe('done');
    expect(contactFollowUpState({ follow_up_date: '2026-11-20', follow_up_done: false }, today)).toBe('overdue');
    expect(contactFollowUpState({ follow_up_date: '2026-11-25', follow_up_done: false }, today)).toBe('open');
  });
  test('newest first; the same day by when it was recorded', () => {
    const items = [
      { id: '1', date: '2026-10-01', created_at: '2026-10-01T10:00:00Z' },
      { id: '2', date: '2026-11-01', created_at: '2026-11-01T09:00:00Z' },
      { id: '3', date: '2026-11-01', created_at: '2026-11-01T15:00:00Z' },
    ];
    expect(timelineOrder(items).map((i) => i.id)).toEqual(['3', '2', '1']);
  });
});
