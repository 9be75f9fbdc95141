/** Screenshots of the admin area (users, API clients, webhooks, audit trail) at 390, 1024 and 1366 px. */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiToken, baseURL, login, newSession, screenshot, screenshotDir } from './helpers';

const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

const TABS = [
  { path: 'gebruikers', name: 'users', ready: 'users-table' },
  { path: 'koppelingen', name: 'clients', ready: 'new-client-form' },
  { path: 'webhooks', name: 'webhooks', ready: 'new-webhook-form' },
  { path: 'audit', name: 'audit', ready: 'audit-filters' },
] as const;

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function noWiderThan(page: Page, width: number, what: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${what} at ${width}`).toBeLessThanOrEqual(width);
}

async function shoot(page: Page, tab: (typeof TABS)[number], name: string, width: number): Promise<void> {
  await page.goto(`/beheer/${tab.path}`);
  await page.getByTestId(tab.ready).waitFor();
  // Lists load after the frame: wait for the table or the empty state.
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true], .loading'));
  await page.waitForTimeout(250);
  await screenshot(page, name);
  await noWiderThan(page, width, name);
}

export async function adminScreenshots(browser: Browser): Promise<void> {
  const token = await apiToken('admin');
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  const hookURL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/parkregie`;

  const { context, page, errors } = await newSession(browser);
  try {
    await login(page, 'admin');
    // A fresh database has no API clients and no webhooks: their empty states first.
    const clients = await api<{ items: unknown[] }>(token, 'GET', '/api-clients');
    const hooks = await api<{ items: unknown[] }>(token, 'GET', '/webhooks');
    for (const size of [WIDTHS[0], WIDTHS[2]]) {
      await page.setViewportSize(size);
      if (clients.items.length === 0) await shoot(page, TABS[1], `50-admin-clients-empty-${size.width}`, size.width);
      if (hooks.items.length === 0) await shoot(page, TABS[2], `50-admin-webhooks-empty-${size.width}`, size.width);
    }

    await api(token, 'POST', '/api-clients', { name: 'Provinciaal dashboard', scopes: ['parks:read', 'status:read'], provinces: ['UT', 'GE'] });
    const hook = await api<{ id: string }>(token, 'POST', '/webhooks', { url: hookURL, events: ['park.status_changed', 'project.phase_changed'] });
    await api(token, 'POST', `/webhooks/${hook.id}/test`);
    const end = Date.now() + 20_000;
    for (;;) {
      const deliveries = await api<{ items: { status: string }[] }>(token, 'GET', `/webhooks/${hook.id}/deliveries`);
      if (deliveries.items.some((d) => d.status === 'delivered')) break;
      if (Date.now() > end) throw new Error('the test message was not delivered');
      await new Promise((r) => setTimeout(r, 250));
    }

    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      for (const tab of TABS) await shoot(page, tab, `51-admin-${tab.name}-${size.width}`, size.width);
      // The trail is long: what one sees first, too.
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `51-admin-audit-top-${size.width}.png`) });
    }

    // On a phone: the user editor open, a secret shown once, the audit filters in use.
    await page.setViewportSize(WIDTHS[2]);
    await page.goto('/beheer/gebruikers');
    await page.getByTestId('user-row').first().waitFor();
    await page.locator('[data-testid=user-row][data-email="expert@parkregie.demo"]').getByRole('button', { name: 'Wijzigen' }).click();
    await page.getByTestId('user-editor').waitFor();
    await screenshot(page, '52-admin-user-editor-390');
    await noWiderThan(page, 390, 'user editor');

    await page.goto('/beheer/koppelingen');
    await page.getByTestId('new-client-form').getByLabel('Naam').fill('GIS-viewer gemeente');
    await page.getByRole('checkbox', { name: /status:read/ }).check();
    await page.getByRole('button', { name: 'Koppeling aanmaken' }).click();
    await page.getByTestId('secret-reveal').waitFor();
    await screenshot(page, '53-admin-secret-390');
    await noWiderThan(page, 390, 'secret');

    await page.goto('/beheer/audit?soort=webhook');
    await page.getByTestId('audit-row').first().waitFor();
    await screenshot(page, '54-admin-audit-filtered-390');
    await page.goto('/beheer/audit?van=2020-01-01&tot=2020-01-31');
    await page.getByTestId('audit-empty').waitFor();
    await screenshot(page, '55-admin-audit-empty-390');
    await noWiderThan(page, 390, 'audit empty');

    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await new Promise<void>((ok) => receiver.close(() => ok()));
  }
}
