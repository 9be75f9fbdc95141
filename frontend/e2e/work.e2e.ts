import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, login, newSession } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('the start page', () => {
  test('an expert lands on Mijn werk: their provinces, their parks, follow-ups, and what to assess', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.waitForURL(/\/werk$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
    await page.getByTestId('work-park').first().waitFor();
    expect(await page.getByTestId('work-scope').textContent()).toContain('Jouw provincies: Gelderland, Utrecht');
    const parks = page.getByTestId('work-park');
    await parks.first().waitFor();
    const names = await parks.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    expect(names).toContain('Lage Weide');
    // Every listed park is one the expert works on; the row says how far the inventory got.
    const lageWeide = page.locator('[data-testid=work-park][data-name="Lage Weide"]');
    expect(await lageWeide.textContent()).toMatch(/\d+ van \d+/);
    const tiles = page.getByTestId('work-tiles');
    expect(await tiles.textContent()).toContain('Open opvolgingen');
    await page.getByTestId('work-followups').waitFor();
    expect(await page.getByTestId('work-activity').locator('li').count()).toBeGreaterThan(0);

    // A follow-up leads to the stakeholder; the register is one click away.
    await page.getByTestId('work-followups').getByRole('link').first().click();
    await page.waitForURL(/\/parken\/[0-9a-f-]{36}\/betrokkenen\/[0-9a-f-]{36}$/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    await page.getByRole('link', { name: 'Alle parken in het register' }).click();
    await page.getByTestId('parks-table').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a viewer sees every province and no follow-ups to do, also not in the menu', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'viewer');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('work-park').first().waitFor();
    expect(await page.getByTestId('work-scope').textContent()).toContain('Alle provincies');
    expect(await page.getByTestId('work-tiles').textContent()).not.toContain('Open opvolgingen');
    expect(await page.getByTestId('work-followups').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Opvolgen' }).count()).toBe(0);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the province overview', () => {
  test('shows every province, then one with its parks by organisatiegraad, and exports it', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Provincies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Provincieoverzicht' }).waitFor();
    const rows = page.getByTestId('overview-province');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(12);
    const utrecht = page.locator('[data-testid=overview-province][data-province=UT]');
    const cells = await utrecht.locator('td').allTextContents();
    expect(Number(cells[1]!.replace(/\./g, ''))).toBeGreaterThan(0); // parks in progress
    expect(await page.locator('.province-map canvas').count()).toBeGreaterThan(0);

    await utrecht.getByRole('link', { name: 'Utrecht' }).click();
    await page.waitForURL(/provincie=UT/);
    const park = page.locator('[data-testid=overview-park][data-name="Lage Weide"]');
    await park.waitFor();
    expect(await page.getByLabel('Provincie').inputValue()).toBe('UT');
    expect(await page.getByTestId('overview-levels').textContent()).toContain('Nooit gemeten');
    // Sorting by name puts the table in alphabetical order.
    await page.getByRole('button', { name: 'Sorteer op Park' }).click();
    const names = await page.getByTestId('overview-park').evaluateAll((r) => r.map((x) => x.getAttribute('data-name') ?? ''));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^provincieoverzicht-utrecht-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByText(/provincieoverzicht-utrecht-.*\.csv is gedownload\./).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
