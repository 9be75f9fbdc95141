/**
 * Interviews and shared interests in the browser, against the real backend: an expert interviews
 * two stakeholders of a fresh park in Utrecht on the same theme (and one on another theme), sees
 * the shared theme ranked first with its explanation in Dutch and in English, keeps a draft
 * through a reload and a dropped connection, meets a colleague's change (412), and a viewer only
 * reads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiToken, baseURL, launch, login, newSession } from './helpers';

let browser: Browser;
let expertToken: string;
let adminToken: string;
let parkId: string;
const suffix = Date.now().toString(36);
const names = {
  bakery: `Bakkerij Zonnebloem ${suffix}`,
  owner: `Vastgoed Kanaalzone ${suffix}`,
  municipality: `Gemeente Utrecht ${suffix}`,
};
const ids: Record<keyof typeof names, string> = { bakery: '', owner: '', municipality: '' };

async function api<T>(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; etag: string | null }> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return { data: (response.status === 204 ? null : await response.json()) as T, etag: response.headers.get('ETag') };
}

interface InterestRow {
  id: string;
  theme_code: string;
  urgency: number;
  investment_willingness: string;
  budget_eur: string | null;
  challenge: string | null;
  vision: string | null;
  obstacles: string[];
  version: number;
}

async function interestsOf(stakeholderId: string): Promise<InterestRow[]> {
  return (await api<{ items: InterestRow[] }>(expertToken, 'GET', `/stakeholders/${stakeholderId}/interests?limit=200`)).data.items;
}

async function pickStakeholder(page: Page, search: string, name: string): Promise<void> {
  const picker = page.getByTestId('stakeholder-picker');
  await picker.click();
  await picker.fill(search);
  await page.getByRole('option', { name: new RegExp(name) }).waitFor();
  await picker.press('Enter');
  await page.getByTestId('interview-stakeholder').filter({ hasText: name }).waitFor();
}

async function openTheme(page: Page, code: string): Promise<void> {
  await page.locator(`.theme-index-item[data-theme="${code}"]`).click();
  await page.locator(`[data-testid=theme-card][data-theme="${code}"]`).waitFor();
}

beforeAll(async () => {
  browser = await launch();
  expertToken = await apiToken('expert');
  adminToken = await apiToken('admin');
  const park = await api<{ id: string; province: string }>(expertToken, 'POST', '/parks', {
    name: `Interviewpark ${suffix}`,
    municipality: 'Utrecht',
  });
  expect(park.data.province).toBe('UT');
  parkId = park.data.id;
  const kinds = { bakery: 'entrepreneur', owner: 'property_owner', municipality: 'municipality' } as const;
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    const created = await api<{ id: string }>(expertToken, 'POST', `/parks/${parkId}/stakeholders`, {
      name: names[key],
      kind: kinds[key],
    });
    ids[key] = created.data.id;
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('interview and shared interests', () => {
  test('two stakeholders on the same theme: the shared theme ranks first, explained in Dutch and English', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}`);
    await page.getByRole('link', { name: 'Interviews', exact: true }).click();
    await page.getByTestId('choose-stakeholder').waitFor();
    expect(await page.getByTestId('choose-stakeholder').textContent()).toContain('Nog niet gesproken (3)');

    // The bakery: energy hub with the keyboard, then security.
    await pickStakeholder(page, 'zonneb', names.bakery);
    expect(await page.getByTestId('interview-progress').textContent()).toContain("0 van 17 thema's besproken");
    await openTheme(page, 'energy_hub');
    await page.getByLabel('Huidige situatie').fill('Wachtlijst voor een zwaardere aansluiting.');
    await page.getByLabel('Opgave').fill('De nieuwe oven kan niet aan.');
    await page.getByLabel('Visie op de toekomst').fill('Een energiehub met de buren.');
    await page.getByTestId('willingness').getByRole('radio', { name: 'Tijd en geld', exact: true }).check();
    // Focus on a radio button: a bare digit does nothing (WCAG 2.1.4), Alt+5 sets the urgency.
    await page.keyboard.press('4');
    expect(await page.getByTestId('urgency').getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(false);
    await page.keyboard.press('Alt+5');
    expect(await page.getByTestId('urgency').getByRole('radio', { name: '5', exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Budget').fill('2.500');
    await page.getByRole('checkbox', { name: 'Netcongestie' }).check();
    await page.getByLabel('Visie op de toekomst').focus();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('interview-saved').filter({ hasText: 'Opgeslagen: Energiehub en netcongestie.' }).waitFor();
    // Saved and moved on to the next theme.
    await page.locator('[data-testid=theme-card][data-theme="energy_saving"]').waitFor();
    expect(await page.locator('.theme-index-item[data-theme="energy_hub"]').getAttribute('data-state')).toBe('recorded');
    const [saved] = await interestsOf(ids.bakery);
    expect(saved).toMatchObject({
      theme_code: 'energy_hub',
      urgency: 5,
      investment_willingness: 'time_and_money',
      challenge: 'De nieuwe oven kan niet aan.',
      obstacles: ['grid_congestion'],
    });
    expect(Number(saved!.budget_eur)).toBe(2500);

    await openTheme(page, 'security');
    await page.getByLabel('Opgave').fill('Inbraken in de nacht.');
    await page.keyboard.press('Alt+3');
    await page.getByTestId('save').click();
    await page.getByTestId('interview-saved').filter({ hasText: 'Beveiliging en cameratoezicht' }).waitFor();
    expect(await page.getByTestId('interview-progress').textContent()).toContain("2 van 17 thema's besproken");

    // Skipping counts as discussed.
    await openTheme(page, 'fibre');
    await page.getByTestId('skip').click();
    await page.locator('[data-testid=theme-card][data-theme="energy_generation"]').waitFor();
    expect(await page.getByTestId('interview-progress').textContent()).toContain("3 van 17 thema's besproken");
    // Kept with the stakeholder, not on this laptop (the viewer's test below sees it too).
    await expect
      .poll(async () => (await api<{ theme_code: string }[]>(expertToken, 'GET', `/stakeholders/${ids.bakery}/skipped-themes`)).data.map((s) => s.theme_code))
      .toEqual(['fibre']);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('skipped')))).toEqual([]);

    // The property owner: the same theme.
    await pickStakeholder(page, 'kanaalzone', names.owner);
    await openTheme(page, 'energy_hub');
    await page.getByTestId('urgency').getByRole('radio', { name: '4', exact: true }).check();
    await page.getByTestId('willingness').getByRole('radio', { name: 'Geld', exact: true }).check();
    await page.getByLabel('Budget').fill('10000');
    await page.getByTestId('save-next').click();
    await page.getByTestId('interview-saved').waitFor();

    // The ranking: the shared theme first, with its explanation.
    await page.getByRole('link', { name: 'Gedeelde belangen', exact: true }).click();
    const first = page.getByTestId('shared-interest').first();
    await first.waitFor();
    expect(await first.getAttribute('data-theme')).toBe('energy_hub');
    expect(await first.getAttribute('data-rank')).toBe('1');
    expect(await page.getByTestId('shared-interest').count()).toBe(1);
    const explanation = first.getByTestId('explanation');
    expect(await explanation.textContent()).toContain('Gedeeld door 2 van de 2 geïnterviewde partijen');
    expect(await page.getByTestId('interviewed').textContent()).toBe('2 van 3');
    expect((await first.getByTestId('pledged').textContent())?.replace(/\s/g, ' ')).toBe('€ 12.500');
    expect(await first.textContent()).toContain('1 ondernemer');
    expect(await first.textContent()).toContain('1 vastgoedeigenaar');
    // An expert of the province may start a project from it (e2e/projects.e2e.ts does).
    const start = page.getByTestId('start-project-energy_hub');
    expect(await start.isDisabled()).toBe(false);
    expect(await page.getByTestId('ranking-chart').getAttribute('data-bars')).toBe('1');

    // How the score is made, folded away.
    await page.getByText('Hoe komt de score tot stand?').click();
    expect(await page.getByTestId('score-explanation').textContent()).toContain('Draagvlak');

    // Shared by one party only: shown once the minimum is 1.
    await page.getByLabel('Gedeeld door minstens').selectOption('1');
    await page.locator('[data-testid=shared-interest][data-theme="security"]').waitFor();
    expect(await page.locator('[data-testid=shared-interest][data-theme="security"]').getAttribute('data-rank')).toBe('2');

    // English: the explanation comes from the API in the new language.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByText('Shared by 2 of the 2 interviewed parties').first().waitFor();
    expect(await page.getByTestId('shared-interest').first().locator('h3').textContent()).toBe('Energy hub and grid congestion');
    expect(await page.getByTestId('score-explanation').locator('summary').textContent()).toBe('How is this scored?');
    expect(await page.getByTestId('start-project-energy_hub').textContent()).toBe('Start a project');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByText('Gedeeld door 2 van de 2 geïnterviewde partijen').first().waitFor();

    // The heat map: two stakeholders interviewed, three cells.
    await page.getByRole('link', { name: 'Belangenmatrix' }).click();
    const heatmap = page.getByTestId('interest-heatmap');
    await heatmap.waitFor();
    expect(await heatmap.getAttribute('data-rows')).toBe('2');
    expect(await heatmap.getAttribute('data-cells')).toBe('3');
    expect(await heatmap.locator('canvas').count()).toBeGreaterThan(0);
    // (The filter lives in the address bar; the router updates it in a transition.)
    await page.getByLabel('Alleen geïnterviewde betrokkenen').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=interest-heatmap]')?.getAttribute('data-rows') === '3');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a draft survives a reload and a dropped connection, and is cleared once saved', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}/interview/${ids.municipality}?thema=water`);
    await page.locator('[data-testid=theme-card][data-theme="water"]').waitFor();
    const typed = 'Na elke hoosbui staat de Kanaalweg onder water.';
    await page.getByLabel('Huidige situatie').fill(typed);
    await page.locator('.theme-index-item[data-theme="water"][data-state="draft"]').waitFor();

    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('draft-restored').textContent()).toContain('Concept hersteld');
    expect(await page.getByLabel('Huidige situatie').inputValue()).toBe(typed);

    // Saving without urgency: said next to the field, nothing sent.
    await page.getByTestId('save').click();
    await page.getByTestId('error-urgency').waitFor();
    expect(await page.getByTestId('error-urgency').textContent()).toContain('Kies een urgentie');

    // The connection drops while saving: the input stays, as a draft, with a retry.
    await page.getByTestId('urgency').getByRole('radio', { name: '3', exact: true }).check();
    await context.setOffline(true);
    await page.getByTestId('save').click();
    await page.getByTestId('offline-message').waitFor();
    expect(await page.getByTestId('offline-message').textContent()).toContain('Geen verbinding');
    expect(await page.getByLabel('Huidige situatie').inputValue()).toBe(typed);
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('urgency').getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
    await page.getByTestId('save').click();
    await page.getByTestId('interview-saved').waitFor();
    expect(await interestsOf(ids.municipality)).toEqual([
      expect.objectContaining({ theme_code: 'water', urgency: 3, current_situation: typed }),
    ]);

    // Saved: no draft any more after a reload.
    await page.reload();
    await page.getByTestId('theme-status').filter({ hasText: 'Vastgelegd' }).waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await page.getByLabel('Huidige situatie').inputValue()).toBe(typed);

    // A recorded interest can be deleted, after a question; the theme is open again.
    await page.getByTestId('delete-interest').click();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByTestId('theme-status').filter({ hasText: 'Nog niet vastgelegd' }).waitFor();
    expect(await interestsOf(ids.municipality)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a colleague changed the same theme in between: 412, the latest version merged, saved again', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}/interview/${ids.bakery}?thema=energy_hub`);
    await page.locator('[data-testid=theme-card][data-theme="energy_hub"]').waitFor();
    await page.getByLabel('Opgave').fill('Mijn nieuwe opgave.');

    const [interest] = (await interestsOf(ids.bakery)).filter((i) => i.theme_code === 'energy_hub');
    const { etag } = await api<InterestRow>(adminToken, 'GET', `/interests/${interest!.id}`);
    await api(adminToken, 'PATCH', `/interests/${interest!.id}`, { challenge: 'Opgave van de collega.', vision: 'Visie van de collega.' }, { 'If-Match': etag ?? '' });

    await page.getByTestId('save').click();
    await page.getByTestId('conflict-message').waitFor();
    expect(await page.getByLabel('Opgave').inputValue()).toBe('Mijn nieuwe opgave.');
    expect(await page.getByLabel('Visie op de toekomst').inputValue()).toBe('Visie van de collega.');
    expect(await page.locator('[data-field=challenge] .field-conflict').textContent()).toContain('Opgave van de collega.');

    await page.getByTestId('save').click();
    await page.getByTestId('interview-saved').waitFor();
    const [after] = (await interestsOf(ids.bakery)).filter((i) => i.theme_code === 'energy_hub');
    expect(after).toMatchObject({ challenge: 'Mijn nieuwe opgave.', vision: 'Visie van de collega.' });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the theme was recorded elsewhere meanwhile: 409, the saved one loaded, the input kept', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}/interview/${ids.owner}?thema=ev_charging`);
    await page.locator('[data-testid=theme-card][data-theme="ev_charging"]').waitFor();
    await page.getByLabel('Opgave').fill('Laadpalen voor de huurders.');
    await page.getByTestId('urgency').getByRole('radio', { name: '4', exact: true }).check();
    await api(adminToken, 'POST', `/stakeholders/${ids.owner}/interests`, { theme_code: 'ev_charging', urgency: 2 });

    await page.getByTestId('save').click();
    await page.getByTestId('conflict-message').waitFor();
    expect(await page.getByTestId('conflict-message').textContent()).toContain('al vastgelegd');
    expect(await page.getByLabel('Opgave').inputValue()).toBe('Laadpalen voor de huurders.');
    await page.getByTestId('save').click();
    await page.getByTestId('interview-saved').waitFor();
    const [after] = (await interestsOf(ids.owner)).filter((i) => i.theme_code === 'ev_charging');
    expect(after).toMatchObject({ urgency: 4, challenge: 'Laadpalen voor de huurders.' });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a viewer reads the ranking, the matrix and the interviews, and cannot change them', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'viewer');
    await page.goto(`/parken/${parkId}/belangen`);
    await page.getByTestId('shared-interest').first().waitFor();
    expect(await page.getByRole('link', { name: 'Interview vastleggen' }).count()).toBe(0);
    await page.goto(`/parken/${parkId}/belangen/matrix`);
    await page.getByTestId('interest-heatmap').waitFor();
    expect(await page.getByText('Klik op een vak om dat interview te openen.').count()).toBe(0);

    await page.goto(`/parken/${parkId}/interview/${ids.bakery}?thema=energy_hub`);
    await page.getByTestId('read-only-note').waitFor();
    await page.getByTestId('interest-readonly').waitFor();
    expect(await page.getByTestId('interest-readonly').textContent()).toContain('Mijn nieuwe opgave.');
    expect(await page.locator('textarea').count()).toBe(0);
    expect(await page.getByTestId('save').count()).toBe(0);
    await openTheme(page, 'heat');
    await page.getByTestId('not-recorded').waitFor();
    // Another browser, another person: the theme the expert skipped shows as skipped here too.
    expect(await page.locator('.theme-index-item[data-theme="fibre"]').getAttribute('data-state')).toBe('skipped');
    await openTheme(page, 'fibre');
    await page.locator('[data-testid=theme-card][data-theme="fibre"] .status-skipped').waitFor();
    expect(await page.getByRole('button', { name: 'Toch bespreken' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
