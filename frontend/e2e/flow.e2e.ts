import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { displayName } from '../src/lib/displayName';
import {
  ACCOUNTS,
  apiParks,
  apiPatchPark,
  apiSetProvinces,
  apiToken,
  launch,
  login,
  newSession,
  openParks,
  type ParkSummary,
} from './helpers';

let browser: Browser;
let adminToken: string;
let utrecht: ParkSummary[];

beforeAll(async () => {
  browser = await launch();
  adminToken = await apiToken('admin');
  utrecht = await apiParks(adminToken, { province: 'UT', limit: '10' });
  expect(utrecht.length).toBeGreaterThanOrEqual(3);
});

afterAll(async () => {
  await browser?.close();
});

describe('login', () => {
  test('a wrong password shows a clear error and stays on the login page', async () => {
    const { context, page, errors } = await newSession(browser);
    await page.goto('/');
    await page.waitForURL(/\/inloggen/);
    await page.getByLabel('E-mailadres').fill('viewer@parkregie.demo');
    await page.getByLabel('Wachtwoord').fill('not-the-password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(page.url()).toContain('/inloggen');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('expert', () => {
  test('searches a park in Utrecht, opens it, edits the description and sees it saved', async () => {
    const target = utrecht[0]!;
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await openParks(page);
    // An expert starts with the parks in progress; the register park is found in the whole list.
    await page.getByTestId('parks-table').waitFor();
    await page.waitForFunction(() => /^1–\d+ van \d+ parken$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
    await page.getByLabel('Alleen parken in bewerking').uncheck();
    await page.waitForURL(/actief=0/);

    // The list with its map: markers are drawn even though no tiles load.
    await page.getByTestId('parks-table').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=parks-map]')?.getAttribute('data-marker-count')) > 100);
    expect(await page.locator('[data-testid=parks-map] canvas').count()).toBeGreaterThan(0);

    await page.getByLabel('Provincie').selectOption('UT');
    await page.getByLabel('Zoek op naam').fill(target.name);
    // Register names in capitals are shown readable ("'T AMBACHT" as "'t Ambacht").
    const link = page.getByTestId('parks-table').getByRole('link', { name: displayName(target.name), exact: true });
    await link.waitFor();
    await page.waitForURL(/provincie=UT/);
    await page.waitForURL((url) => url.searchParams.get('q') === target.name);
    expect(await page.getByTestId('map-note').textContent()).toMatch(/midden van|eigen locatie/);
    await link.click();

    await page.waitForURL(new RegExp(`/parken/${target.id}$`));
    // The park page's code loads now (lazily), on a machine that may be busy: allow it time.
    await page.getByTestId('park-title').waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('park-title').textContent()).toBe(displayName(target.name));
    expect(await page.getByTestId('park-title').getAttribute('data-name')).toBe(target.name);
    await page.getByRole('tab').or(page.getByRole('link', { name: 'Overzicht' })).first().waitFor();

    await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
    const text = `Beschrijving uit de e2e-test ${Date.now()}`;
    await page.getByLabel('Omschrijving').fill(text);
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await page.getByTestId('save-success').waitFor();
    expect(await page.getByTestId('save-success').textContent()).toContain('De wijzigingen zijn opgeslagen.');
    expect(await page.getByTestId('park-description').textContent()).toBe(text);

    // Really stored: a reload shows it too.
    await page.reload();
    await page.getByTestId('park-description').waitFor();
    expect(await page.getByTestId('park-description').textContent()).toBe(text);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a change made by someone else in between gives the 412 message; reloading keeps the input', async () => {
    const target = utrecht[1]!;
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${target.id}`);
    await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
    const mine = `Mijn omschrijving ${Date.now()}`;
    await page.getByLabel('Omschrijving').fill(mine);

    const theirs = `Intussen door de beheerder gewijzigd ${Date.now()}`;
    await apiPatchPark(adminToken, target.id, { description: theirs });

    await page.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = page.getByTestId('conflict-message');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Dit park is intussen door iemand anders gewijzigd');
    expect(await conflict.textContent()).toContain('Wat je hebt ingevuld blijft staan');
    expect(await page.getByLabel('Omschrijving').inputValue()).toBe(mine);

    await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await page.getByTestId('reloaded-message').waitFor();
    expect(await page.getByLabel('Omschrijving').inputValue()).toBe(mine);
    expect(await page.locator('[data-field=description] .field-conflict').textContent()).toContain(theirs);

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('save-success').waitFor();
    expect(await page.getByTestId('park-description').textContent()).toBe(mine);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('validation errors from the server are shown next to the field', async () => {
    const target = utrecht[2]!;
    const { context, page } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${target.id}`);
    await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
    await page.getByLabel('Bruto oppervlakte').fill('-5');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const fieldError = page.getByTestId('error-area_ha');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('Moet minimaal 0 zijn.');
    await page.getByTestId('validation-message').waitFor();
    await context.close();
  });

  test('when rights are taken away in between, the session ends and says why', async () => {
    const target = utrecht[3]!;
    const { context, page } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${target.id}`);
    await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
    await page.getByLabel('Omschrijving').fill('Mag dit nog?');
    // The admin moves the expert to Gelderland: every token issued before stops working.
    await apiSetProvinces(adminToken, ACCOUNTS.expert.email, ['GE']);
    try {
      await page.getByRole('button', { name: 'Opslaan' }).click();
      const ended = page.getByTestId('session-ended');
      await ended.waitFor();
      expect(await ended.textContent()).toContain('Je rechten of je wachtwoord zijn gewijzigd');
      // Logged in again, the park in Utrecht is read-only for them now.
      await login(page, 'expert');
      await page.goto(`/parken/${target.id}`);
      await page.getByTestId('read-only-note').waitFor();
      expect(await page.getByRole('button', { name: 'Gegevens bewerken' }).count()).toBe(0);
    } finally {
      await apiSetProvinces(adminToken, ACCOUNTS.expert.email, ['UT', 'GE']);
      await context.close();
    }
  });

  test('sees no edit button on a park outside their provinces', async () => {
    const [outside] = await apiParks(adminToken, { province: 'NH', limit: '1' });
    const { context, page } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${outside!.id}`);
    await page.getByTestId('read-only-note').waitFor();
    expect(await page.getByRole('button', { name: 'Gegevens bewerken' }).count()).toBe(0);
    await context.close();
  });
});

describe('viewer', () => {
  test('sees the park but no edit button', async () => {
    const target = utrecht[0]!;
    const { context, page, errors } = await newSession(browser);
    await login(page, 'viewer');
    expect(await page.getByTestId('current-user').textContent()).toContain('Meelezer');
    await page.goto(`/parken/${target.id}`);
    await page.getByTestId('park-title').waitFor();
    await page.getByTestId('read-only-note').waitFor();
    expect(await page.getByRole('button', { name: 'Gegevens bewerken' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('shell', () => {
  test('switches to English and back, and logging out returns to the login page', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'viewer');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Parks' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Parken' }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/inloggen/);
    await page.getByRole('button', { name: 'Inloggen' }).waitFor();
    await context.close();
  });

  test('pages through the list with next and previous, and comes back to the same page', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'viewer');
    await openParks(page);
    const table = page.getByTestId('parks-table');
    const firstName = () => table.getByRole('link').first().textContent();
    await table.waitFor();
    const page1 = await firstName();
    await page.getByRole('button', { name: /Volgende/ }).click();
    await page.getByTestId('page-number').getByText('Pagina 2').waitFor();
    await page.waitForFunction((name) => document.querySelector('[data-testid=parks-table] a')?.textContent !== name, page1);
    const page2 = await firstName();
    expect(page2).not.toBe(page1);
    await page.getByRole('button', { name: /Volgende/ }).click();
    await page.getByTestId('page-number').getByText('Pagina 3').waitFor();
    await page.getByRole('button', { name: /Vorige/ }).click();
    await page.getByTestId('page-number').getByText('Pagina 2').waitFor();
    await page.waitForFunction((name) => document.querySelector('[data-testid=parks-table] a')?.textContent === name, page2);
    // Open a park and use the breadcrumb: back on page 2.
    await table.getByRole('link').first().click();
    await page.getByTestId('park-title').waitFor();
    await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Parken' }).click();
    await page.getByTestId('page-number').getByText('Pagina 2').waitFor();
    expect(await firstName()).toBe(page2);
    await page.getByRole('button', { name: /Vorige/ }).click();
    await page.getByTestId('page-number').getByText('Pagina 1').waitFor();
    expect(await page.getByRole('button', { name: /Vorige/ }).isDisabled()).toBe(true);
    await context.close();
  });

  test('leaving the list while the map is still zooming raises no error', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'viewer');
    await openParks(page);
    await page.getByTestId('parks-table').waitFor();
    await page.locator('.leaflet-control-zoom-in').click();
    await page.getByTestId('parks-table').getByRole('link').first().click();
    await page.getByTestId('park-title').waitFor();
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an invalid token sends the user to the login page', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'viewer');
    await page.evaluate(() => {
      localStorage.setItem('parkregie.session', JSON.stringify({ token: 'broken', expiresAt: Date.now() + 3_600_000 }));
    });
    await page.goto('/parken');
    await page.waitForURL(/\/inloggen/);
    await page.getByText('Je sessie is verlopen. Log opnieuw in.').waitFor();
    await context.close();
  });
});
