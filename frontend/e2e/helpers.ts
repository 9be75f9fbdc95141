import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseURL = (): string => inject('baseURL');

export const ACCOUNTS = {
  admin: { email: 'admin@parkregie.demo', password: 'parkregie-admin' },
  expert: { email: 'expert@parkregie.demo', password: 'parkregie-expert' },
  viewer: { email: 'viewer@parkregie.demo', password: 'parkregie-viewer' },
} as const;

export const screenshotDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screenshots');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PARKREGIE_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test can assert there were none. */
  errors: string[];
}

/** A fresh context in Dutch; map tiles are refused, as on a machine without internet. */
export async function newSession(browser: Browser, viewport = { width: 1366, height: 900 }): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport, locale: 'nl-NL' });
  context.setDefaultTimeout(15_000);
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function login(page: Page, who: keyof typeof ACCOUNTS): Promise<void> {
  const { email, password } = ACCOUNTS[who];
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // The start page, or the page the user was sent away from when the session ended.
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  // Attached, not visible: on a phone the user sits in the folded menu.
  await page.getByTestId('current-user').waitFor({ state: 'attached' });
}

export async function apiToken(who: keyof typeof ACCOUNTS): Promise<string> {
  const { email, password } = ACCOUNTS[who];
  const response = await fetch(`${baseURL()}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: email, password }),
  });
  if (!response.ok) throw new Error(`login ${who}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface ParkSummary {
  id: string;
  name: string;
  province: string;
  description: string | null;
  version: number;
}

export async function apiParks(token: string, query: Record<string, string>): Promise<ParkSummary[]> {
  const response = await fetch(`${baseURL()}/api/v1/parks?${new URLSearchParams(query)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`parks: ${response.status}`);
  return ((await response.json()) as { items: ParkSummary[] }).items;
}

/** Changes a park behind the browser's back, as another user would. */
export async function apiPatchPark(token: string, id: string, changes: Record<string, unknown>): Promise<ParkSummary> {
  const url = `${baseURL()}/api/v1/parks/${id}`;
  const current = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const etag = current.headers.get('ETag');
  if (!current.ok || !etag) throw new Error(`get park: ${current.status}`);
  const response = await fetch(url, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify(changes),
  });
  if (!response.ok) throw new Error(`patch park: ${response.status} ${await response.text()}`);
  return (await response.json()) as ParkSummary;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Sets a user's provinces as the admin (GET for the ETag, then PATCH with If-Match). */
export async function apiSetProvinces(adminToken: string, email: string, provinces: string[]): Promise<void> {
  const headers = { Authorization: `Bearer ${adminToken}` };
  const list = await fetch(`${baseURL()}/api/v1/users?limit=200`, { headers });
  const users = ((await list.json()) as { items: { id: string; email: string }[] }).items;
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email}`);
  const url = `${baseURL()}/api/v1/users/${user.id}`;
  const current = await fetch(url, { headers });
  const etag = current.headers.get('ETag');
  const response = await fetch(url, {
    method: 'PATCH',
    headers: { ...headers, 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : {}) },
    body: JSON.stringify({ provinces }),
  });
  if (!response.ok) throw new Error(`patch user: ${response.status} ${await response.text()}`);
}

/** Opens the parks register from the main menu (the start page is "Mijn werk"). */
export async function openParks(page: Page): Promise<void> {
  // On a phone the menu is folded behind the "Menu" button.
  const toggle = page.getByTestId('menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Parken', exact: true }).click();
  await page.waitForURL(/\/parken(\?|$)/);
}
