/** Screenshots of the project screens (board, project page, business case) at 390, 1024 and 1366 px. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiParks, apiToken, baseURL, login, newSession, screenshot, screenshotDir } from './helpers';
import { apiCreatePark } from './interestsData';

const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

async function post<T>(token: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function get<T>(token: string, path: string): Promise<T> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A screenshot of one part of the page. */
async function part(page: Page, testId: string, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.getByTestId(testId).screenshot({ path: join(screenshotDir, `${name}.png`) });
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=bc-figures]')?.getAttribute('data-calculating') !== 'true');
  await page.waitForTimeout(250);
}

export async function projectScreenshots(browser: Browser): Promise<void> {
  const token = await apiToken('expert');
  const [lageWeide] = await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' });
  const park = lageWeide!;
  const projects = (await get<{ items: { id: string; phase: string; title: string }[] }>(token, `/parks/${park.id}/projects?limit=200`)).items;
  // The demo data have projects in several phases; without them, make one to look at.
  let focus = projects.find((p) => p.phase === 'business_case') ?? projects[0];
  if (!focus) {
    focus = await post<{ id: string; phase: string; title: string }>(token, `/parks/${park.id}/projects`, {
      title: 'Collectieve zonnepanelen op de daken',
      theme_codes: ['energy_generation', 'energy_hub'],
    });
  }
  const empty = await apiCreatePark(token, `Park zonder projecten ${Date.now()}`, 'Utrecht');

  const { context, page, errors } = await newSession(browser);
  await login(page, 'expert');
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.goto(`/parken/${park.id}/projecten`);
    await page.getByTestId('project-board').waitFor();
    await page.waitForTimeout(250);
    await screenshot(page, `40-projects-board-${size.width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `board at ${size.width}`).toBeLessThanOrEqual(size.width);

    await page.goto(`/parken/${park.id}/projecten/${focus.id}`);
    await page.getByTestId('project-page').waitFor();
    await page.getByTestId('business-case').waitFor();
    await settle(page);
    await screenshot(page, `41-project-page-${size.width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `project at ${size.width}`).toBeLessThanOrEqual(size.width);
    await part(page, 'business-case', `42-business-case-${size.width}`);
    if (size.width < 500) {
      await part(page, 'project-head', `41a-project-head-${size.width}`);
      await part(page, 'participants', `41b-participants-${size.width}`);
    }
  }

  // The business case while typing: a change shows in the figures before it is saved.
  await page.setViewportSize(WIDTHS[0]);
  await page.goto(`/parken/${park.id}/projecten/${focus.id}`);
  await page.getByTestId('business-case').waitFor();
  await page.getByTestId('bc-benefits').fill('1.000');
  await page.getByTestId('bc-warnings').waitFor();
  await settle(page);
  await part(page, 'business-case', '43-business-case-typing');

  await page.goto(`/parken/${empty.id}/projecten`);
  await page.getByTestId('projects-empty').waitFor();
  await screenshot(page, '44-projects-empty');
  await page.getByTestId('new-project').click();
  await page.getByTestId('project-form').waitFor();
  await page.getByTestId('project-submit').click();
  await page.getByTestId('error-themes').waitFor();
  await screenshot(page, '45-new-project-errors');
  await page.setViewportSize(WIDTHS[2]);
  await page.waitForTimeout(200);
  await screenshot(page, '45-new-project-errors-390');

  expect(errors).toEqual([]);
  await context.close();
}
