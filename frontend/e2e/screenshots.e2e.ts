/**
 * Screenshots of every screen, in Dutch, for a person to look at:
 * frontend/test-results/screenshots/*.png (git-ignored).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiParks, apiPatchPark, apiToken, launch, login, newSession, screenshot } from './helpers';

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
  await page.getByTestId('parks-table').waitFor();
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
