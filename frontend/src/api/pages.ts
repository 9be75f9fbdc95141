/**
 * The one page collector of the web app: follows `next_cursor` until the API says there is no
 * next page. It never stops silently: past the cap it either reports the list as truncated
 * (`collectPages`, for lists the screen can say are incomplete) or throws (`collectAll`, for
 * lists that must be whole); a cursor that comes back a second time throws too, instead of
 * looping for ever.
 */

export interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

export type FetchPage<T> = (cursor: string | undefined) => Promise<CursorPage<T>>;

export interface Collected<T> {
  items: T[];
  /** True when there were more than the cap: the list holds the first `cap` items only. */
  truncated: boolean;
}

/** The API's largest page; every collector asks for it. */
export const PAGE_SIZE = 200;

/** The most items `collectAll` accepts before it gives up with an error. */
export const COLLECT_ALL_CAP = 20_000;

/** A list that had more items than its cap, or a cursor that repeated. */
export class PagingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PagingError';
  }
}

/** All pages up to `cap` items; more than that comes back as `truncated: true`. */
export async function collectPages<T>(fetchPage: FetchPage<T>, cap: number): Promise<Collected<T>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (items.length > cap) return { items: items.slice(0, cap), truncated: true };
    const next = page.next_cursor ?? undefined;
    if (!next) return { items, truncated: false };
    if (seen.has(next)) throw new PagingError(`the cursor ${next} came back a second time`);
    seen.add(next);
    cursor = next;
  }
}

/** Every item of every page; throws a PagingError rather than return part of the list. */
export async function collectAll<T>(fetchPage: FetchPage<T>, cap: number = COLLECT_ALL_CAP): Promise<T[]> {
  const { items, truncated } = await collectPages(fetchPage, cap);
  if (truncated) throw new PagingError(`more than ${cap} items: the list was not loaded`);
  return items;
}
