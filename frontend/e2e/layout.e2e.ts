/**
 * The shell: at 390 px the menu folds behind one button (nav, user, language, logout in the dark
 * bar), nothing is wider than the phone; the expert's provinces by name; focus moves to the new
 * page's heading on a route change and the title is announced.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiParks, apiToken, launch, login, newSession, screenshot, screenshotDir } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the top bar', () => {
  test('at 390 px a Menu button opens the nav, the user, the language and logout', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    // The expert's provinces by name, not by code.
    await page.getByTestId('current-user').getByText('Procesbegeleider · Gelderland, Utrecht').waitFor();
    expect(await page.getByTestId('menu-toggle').isVisible()).toBe(false);
    await screenshot(page, 'layout-topbar-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'layout-topbar-1024');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1024);

    await page.setViewportSize({ width: 390, height: 844 });
    const toggle = page.getByRole('button', { name: 'Menu' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(false);
    await screenshot(page, 'layout-topbar-390-closed');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Parken', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'EN', exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('current-user').isVisible()).toBe(true);
    // Everything in the open menu sits on the dark bar.
    const inBar = await page.evaluate(() => {
      const bar = document.querySelector('.topbar')!.getBoundingClientRect();
      return [...document.querySelectorAll('.topbar-menu button, .topbar-menu a')].every((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= bar.top && r.bottom <= bar.bottom && r.right <= bar.right;
      });
    });
    expect(inBar).toBe(true);
    await screenshot(page, 'layout-topbar-390-open');
    // In English too.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Parks', exact: true }).waitFor();
    await screenshot(page, 'layout-topbar-390-open-en');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await nav.getByRole('link', { name: 'Parken', exact: true }).waitFor();
    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-toggle');
    // A link in the menu navigates and closes it.
    await toggle.click();
    await nav.getByRole('link', { name: 'Parken', exact: true }).click();
    await page.waitForURL(/\/parken(\?|$)/);
    await page.waitForSelector('[data-testid=menu-toggle][aria-expanded=false]');
    expect(await nav.isVisible()).toBe(false);

    // Nothing wider than the phone on the pages of the shell.
    const token = await apiToken('expert');
    const park = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!;
    for (const path of ['/werk', '/parken', '/provincies', '/provincies?provincie=UT', '/opvolgen', `/parken/${park.id}`, `/parken/${park.id}/betrokkenen`]) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > 391 && !el.closest('.leaflet-container'))
          .slice(0, 5)
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(await scrollWidth(page), `${path}: ${wide.join(' ')}`).toBeLessThanOrEqual(390);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('at 1024 px the admin\'s five menu items, the user, the language and logout fit in one line', async () => {
    const { context, page, errors } = await newSession(browser, { width: 1024, height: 768 });
    await login(page, 'admin');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const bar = await page.locator('.topbar-inner').boundingBox();
    expect(bar!.height).toBeLessThanOrEqual(57);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1024);
    await screenshot(page, 'layout-topbar-admin-1024');
    expect(errors).toEqual([]);
    await context.close();
  });
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${el.textContent?.trim()}` : '';
  });

describe('focus and links', () => {
  test('the focus ring on the dark bar is light (7.6:1), the breadcrumb link is underlined', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    const link = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Parken', exact: true });
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await link.evaluate((el) => {
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineColor}`;
    });
    expect(outline).toBe('solid rgb(159, 208, 255)');
    await screenshot(page, 'layout-focus-ring-1366');
    const token = await apiToken('expert');
    const park = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!;
    await page.goto(`/parken/${park.id}`);
    const crumb = page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link');
    await crumb.waitFor();
    expect(await crumb.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a route change', () => {
  test('moves focus to the new page\'s heading and announces it, not on the first load', async () => {
    const { context, page, errors } = await newSession(browser);
    await page.goto('/inloggen');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The first load leaves focus where the page puts it (the e-mail field).
    expect(await focused(page)).not.toMatch(/^h1/);
    await login(page, 'expert');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await focused(page)).toBe('h1:Mijn werk');
    await page.waitForFunction(() => document.querySelector('[data-testid=route-announcer]')?.textContent?.includes('Mijn werk'));

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Opvolgen' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Opvolgen' && document.activeElement.tagName === 'H1');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=route-announcer]')?.textContent?.startsWith('Opvolgen'),
    );

    // Opening a park: its name; a tab: the tab's own heading, not the tab link.
    await nav.getByRole('link', { name: 'Mijn werk' }).click();
    await page.locator('[data-testid=work-park][data-name="Lage Weide"]').getByRole('link').first().click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'park-title');
    await page.getByRole('navigation', { name: 'Onderdelen van het park' }).getByRole('link', { name: 'Betrokkenen' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    expect(await focused(page)).toBe('h2:Betrokkenen');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=route-announcer]')?.textContent?.startsWith('Betrokkenen · Lage Weide'),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a direct load of a park\'s tab has the tab\'s title', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    const token = await apiToken('expert');
    const park = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!;
    await page.goto(`/parken/${park.id}/betrokkenen`);
    await page.getByRole('heading', { name: 'Betrokkenen', level: 2 }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.title()).toBe('Betrokkenen · Lage Weide · Parkregie');
    await page.goto(`/parken/${park.id}`);
    await page.getByTestId('park-title').waitFor();
    await page.waitForTimeout(300);
    expect(await page.title()).toBe('Lage Weide · Parkregie');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('names and the current page', () => {
  test('one aria-current="page" at a time, Dutch zoom buttons, one name per "Afronden"', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    const token = await apiToken('expert');
    const park = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!;
    const current = () => page.locator('[aria-current="page"]').allTextContents();
    for (const [path, name] of [
      ['/werk', 'Mijn werk'],
      ['/parken', 'Parken'],
      [`/parken/${park.id}`, 'Overzicht'],
      [`/parken/${park.id}/betrokkenen`, 'Betrokkenen'],
      [`/parken/${park.id}/belangen`, 'Rangorde'],
      [`/parken/${park.id}/belangen/matrix`, 'Belangenmatrix'],
      [`/parken/${park.id}/organisatie`, 'Organisaties'],
    ] as const) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      const texts = await current();
      expect(texts, path).toHaveLength(1);
      expect(texts[0], path).toContain(name.slice(0, 4));
    }

    // Leaflet's zoom buttons in the page's language.
    await page.goto(`/parken/${park.id}`);
    const zoomIn = page.locator('.leaflet-control-zoom-in');
    await zoomIn.waitFor();
    expect(await zoomIn.getAttribute('aria-label')).toBe('Inzoomen');
    expect(await page.locator('.leaflet-control-zoom-out').getAttribute('title')).toBe('Uitzoomen');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.leaflet-control-zoom-in')?.getAttribute('aria-label') === 'Zoom in');
    await page.getByRole('button', { name: 'NL', exact: true }).click();

    // Every "Afronden" on the follow-ups page says whose follow-up it closes.
    await page.goto('/opvolgen');
    await page.getByTestId('follow-up').first().waitFor();
    const names = await page
      .getByTestId('follow-up')
      .getByRole('button', { name: /Afronden/ })
      .evaluateAll((buttons) => buttons.map((b) => b.textContent?.replace('✓ ', '').trim()));
    expect(names.length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^Afronden: \S/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the park page header', () => {
  test('a register name in capitals is shown readable, the register codes are folded away', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'admin');
    const token = await apiToken('admin');
    const park = (await apiParks(token, { province: 'ZH', q: "'T AMBACHT", limit: '1' }))[0]!;
    expect(park.name).toBe("'T AMBACHT (KATWIJK)");
    await page.goto(`/parken/${park.id}`);
    const title = page.getByTestId('park-title');
    await title.waitFor();
    expect(await title.textContent()).toBe("'t Ambacht (Katwijk)");
    expect(await title.getAttribute('data-name')).toBe("'T AMBACHT (KATWIJK)");
    await page.waitForFunction(() => document.title.startsWith("'t Ambacht (Katwijk)"));
    const details = page.getByTestId('park-details');
    await details.waitFor();
    const technical = page.getByTestId('park-technical');
    expect(await technical.getByText('IBIS-type').isVisible()).toBe(false);
    expect(await details.getByText(/\(\d{4}\)/).count()).toBe(0);
    for (const width of [1366, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      await screenshot(page, `layout-park-${width}`);
    }
    await technical.locator('summary').click();
    expect(await technical.getByText('IBIS-type').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the interview', () => {
  test('at 1024 px "Tijd en geld" stays clear of the budget; a link skips the theme list', async () => {
    const { context, page, errors } = await newSession(browser, { width: 1024, height: 900 });
    await login(page, 'expert');
    const token = await apiToken('expert');
    const park = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!;
    await page.goto(`/parken/${park.id}/interview`);
    await page.getByTestId('choose-stakeholder').getByRole('link').first().click();
    await page.getByTestId('interview-progress').waitFor();
    const card = page.getByTestId('theme-card');
    await card.waitFor();
    // The required urgency says so, visibly and to a screen reader.
    expect(await page.getByTestId('urgency').locator('legend').textContent()).toBe('Urgentie (verplicht)');
    expect(await page.getByTestId('urgency').getByRole('radio', { name: '1', exact: true }).getAttribute('required')).not.toBeNull();
    await page.getByTestId('willingness').getByRole('radio', { name: 'Tijd en geld', exact: true }).check();
    const budget = page.getByLabel('Budget');
    await budget.waitFor();
    await page.waitForTimeout(200);
    for (const width of [1024, 1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(200);
      await card.screenshot({ path: `${screenshotDir}/layout-interview-card-${width}.png` });
      const option = await page.getByTestId('willingness').locator('label', { hasText: 'Tijd en geld' }).boundingBox();
      const field = await budget.boundingBox();
      const overlap =
        option!.x < field!.x + field!.width &&
        field!.x < option!.x + option!.width &&
        option!.y < field!.y + field!.height &&
        field!.y < option!.y + option!.height;
      expect(overlap, `width ${width}`).toBe(false);
    }
    await page.setViewportSize({ width: 1024, height: 900 });

    // The skip link: the first Tab stop of the interview grid, to the theme card.
    const skip = page.getByRole('link', { name: 'Naar het thema (sla de themalijst over)' });
    await skip.focus();
    expect(await skip.isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}/layout-interview-skip-1024.png` });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('interview-main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=theme-card]'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the interest matrix', () => {
  test('the table scrolls by keyboard and says who wants to invest; the heat map at three widths', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    const token = await apiToken('expert');
    const park = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!;
    await page.goto(`/parken/${park.id}/belangen/matrix`);
    await page.getByTestId('interest-heatmap').waitFor();
    await page.waitForTimeout(500);
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(400);
      await page.getByTestId('interest-heatmap').screenshot({ path: `${screenshotDir}/layout-heatmap-${width}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('details.matrix-table summary').click();
    const region = page.getByRole('region', { name: /Urgentie per betrokkene en thema/ });
    await region.waitFor();
    expect(await region.getAttribute('tabindex')).toBe('0');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    const table = page.getByTestId('matrix-table');
    expect(await table.locator('td', { hasText: /wil (tijd|geld)/ }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('matrix-will-legend').isVisible()).toBe(true);
    await region.screenshot({ path: `${screenshotDir}/layout-matrix-table-1366.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('at 390 px a list per theme instead of the grid: names, kinds and urgency in text, by keyboard, nothing wider than the phone', async () => {
    const { context, page, errors } = await newSession(browser, { width: 390, height: 844 });
    await login(page, 'expert');
    const token = await apiToken('expert');
    const park = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!;
    await page.goto(`/parken/${park.id}/belangen/matrix`);
    const list = page.getByTestId('matrix-themes');
    await list.waitFor();
    expect(await page.getByTestId('interest-heatmap').count()).toBe(0);
    expect(await page.getByTestId('matrix-table').count()).toBe(0);
    const themes = list.getByTestId('matrix-theme');
    expect(await themes.count()).toBeGreaterThan(3);
    // The first theme someone named opens from the keyboard and shows who, their kind and how urgent.
    const summary = list.locator('summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    const opened = list.locator('details[open]').first();
    await opened.locator('.matrix-theme-people li').first().waitFor();
    const first = await opened.locator('.matrix-theme-people li').first().innerText();
    expect(first).toMatch(/urgent/i);
    expect(first).toMatch(/Ondernemer|Vastgoedeigenaar|Gemeente|Netbeheerder|Financier|Parkmanager|Provincie|Andere partij/i);
    // Tab reaches the stakeholder's link in the opened theme.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.matrix-theme-people') !== null)).toBe(true);
    await page.waitForTimeout(300);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > 391)
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(await scrollWidth(page), wide.join(' ')).toBeLessThanOrEqual(390);
    await screenshot(page, 'layout-matrix-themes-390');
    // Wider again: the grid comes back.
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.getByTestId('interest-heatmap').waitFor();
    expect(await list.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
