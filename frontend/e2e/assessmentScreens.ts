/**
 * Screenshots of the park overview (the journey), the organisatiegraad page and the park report at
 * 390, 1024 and 1366 px, for a person to look at (frontend/test-results/screenshots/).
 */
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { apiParks, apiToken, baseURL, login, newSession, screenshot } from './helpers';

const WIDTHS = [390, 1024, 1366] as const;

async function post(token: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

const answers = (marks: number[]) => ({
  answers: Object.fromEntries(
    ['continuity', 'personal_contact', 'shared_ambition', 'integrality', 'respect_interests', 'realisation', 'transparent_process'].map(
      (code, i) => [code, { score: marks[i] ?? 0 }],
    ),
  ),
});

export async function assessmentScreenshots(browser: Browser): Promise<void> {
  const token = await apiToken('expert');
  const [park] = await apiParks(token, { province: 'GE', q: 'Frankeneng', limit: '1' });
  if (!park) throw new Error('the demo park Frankeneng is missing');
  // At least two assessments, so the radar compares and the line has a course.
  const list = await fetch(`${baseURL()}/api/v1/parks/${park.id}/assessments`, { headers: { Authorization: `Bearer ${token}` } });
  const count = ((await list.json()) as { items: unknown[] }).items.length;
  if (count < 2) {
    await post(token, `/parks/${park.id}/assessments`, answers([1, 2, 1, 1, 2, 0, 1]));
    await post(token, `/parks/${park.id}/assessments`, answers([2, 3, 3, 2, 2, 1, 2]));
  }

  for (const width of WIDTHS) {
    // Log in at laptop width (on a phone the user's name is hidden), then look at the width.
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await page.goto(`/parken/${park.id}`);
    await page.getByTestId('overview-block').last().waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, `50-overview-${width}`);

    await page.goto(`/parken/${park.id}/organisatiegraad`);
    await page.locator('[data-testid=assessment-radar] canvas').waitFor();
    await page.locator('[data-testid=assessment-history] canvas').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, `51-organisatiegraad-${width}`);

    await page.goto(`/parken/${park.id}/rapport`);
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('report-frame').or(page.getByTestId('report-unavailable')).first().waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, `52-report-${width}`);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, `53-report-print-${width}`);
    await page.emulateMedia({ media: 'screen' });

    expect(errors).toEqual([]);
    await context.close();
  }

  // A park nobody has assessed yet: what a newcomer sees.
  const [fresh] = await apiParks(token, { province: 'UT', q: 'Isselt', limit: '1' });
  if (fresh) {
    const { context, page } = await newSession(browser, { width: 1366, height: 900 });
    await login(page, 'expert');
    await page.goto(`/parken/${fresh.id}/organisatiegraad`);
    await page.getByTestId('assessment-form').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '54-organisatiegraad-isselt');
    await context.close();
  }
}
