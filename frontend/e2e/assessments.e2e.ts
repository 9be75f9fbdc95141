/**
 * The park's journey, the organisatiegraad and the park report in the browser, against the real
 * backend: the overview of a demo park shows the next step and the five blocks (in Dutch and in
 * English, and at 390 px); a newcomer on a fresh park sees what to do, makes a first and a second
 * assessment and sees the score, the level, the parts of the score, the radar against the previous
 * one and the line over time; a viewer only reads; the report page shows the server's report and
 * prints without the app's navigation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiParks, apiToken, baseURL, launch, login, newSession, screenshot } from './helpers';

let browser: Browser;
let expertToken: string;
let lageWeide: { id: string; name: string };
let freshPark: { id: string; name: string };
const suffix = Date.now().toString(36);

const BLOCKS = ['inventory', 'shared_interests', 'projects', 'organisation', 'organisatiegraad'];
const ROUTES: Record<string, string> = {
  add_stakeholders: 'betrokkenen',
  interview: 'interview',
  follow_up: 'betrokkenen',
  keep_up: 'betrokkenen',
  find_shared_interests: 'belangen',
  start_project: 'belangen',
  business_case: 'projecten',
  choose_organisation: 'organisatie',
  assess: 'organisatiegraad',
  reassess: 'organisatiegraad',
};

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Assessment {
  score: number;
  level: number;
  level_name: string;
}

async function fillMarks(page: Page, marks: number[]): Promise<void> {
  const points = page.getByTestId('assessment-point');
  expect(await points.count()).toBe(7);
  for (const [i, mark] of marks.entries()) {
    await points.nth(i).locator(`input[type=radio][value="${mark}"]`).check();
  }
}

/** The number of pixels the page is wider than its viewport (0 when nothing sticks out). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

beforeAll(async () => {
  browser = await launch();
  expertToken = await apiToken('expert');
  const [park] = await apiParks(expertToken, { province: 'UT', q: 'Lage Weide', limit: '1' });
  if (!park) throw new Error('the demo park Lage Weide is missing');
  lageWeide = park;
  freshPark = await api<{ id: string; name: string }>(expertToken, 'POST', '/parks', {
    name: `Meetpark ${suffix}`,
    municipality: 'Utrecht',
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the park overview', () => {
  test('a demo park shows the next step with a link to its screen, and the five blocks in the order of the guidance', async () => {
    const overview = await api<{ next_step: { code: string; text: string } }>(expertToken, 'GET', `/parks/${lageWeide.id}/overview`);
    const { page, context, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${lageWeide.id}`);
    const next = page.getByTestId('next-step');
    await next.waitFor();
    expect(await next.getAttribute('data-code')).toBe(overview.next_step.code);
    expect(await next.textContent()).toContain('Volgende stap');
    expect(await next.textContent()).toContain(overview.next_step.text);

    const blocks = page.getByTestId('overview-block');
    await blocks.first().waitFor();
    const order = await blocks.evaluateAll((els) => els.map((el) => el.getAttribute('data-block')));
    expect(order).toEqual(BLOCKS);
    expect(await blocks.nth(0).textContent()).toMatch(/\d+ betrokkenen/);
    expect(await blocks.nth(0).textContent()).toContain('Open vervolgafspraken');
    expect(await page.getByTestId('top-interests').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('top-interests').textContent()).toMatch(/score \d+,\d/);
    expect(await page.getByTestId('project-phases').textContent()).toContain('Realisatie');
    // Every todo a block shows links to the screen that fixes it.
    for (const todo of await page.getByTestId('block-todo').all()) {
      const code = (await todo.getAttribute('data-code'))!;
      expect(await todo.getByRole('link').getAttribute('href')).toBe(`/parken/${lageWeide.id}/${ROUTES[code]}`);
    }
    // The register data sit in the compact card, with the editing as before.
    expect(await page.getByTestId('park-details').textContent()).toContain('IBIS-nummer');
    await page.getByRole('button', { name: 'Gegevens bewerken' }).waitFor();

    await page.getByTestId('next-step-link').click();
    await page.waitForURL(new RegExp(`/parken/${lageWeide.id}/${ROUTES[overview.next_step.code]}$`));

    // In English the next step comes from the server in English.
    await page.goto(`/parken/${lageWeide.id}`);
    await page.getByTestId('next-step').waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByTestId('next-step').getByText('Next step').waitFor();
    await page.getByRole('heading', { name: '1 Inventory' }).waitFor();
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByTestId('next-step').getByText('Volgende stap').waitFor();

    // On a phone nothing sticks out sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a park without anybody asks to map the stakeholders first, and each block says what is missing', async () => {
    const { page, context, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${freshPark.id}`);
    const next = page.getByTestId('next-step');
    await next.waitFor();
    expect(await next.getAttribute('data-code')).toBe('add_stakeholders');
    expect(await page.getByTestId('next-step-link').getAttribute('href')).toBe(`/parken/${freshPark.id}/betrokkenen`);
    await page.getByText('Nog niemand vastgelegd.').waitFor();
    await page.getByText('Nog niet gemeten.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the organisatiegraad', () => {
  test('a newcomer sees what to do, makes a first assessment and sees score, level, parts and the radar', async () => {
    const { page, context, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${freshPark.id}`);
    await page.getByRole('link', { name: 'Organisatiegraad', exact: true }).click();
    await page.waitForURL(/\/organisatiegraad$/);
    const empty = page.getByTestId('no-assessment');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('Dit park is nog niet gemeten');
    // Each point shows its question and what 0, 2 and 4 look like.
    const first = page.getByTestId('assessment-point').first();
    expect(await first.locator('.as-examples li').count()).toBe(3);
    expect(await first.textContent()).toContain('Continuïteit');

    // Saving without marks says what is missing and sends nothing.
    await page.getByTestId('assessment-save').click();
    await page.getByTestId('assessment-invalid').waitFor();
    expect(await page.locator('.as-point-invalid').count()).toBe(7);

    await fillMarks(page, [3, 2, 3, 2, 2, 1, 2]);
    await page.getByLabel('Toelichting (optioneel)').first().fill('Kerngroep van vijf ondernemers, nog geen bestuur.');
    expect(await page.getByTestId('assessment-progress').textContent()).toContain('7 van 7');
    await page.getByTestId('assessment-save').click();
    await page.getByTestId('assessment-saved').waitFor();

    const latest = await api<Assessment>(expertToken, 'GET', `/parks/${freshPark.id}/assessments/latest`);
    expect(await page.getByTestId('assessment-score').textContent()).toBe(latest.score.toFixed(1).replace('.', ','));
    expect(await page.getByTestId('assessment-level').textContent()).toBe(`Niveau ${latest.level}: ${latest.level_name}`);
    expect(await page.getByTestId('assessment-saved').textContent()).toContain(latest.level_name);
    await page.getByTestId('no-assessment').waitFor({ state: 'detached' });
    const parts = page.getByTestId('assessment-components');
    expect(await parts.locator('tr[data-component=expert]').textContent()).toContain('/ 60');
    expect(await parts.locator('tbody tr').count()).toBeGreaterThan(5);
    await page.locator('[data-testid=assessment-radar] canvas').waitFor();
    // The form starts from the marks just given.
    expect(await page.getByTestId('assessment-point').first().locator('input[value="3"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a second assessment is compared with the previous one, and the overview shows the level and the trend', async () => {
    const { page, context, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${freshPark.id}/organisatiegraad`);
    await page.getByTestId('latest-assessment').waitFor();
    const before = await api<{ items: Assessment[] }>(expertToken, 'GET', `/parks/${freshPark.id}/assessments`);
    await fillMarks(page, [4, 3, 4, 3, 3, 2, 3]);
    await page.getByTestId('assessment-save').click();
    await page.getByTestId('assessment-saved').waitFor();
    await page.getByText('Aandachtspunten: laatste tegen vorige meting').waitFor();
    await page.locator('[data-testid=assessment-history] canvas').waitFor();
    expect(await page.getByTestId('assessment-history-table').locator('tbody tr').count()).toBe(before.items.length + 1);
    await screenshot(page, 'assessments-second-1366');

    const latest = await api<Assessment>(expertToken, 'GET', `/parks/${freshPark.id}/assessments/latest`);
    await page.getByRole('link', { name: 'Overzicht', exact: true }).click();
    const block = page.locator('[data-testid=overview-block][data-block=organisatiegraad]');
    await block.getByTestId('organisatiegraad-level').waitFor();
    expect(await block.getByTestId('organisatiegraad-level').textContent()).toBe(`Niveau ${latest.level}: ${latest.level_name}`);
    expect(await block.getByTestId('organisatiegraad-score').textContent()).toContain(latest.score.toFixed(1).replace('.', ','));
    expect(await block.getByTestId('organisatiegraad-sparkline').getAttribute('data-points')).toBe(String(before.items.length + 1));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a viewer sees the assessments but cannot make one', async () => {
    const { page, context, errors } = await newSession(browser);
    await login(page, 'viewer');
    await page.goto(`/parken/${freshPark.id}/organisatiegraad`);
    await page.getByTestId('assessment-read-only').waitFor();
    await page.getByTestId('latest-assessment').waitFor();
    expect(await page.getByTestId('assessment-save').count()).toBe(0);
    expect(await page.getByTestId('assessment-point').first().locator('input[type=radio]').first().isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the park report', () => {
  test('the report page shows the report, and printed it has no navigation and has the charts', async () => {
    const probe = await fetch(`${baseURL()}/api/v1/parks/${lageWeide.id}/report`, {
      headers: { Authorization: `Bearer ${expertToken}`, 'Accept-Language': 'nl' },
    });
    const { page, context, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${lageWeide.id}`);
    await page.getByTestId('report-link').click();
    await page.waitForURL(/\/rapport$/);
    await page.getByTestId('report-page').waitFor();

    if (probe.status === 404) {
      // Until the server makes reports: a clear message, and nothing to print.
      await page.getByTestId('report-unavailable').waitFor();
      expect(await page.getByTestId('report-print').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
      return;
    }
    expect(probe.status).toBe(200);
    expect(probe.headers.get('Content-Type')).toContain('text/html');

    await page.getByTestId('report-frame').waitFor();
    const report = page.frameLocator('[data-testid=report-frame]');
    await report.locator('body').getByText('Lage Weide').first().waitFor();
    expect(await report.locator('svg').count()).toBeGreaterThan(0);
    expect(await report.locator('script').count()).toBe(0);
    await page.getByTestId('report-print').waitFor();

    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.topbar', '.tabs', '.breadcrumb', '[data-testid=report-print]']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.getByTestId('report-frame').isVisible()).toBe(true);
    expect(await report.locator('svg').first().isVisible()).toBe(true);
    await screenshot(page, 'report-print-1366');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
