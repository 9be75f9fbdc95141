/**
 * Cursor paging keeps a stack of the cursors that opened each page seen so far; the last one
 * opened the current page (null: the first page). "Previous" pops, "next" pushes the answer's
 * next_cursor.
 */
export type CursorStack = readonly (string | null)[];

export const FIRST_PAGE: CursorStack = [null];

export function currentCursor(stack: CursorStack): string | null {
  return stack.length > 0 ? (stack[stack.length - 1] ?? null) : null;
}

export function pageNumber(stack: CursorStack): number {
  return Math.max(1, stack.length);
}

export function hasPrevious(stack: CursorStack): boolean {
  return stack.length > 1;
}

export function nextPage(stack: CursorStack, nextCursor: string | null | undefined): CursorStack {
  if (!nextCursor) return stack;
  return [...(stack.length > 0 ? stack : FIRST_PAGE), nextCursor];
}

export function previousPage(stack: CursorStack): CursorStack {
  return stack.length > 1 ? stack.slice(0, -1) : FIRST_PAGE;
}

/** A stack read back from history state; anything malformed becomes the first page. */
export function toCursorStack(value: unknown): CursorStack {
  if (!Array.isArray(value) || value.length === 0) return FIRST_PAGE;
  if (value[0] !== null) return FIRST_PAGE;
  if (!value.slice(1).every((c) => typeof c === 'string' && c !== '')) return FIRST_PAGE;
  return value as CursorStack;
}
