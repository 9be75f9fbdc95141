import { describe, expect, test } from 'vitest';
import { collectAll, collectPages, PagingError, type CursorPage } from './pages';

/** A fake API: `total` numbers in pages of `size`, the cursor being the next offset. */
function pagedApi(total: number, size: number) {
  const cursors: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined): Promise<CursorPage<number>> => {
    cursors.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    const next = start + size < total ? String(start + size) : null;
    return { items, next_cursor: next };
  };
  return { fetchPage, cursors };
}

describe('collectPages', () => {
  test('follows the cursor to the last page', async () => {
    const { fetchPage, cursors } = pagedApi(450, 200);
    const result = await collectPages(fetchPage, 1000);
    expect(result.truncated).toBe(false);
    expect(result.items).toHaveLength(450);
    expect(result.items[449]).toBe(449);
    expect(cursors).toEqual([undefined, '200', '400']);
  });

  test('goes past 100 pages: no silent stop', async () => {
    const { fetchPage, cursors } = pagedApi(150, 1);
    const result = await collectPages(fetchPage, 1000);
    expect(result).toEqual({ items: Array.from({ length: 150 }, (_, i) => i), truncated: false });
    expect(cursors).toHaveLength(150);
  });

  test('one page without a cursor, and an empty list', async () => {
    expect(await collectPages(pagedApi(3, 200).fetchPage, 10)).toEqual({ items: [0, 1, 2], truncated: false });
    expect(await collectPages(pagedApi(0, 200).fetchPage, 10)).toEqual({ items: [], truncated: false });
    const noCursorField = async (): Promise<CursorPage<string>> => ({ items: ['a'] });
    expect(await collectPages(noCursorField, 10)).toEqual({ items: ['a'], truncated: false });
  });

  test('past the cap it says the list is truncated', async () => {
    const result = await collectPages(pagedApi(1000, 200).fetchPage, 500);
    expect(result.truncated).toBe(true);
    expect(result.items).toHaveLength(500);
  });

  test('exactly the cap is the whole list, not truncated', async () => {
    const result = await collectPages(pagedApi(400, 200).fetchPage, 400);
    expect(result).toMatchObject({ truncated: false });
    expect(result.items).toHaveLength(400);
  });

  test('a cursor that repeats throws instead of looping', async () => {
    const stuck = async (): Promise<CursorPage<number>> => ({ items: [1], next_cursor: 'same' });
    await expect(collectPages(stuck, 1000)).rejects.toBeInstanceOf(PagingError);
  });

  test('an error on a later page rejects the whole list', async () => {
    const failing = async (cursor: string | undefined): Promise<CursorPage<number>> => {
      if (cursor) throw new Error('network');
      return { items: [1], next_cursor: 'x' };
    };
    await expect(collectPages(failing, 1000)).rejects.toThrow('network');
  });
});

describe('collectAll', () => {
  test('returns every item', async () => {
    expect(await collectAll(pagedApi(5, 2).fetchPage)).toEqual([0, 1, 2, 3, 4]);
  });

  test('throws rather than return part of the list', async () => {
    await expect(collectAll(pagedApi(30, 10).fetchPage, 25)).rejects.toBeInstanceOf(PagingError);
  });
});
