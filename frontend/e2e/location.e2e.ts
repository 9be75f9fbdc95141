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

test('an expert finds the address, and draws the outline corner by corner on the map', async () => {
  const admin = await apiToken('admin');
  const target = (await apiParks(admin, { province: 'UT', limit: '12' }))[9]!;
  const { context, page, errors } = await newSession(browser);
  // The address search asks PDOK through the server; PDOK is out of reach here, so its answer is
  // given at the server's door: first "not available", then two hits.
  let geocoderUp = false;
  await page.route('**/api/v1/address-search?**', (route) =>
    geocoderUp
      ? route.fulfill({
          json: [
            { label: 'Nijverheidsweg 1, 3641RP Mijdrecht', kind: 'adres', latitude: 52.20418, longitude: 4.86512, municipality: 'De Ronde Venen', province: 'UT' },
            { label: 'Mijdrecht, De Ronde Venen, Utrecht', kind: 'woonplaats', latitude: 52.2067, longitude: 4.8632, municipality: 'De Ronde Venen', province: 'UT' },
          ],
        })
      : route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          json: { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'PDOK does not answer', instance: '/api/v1/address-search' },
        }),
  );
  await login(page, 'expert');
  await page.goto(`/parken/${target.id}`);
  await page.getByRole('button', { name: 'Gegevens bewerken' }).click();

  const search = page.getByLabel('Adres zoeken');
  await search.fill('Nijverheidsweg 1 Mijdrecht');
  await search.press('Enter'); // searches; does not submit the park form
  await page.getByText('Het zoeken van adressen (PDOK) lukt nu niet').waitFor();
  expect(await page.getByTestId('save-success').count()).toBe(0);

  geocoderUp = true;
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.getByRole('button', { name: /Nijverheidsweg 1, 3641RP Mijdrecht/ }).click();
  expect(await page.getByLabel('Breedtegraad').inputValue()).toBe('52,20418');
  expect(await page.getByLabel('Lengtegraad').inputValue()).toBe('4,86512');

  // Draw: four clicks around the point, one taken back, a last one, done.
  await page.getByRole('button', { name: 'Omtrek tekenen' }).click();
  const picker = page.getByTestId('location-picker');
  const box = (await picker.boundingBox())!;
  const at = (dx: number, dy: number) => picker.click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dy } });
  await at(-60, -40);
  await at(60, -40);
  await at(90, 90); // a wrong corner
  await page.getByText('3 hoeken gezet').waitFor();
  await page.getByRole('button', { name: 'Laatste hoek weg' }).click();
  await at(60, 40);
  await at(-60, 40);
  await page.getByRole('button', { name: 'Omtrek klaar' }).click();
  const outline = JSON.parse(await page.getByLabel('Omtrek (GeoJSON)').inputValue()) as { type: string; coordinates: number[][][] };
  expect(outline.type).toBe('Polygon');
  expect(outline.coordinates[0]).toHaveLength(5);
  // Drawing did not move the park's point.
  expect(await page.getByLabel('Breedtegraad').inputValue()).toBe('52,20418');

  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByTestId('save-success').waitFor();
  const stored = await fetch(`${page.url().split('/parken')[0]}/api/v1/parks/${target.id}`, { headers: { Authorization: `Bearer ${admin}` } });
  const park = (await stored.json()) as { latitude: number; longitude: number; geometry: { type: string; coordinates: number[][][] } };
  expect(park.latitude).toBeCloseTo(52.20418, 5);
  expect(park.geometry.type).toBe('Polygon');
  const ring = park.geometry.coordinates[0]!;
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  expect(Math.min(...lons)).toBeLessThan(4.86512);
  expect(Math.max(...lons)).toBeGreaterThan(4.86512);
  expect(Math.min(...lats)).toBeLessThan(52.20418);
  expect(Math.max(...lats)).toBeGreaterThan(52.20418);
  expect(errors).toEqual([]);
  await context.close();
});
