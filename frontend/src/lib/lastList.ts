/** Where the parks list was left (filters and page), so "Parken" links lead back there. */
let last: { search: string; state: unknown } = { search: '', state: null };

export function rememberParksList(search: string, state: unknown): void {
  last = { search, state };
}

export function lastParksList(): { search: string; state: unknown } {
  return last;
}
