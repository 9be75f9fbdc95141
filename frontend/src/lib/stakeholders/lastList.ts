/** Where the stakeholder list of a park was left (filters, sort), so "back" links lead there. */
const last = new Map<string, string>();

export function rememberStakeholderList(parkId: string, search: string): void {
  last.set(parkId, search);
}

export function lastStakeholderList(parkId: string): string {
  return last.get(parkId) ?? '';
}
