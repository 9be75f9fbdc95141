import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiParks, apiToken, launch, login, newSession } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

test('an expert places a park by clicking the map and pastes its outline as GeoJSON', async () => {
  const admin = await apiToken('admin');
  const target = (await apiParks(admin, { province: 'UT', limit: '12' }))[7]!;
  const { context, page, errors } = await newSession(browser);
  await login(page, 'expert');
  await page.goto(`/parken/${target.id}`);
  await page.getByRole('button', { name: 'Gegevens bewerken' }).click();

  // A click on the map fills in the point (tiles do not load here; the click still counts).
  const picker = page.getByTestId('location-picker');
  await picker.waitFor();
  await picker.click(); // scrolled into view, clicked in the middle
  await page.waitForFunction(() => (document.getElementById('park-latitude') as HTMLInputElement | null)?.value !== '');
  const latitude = await page.getByLabel('Breedtegraad').inputValue();
  const longitude = await page.getByLabel('Lengtegraad').inputValue();
  expect(Number(latitude.replace(',', '.'))).toBeGreaterThan(51.5);
  expect(Number(latitude.replace(',', '.'))).toBeLessThan(52.6);
  expect(Number(longitude.replace(',', '.'))).toBeGreaterThan(4.5);

  // Something that is not an outline is refused next to the field, before anything is sent.
  const outline = page.getByLabel('Omtrek (GeoJSON)');
  await outline.fill('{"type": "Cirkel"}');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByTestId('error-geometry').waitFor();

  const lat = Number(latitude.replace(',', '.'));
  const lon = Number(longitude.replace(',', '.'));
  const ring = [
    [lon - 0.01, lat - 0.005],
    [lon + 0.01, lat - 0.005],
    [lon + 0.01, lat + 0.005],
    [lon - 0.01, lat + 0.005],
    [lon - 0.01, lat - 0.005],
  ];
  await outline.fill(JSON.stringify({ type: 'Feature', properties: { naam: target.name }, geometry: { type: 'Polygon', coordinates: [ring] } }));
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByTestId('save-success').waitFor();
  await page.locator('[data-testid=park-map][data-shown=outline]').waitFor();

  const stored = await fetch(`${page.url().split('/parken')[0]}/api/v1/parks/${target.id}`, { headers: { Authorization: `Bearer ${admin}` } });
  const park = (await stored.json()) as { latitude: number; longitude: number; geometry: { type: string } };
  expect(park.geometry.type).toBe('Polygon');
  expect(park.latitude).toBeCloseTo(lat, 4);
  expect(errors).toEqual([]);
  await context.close();
});
