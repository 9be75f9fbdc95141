/**
 * Screenshots of every screen, in Dutch, for a person to look at:
 * frontend/test-results/screenshots/*.png (git-ignored).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiParks, apiPatchPark, apiToken, launch, login, newSession, openParks, screenshot } from './helpers';
import { apiBigPark, apiCreatePark } from './interestsData';
import { adminScreenshots } from './adminScreens';
import { assessmentScreenshots } from './assessmentScreens';
import { projectScreenshots } from './projectScreens';
import { stakeholderScreenshots } from './stakeholderScreens';
import { workScreenshots } from './workScreens';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

test('screenshots of login, parks list, park page and the conflict message', async () => {
  const adminToken = await apiToken('admin');
  const [park] = await apiParks(adminToken, { province: 'UT', q: 'Lage Weide', limit: '1' });
  const target = park ?? (await apiParks(adminToken, { province: 'UT', limit: '5' }))[4]!;

  const { context, page, errors } = await newSession(browser);
  await page.goto('/inloggen');
  await page.getByRole('button', { name: 'Inloggen' }).waitFor();
  await screenshot(page, '01-login');

  await page.getByLabel('E-mailadres').fill('expert@parkregie.demo');
  await page.getByLabel('Wachtwoord').fill('wrong');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByTestId('login-error').waitFor();
  await screenshot(page, '02-login-error');

  await login(page, 'expert');
  await page.getByTestId('work-park').first().waitFor();
  await screenshot(page, '03a-work');
  await openParks(page);
  await page.getByTestId('parks-table').waitFor();
  await screenshot(page, '03b-parks-active');
  await page.getByLabel('Alleen parken in bewerking').uncheck();
  await page.waitForURL(/actief=0/);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=parks-map]')?.getAttribute('data-marker-count')) > 100);
  await page.waitForTimeout(300);
  await screenshot(page, '03-parks-all');

  await page.getByLabel('Provincie').selectOption('UT');
  await page.waitForURL(/provincie=UT/);
  await page.waitForFunction(() => {
    const n = Number(document.querySelector('[data-testid=parks-map]')?.getAttribute('data-marker-count'));
    return n > 0 && n < 100;
  });
  await page.waitForTimeout(300);
  await screenshot(page, '04-parks-utrecht');

  // Several parks on one municipality centre share a marker; a click lists them.
  await page.getByLabel('Provincie').selectOption('GE');
  await page.getByLabel('Zoek op naam').fill('Medel');
  await page.waitForFunction(() => document.querySelector('[data-testid=parks-map]')?.getAttribute('data-marker-count') === '1');
  await page.getByTestId('parks-table').getByRole('link', { name: /Medel/ }).first().waitFor();
  const box = (await page.getByTestId('parks-map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const popup = page.locator('.map-popup');
  await popup.waitFor();
  expect(await popup.locator('a').count()).toBeGreaterThan(1);
  await page.mouse.move(box.x + 10, box.y + box.height - 10);
  await page.waitForTimeout(400);
  await screenshot(page, '04b-parks-map-popup');
  await page.getByLabel('Zoek op naam').fill('');

  // A park with a point of its own, to show the small map with an exact location.
  await apiPatchPark(adminToken, target.id, {
    latitude: 52.1135,
    longitude: 5.0597,
    company_count: 560,
    description: 'Grootste bedrijventerrein van de provincie Utrecht, aan het Amsterdam-Rijnkanaal.',
  });
  await page.goto(`/parken/${target.id}`);
  await page.getByTestId('park-title').waitFor();
  await page.waitForTimeout(300);
  await screenshot(page, '05-park');

  await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
  await page.getByLabel('Omschrijving').fill('Mijn aanvulling op de omschrijving.');
  await page.getByLabel('Aantal bedrijven').fill('575');
  await apiPatchPark(adminToken, target.id, { description: 'Intussen door een collega aangepast.' });
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByTestId('conflict-message').waitFor();
  await screenshot(page, '06-park-edit-conflict');

  await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
  await page.getByTestId('reloaded-message').waitFor();
  await page.getByLabel('Bruto oppervlakte').fill('-3');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByTestId('error-area_ha').waitFor();
  await screenshot(page, '07-park-edit-reloaded-422');

  await page.getByLabel('Bruto oppervlakte').fill('');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  const viewer = await newSession(browser, { width: 1024, height: 768 });
  await login(viewer.page, 'viewer');
  await viewer.page.goto(`/parken/${target.id}`);
  await viewer.page.getByTestId('read-only-note').waitFor();
  await screenshot(viewer.page, '08-park-viewer-1024');
  await viewer.context.close();

  // A park with a GeoJSON outline.
  const other = (await apiParks(adminToken, { province: 'GE', limit: '3' }))[2]!;
  await apiPatchPark(adminToken, other.id, {
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [5.9, 52.2],
          [5.93, 52.2],
          [5.935, 52.215],
          [5.91, 52.222],
          [5.895, 52.21],
          [5.9, 52.2],
        ],
      ],
    },
  });
  await page.goto(`/parken/${other.id}`);
  await page.getByTestId('park-title').waitFor();
  expect(await page.getByTestId('park-map').getAttribute('data-shown')).toBe('outline');
  await screenshot(page, '09-park-outline');

  // The list in English, as a smaller laptop shows it.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.goto('/parken?provincie=GE&per=50');
  await page.getByTestId('parks-table').waitFor();
  await page.waitForTimeout(300);
  await screenshot(page, '10-parks-gelderland-en');
  await page.getByRole('button', { name: 'NL', exact: true }).click();

  expect(errors).toEqual([]);
  await context.close();
});

test('screenshots of the shared interests, the heat map and the interview', async () => {
  const expertToken = await apiToken('expert');
  const [lageWeide] = await apiParks(expertToken, { province: 'UT', q: 'Lage Weide', limit: '1' });
  const big = await apiBigPark(expertToken, `Heatmap-park ${Date.now()}`, 120);
  const empty = await apiCreatePark(expertToken, `Nieuw park ${Date.now()}`, 'Utrecht');

  const { context, page, errors } = await newSession(browser);
  await login(page, 'expert');
  await page.goto(`/parken/${lageWeide!.id}/belangen`);
  await page.getByTestId('shared-interest').first().waitFor();
  await page.waitForTimeout(300);
  await screenshot(page, '20-shared-interests-lage-weide');

  await page.getByText('Hoe komt de score tot stand?').click();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByText('How is this scored?').waitFor();
  await page.getByText(/Shared by \d+ of the/).first().waitFor();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.waitForTimeout(300);
  await screenshot(page, '21-shared-interests-en-1024');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByRole('button', { name: 'NL', exact: true }).click();

  await page.goto(`/parken/${lageWeide!.id}/belangen/matrix`);
  await page.getByTestId('interest-heatmap').waitFor();
  await page.waitForTimeout(300);
  await screenshot(page, '22-heatmap-lage-weide');

  await page.goto(`/parken/${big.id}/belangen/matrix`);
  await page.getByTestId('interest-heatmap').waitFor();
  expect(await page.getByTestId('interest-heatmap').getAttribute('data-scroll')).toBe('true');
  await page.waitForTimeout(300);
  await screenshot(page, '23-heatmap-120-stakeholders');

  await page.goto(`/parken/${empty.id}/belangen`);
  await page.getByTestId('shared-empty').waitFor();
  await screenshot(page, '24-shared-interests-empty');

  await page.goto(`/parken/${lageWeide!.id}/interview`);
  await page.getByTestId('choose-stakeholder').waitFor();
  await page.getByTestId('stakeholder-picker').fill('ba');
  await page.getByRole('listbox').waitFor();
  await screenshot(page, '25-interview-choose');

  await page.getByTestId('stakeholder-picker').press('Enter');
  await page.getByTestId('theme-card').waitFor();
  await page.locator('.theme-index-item[data-state="recorded"]').first().click();
  await page.getByTestId('theme-status').filter({ hasText: 'Vastgelegd' }).waitFor();
  await page.getByLabel('Opgave').fill('Aangevuld tijdens het gesprek: de wachtlijst loopt tot 2029.');
  await page.waitForTimeout(200);
  await screenshot(page, '26-interview-recorded-theme');

  await page.locator('.theme-index-item[data-state="open"]').first().click();
  await page.getByLabel('Huidige situatie').fill('Nog geen afspraken.');
  await page.getByTestId('save').click();
  await page.getByTestId('error-urgency').waitFor();
  await screenshot(page, '27-interview-new-theme-missing-urgency');
  await page.getByText('Concept weggooien').first().click();

  const viewer = await newSession(browser, { width: 1024, height: 768 });
  await login(viewer.page, 'viewer');
  await viewer.page.goto(page.url().replace(/\?.*$/, ''));
  await viewer.page.getByTestId('read-only-note').waitFor();
  await viewer.page.locator('.theme-index-item[data-state="recorded"]').first().click();
  await viewer.page.getByTestId('interest-readonly').waitFor();
  await screenshot(viewer.page, '28-interview-viewer-1024');
  expect(viewer.errors).toEqual([]);
  await viewer.context.close();

  expect(errors).toEqual([]);
  await context.close();
});

test('screenshots of the stakeholders: table and map, form, timeline, privacy, import, follow-ups, viewer', async () => {
  await stakeholderScreenshots(browser);
});

test('screenshots of the park overview, the organisatiegraad and the report at 390, 1024 and 1366 px', async () => {
  await assessmentScreenshots(browser);
});

test('screenshots of the projects: board, project page and business case at 390, 1024 and 1366 px', async () => {
  await projectScreenshots(browser);
});

test('screenshots of the admin area: users, API clients, webhooks and the audit trail at 390, 1024 and 1366 px', async () => {
  await adminScreenshots(browser);
});

test('screenshots of the start page and the province overview at 390, 1024 and 1366 px, in Dutch and English', async () => {
  await workScreenshots(browser);
}, 600_000);
