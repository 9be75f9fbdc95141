/**
 * One data layer: a write refreshes every view that shows the written data, without a reload.
 * An expert looks at a fresh park's interview picker, ranking, matrix and start page (so they
 * are all in the cache, fresh for 30 s), renames a stakeholder and changes its kind, and sees
 * the new name and kind in the ranking, the matrix and the picker; adds a stakeholder and sees
 * the start page count it. All in one page session: the marker set on `window` at the start
 * would be gone after a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiToken, baseURL, launch, login, newSession } from './helpers';

let browser: Browser;
let expertToken: string;
let parkId: string;
const suffix = Date.now().toString(36);
const parkName = `Versheidspark ${suffix}`;
const names = {
  bakery: `Bakkerij Verse Kaart ${suffix}`,
  printer: `Drukkerij Stempel ${suffix}`,
  renamed: `Vastgoed Oude Bakkerij ${suffix}`,
  added: `Loodgieter Nieuw ${suffix}`,
};

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${expertToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A tab of the park page, by the link in its tab bar (a client-side navigation). */
async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Onderdelen van het park' }).getByRole('link', { name, exact: true }).click();
}

/** The energy hub's card in the ranking, once it shows `text`. */
async function rankingCard(page: Page, text: string) {
  const card = page.locator('[data-testid=shared-interest][data-theme="energy_hub"]');
  await card.filter({ hasText: text }).waitFor();
  return card;
}

beforeAll(async () => {
  browser = await launch();
  expertToken = await apiToken('expert');
  parkId = (await api<{ id: string }>('POST', '/parks', { name: parkName, municipality: 'Utrecht' })).id;
  for (const name of [names.bakery, names.printer]) {
    const { id } = await api<{ id: string }>('POST', `/parks/${parkId}/stakeholders`, { name, kind: 'entrepreneur' });
    await api('POST', `/stakeholders/${id}/interests`, { theme_code: 'energy_hub', urgency: 4, investment_willingness: 'money' });
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('one data layer', () => {
  test('an edited stakeholder shows its new name and kind in the ranking, the matrix and the interview picker; a new one on the start page', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.waitForURL(/\/werk$/);
    await page.evaluate(() => {
      (window as unknown as { sameSession: string }).sameSession = 'yes';
    });

    // Everything in the cache first: the start page, the picker, the ranking, the matrix.
    const workRow = page.locator(`[data-testid=work-park][data-name="${parkName}"]`);
    await workRow.filter({ hasText: '2 van 2' }).waitFor();
    await workRow.getByRole('link', { name: parkName }).click();
    await page.getByTestId('park-title').waitFor();
    await openTab(page, 'Interviews');
    const choose = page.getByTestId('choose-stakeholder');
    await choose.filter({ hasText: names.bakery }).waitFor();
    expect(await choose.textContent()).toContain(names.printer);
    await openTab(page, 'Gedeelde belangen');
    let card = await rankingCard(page, '2 ondernemers');
    expect(await card.locator('.ix-chip[data-kind="property_owner"]').count()).toBe(0);
    await page.getByRole('link', { name: 'Belangenmatrix' }).click();
    const matrix = page.getByTestId('matrix-table');
    await matrix.filter({ hasText: names.bakery }).waitFor({ state: 'attached' });

    // The edit: a new name and another kind.
    await openTab(page, 'Betrokkenen');
    await page.getByTestId('stakeholders-table').getByRole('link', { name: names.bakery }).click();
    await page.getByRole('button', { name: 'Bewerken' }).click();
    await page.locator('#stakeholder-name').fill(names.renamed);
    await page.getByLabel('Soort').selectOption('property_owner');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('save-success').waitFor();
    await page.getByRole('link', { name: '← Alle betrokkenen' }).click();
    await page.getByTestId('stakeholders-table').getByRole('link', { name: names.renamed }).waitFor();

    // The ranking counts the kinds anew.
    await openTab(page, 'Gedeelde belangen');
    card = await rankingCard(page, '1 vastgoedeigenaar');
    expect(await card.locator('.ix-chip[data-kind="entrepreneur"]').textContent()).toContain('1 ondernemer');

    // The matrix names it anew.
    await page.getByRole('link', { name: 'Belangenmatrix' }).click();
    await matrix.filter({ hasText: names.renamed }).waitFor({ state: 'attached' });
    expect(await matrix.textContent()).not.toContain(names.bakery);

    // The interview picker too: in the list to choose from, and when searching.
    await openTab(page, 'Interviews');
    await choose.filter({ hasText: names.renamed }).waitFor();
    expect(await choose.textContent()).not.toContain(names.bakery);
    expect(await choose.locator('li').filter({ hasText: names.renamed }).textContent()).toContain('Vastgoedeigenaar');
    const picker = page.getByTestId('stakeholder-picker');
    await picker.click();
    await picker.fill('oude bakk');
    const option = page.getByRole('option', { name: new RegExp(names.renamed) });
    await option.waitFor();
    expect(await option.textContent()).toContain('Vastgoedeigenaar');
    await picker.press('Escape');

    // A stakeholder added: the start page counts it.
    await openTab(page, 'Betrokkenen');
    await page.getByTestId('new-stakeholder').click();
    await page.waitForFunction(() => document.activeElement?.id === 'stakeholder-name');
    await page.keyboard.type(names.added);
    await page.getByLabel('Soort').selectOption('entrepreneur');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByTestId('created-message').waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    await workRow.filter({ hasText: '2 van 3' }).waitFor();

    expect(await page.evaluate(() => (window as unknown as { sameSession?: string }).sameSession)).toBe('yes');
    expect(errors).toEqual([]);
    await context.close();
  });
});
