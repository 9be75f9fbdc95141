import { endOfWeek } from './dates';

export type FollowUpGroup = 'overdue' | 'thisWeek' | 'later';
export const FOLLOW_UP_GROUPS: readonly FollowUpGroup[] = ['overdue', 'thisWeek', 'later'];

/** Overdue: before today. This week: today up to and including Sunday. Later: after that. */
export function followUpGroup(date: string, today: string): FollowUpGroup {
  if (date < today) return 'overdue';
  return date <= endOfWeek(today) ? 'thisWeek' : 'later';
}

/** Splits open follow-ups into the three groups, each soonest first (then by name). */
export function groupFollowUps<T extends { follow_up_date: string; stakeholder_name?: string; contact_id?: string }>(
  items: readonly T[],
  today: string,
): Record<FollowUpGroup, T[]> {
  const groups: Record<FollowUpGroup, T[]> = { overdue: [], thisWeek: [], later: [] };
  const sorted = [...items].sort(
    (a, b) =>
      a.follow_up_date.localeCompare(b.follow_up_date) ||
      (a.stakeholder_name ?? '').localeCompare(b.stakeholder_name ?? '', 'nl') ||
      (a.contact_id ?? '').localeCompare(b.contact_id ?? ''),
  );
  for (const item of sorted) groups[followUpGroup(item.follow_up_date, today)].push(item);
  return groups;
}

export type ContactFollowUpState = 'none' | 'done' | 'overdue' | 'open';

/** What a contact moment's follow-up looks like in the timeline. */
export function contactFollowUpState(
  contact: { follow_up_date: string | null; follow_up_done: boolean },
  today: string,
): ContactFollowUpState {
  if (!contact.follow_up_date) return 'none';
  if (contact.follow_up_done) return 'done';
  return contact.follow_up_date < today ? 'overdue' : 'open';
}

/** Newest first: by date, then by when it was recorded. */
export function timelineOrder<T extends { date: string; created_at: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => b.date.localeCompare(a.date) || b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id),
  );
}
