/**
 * The admin area (/beheer) in the browser, against the real backend: the admin makes a user and
 * changes their role; makes an API client, sees its secret once (with a copy button), checks
 * that it works, rotates it; makes a webhook pointing at a receiver this test runs on
 * 127.0.0.1, sends a test message and sees it arrive there, signed, and show as delivered;
 * then reads the audit trail newest first and filters it by type and by period. A viewer gets
 * no admin area.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseURL, launch, login, newSession, screenshot } from './helpers';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let browser: Browser;
let receiver: Server;
let receiverURL: string;
const received: Received[] = [];
const suffix = Date.now().toString(36);

beforeAll(async () => {
  browser = await launch();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  receiverURL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook-${suffix}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (receiver ? receiver.close(() => ok()) : ok()));
});

async function token(form: Record<string, string>): Promise<number> {
  const response = await fetch(`${baseURL()}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return response.status;
}

const clientToken = (id: string, secret: string) => token({ grant_type: 'client_credentials', client_id: id, client_secret: secret });

async function value(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).inputValue();
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('admin area', () => {
  test('users, API clients with their secret shown once, a webhook delivered for real, the audit trail', async () => {
    const { context, page, errors } = await newSession(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL() });
    try {
      await adminFlow(page);
    } catch (error) {
      await screenshot(page, 'admin-e2e-failure').catch(() => undefined);
      throw error;
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a viewer gets no admin area', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'viewer');
    expect(await page.getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    await page.goto('/beheer/gebruikers');
    await page.getByTestId('admin-no-access').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function adminFlow(page: Page): Promise<void> {
  await login(page, 'admin');
  await page.getByRole('link', { name: 'Beheer' }).click();
  await page.waitForURL(/\/beheer\/gebruikers$/);

  // --- a new user, then another role -----------------------------------------------------
  const email = `nieuw-${suffix}@parkregie.demo`;
  const form = page.getByTestId('new-user-form');
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Naam').fill(`Nieuwe Collega ${suffix}`);
  await form.getByLabel('Wachtwoord').fill('een-lang-wachtwoord');
  await form.getByLabel('Rol').selectOption('expert');
  await form.getByRole('checkbox', { name: 'UT' }).check();
  await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await page.getByTestId('admin-notice').getByText(`Nieuwe Collega ${suffix} is aangemaakt.`).waitFor();
  const row = page.locator(`[data-testid=user-row][data-email="${email}"]`);
  await row.waitFor();
  expect(await row.getByTestId('user-role').textContent()).toBe('Procesbegeleider');
  expect(await row.textContent()).toContain('UT');
  expect(await token({ grant_type: 'password', username: email, password: 'een-lang-wachtwoord' })).toBe(200);

  await row.getByRole('button', { name: 'Wijzigen' }).click();
  const editor = page.getByTestId('user-editor');
  await editor.getByLabel('Rol').selectOption('viewer');
  // Provinces are for experts only: the picker goes away.
  expect(await editor.getByRole('checkbox', { name: 'UT' }).count()).toBe(0);
  await editor.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByTestId('admin-notice').getByText(`De wijzigingen van Nieuwe Collega ${suffix} zijn opgeslagen.`).waitFor();
  await page.waitForFunction(
    (mail) => document.querySelector(`[data-testid=user-row][data-email="${mail}"] [data-testid=user-role]`)?.textContent === 'Meelezer',
    email,
  );
  expect(await row.textContent()).not.toContain('UT');

  // --- an API client: the secret once, copied, working; then a new one -------------------
  await page.getByRole('link', { name: 'API-koppelingen' }).click();
  await page.waitForURL(/\/beheer\/koppelingen$/);
  const clientName = `CRM ${suffix}`;
  // Scoped to the form: the users tab (with its own "Naam") may still be on screen while this one loads.
  await page.getByTestId('new-client-form').getByLabel('Naam').fill(clientName);
  await page.getByRole('checkbox', { name: /parks:read/ }).check();
  const limitField = page.getByLabel('Verzoeklimiet');
  await limitField.fill('veel');
  await page.getByRole('button', { name: 'Koppeling aanmaken' }).click();
  await page.getByText('Een heel getal van 1 tot 1.000.000, of leeg.').waitFor();
  await limitField.fill('300');
  await page.getByRole('button', { name: 'Koppeling aanmaken' }).click();
  const reveal = page.getByTestId('secret-reveal');
  await reveal.waitFor();
  expect(await reveal.textContent()).toContain(`Nieuwe API-koppeling “${clientName}”`);
  const clientId = await value(page, 'shown-client-id');
  const first = await value(page, 'shown-secret');
  expect(first.length).toBeGreaterThan(20);
  const copy = reveal.locator('.secret-field').filter({ has: page.getByTestId('shown-secret') }).getByRole('button');
  expect(await copy.textContent()).toBe('Kopiëren');
  await copy.click();
  await reveal.getByRole('button', { name: 'Gekopieerd' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  expect(await clientToken(clientId, first)).toBe(200);

  const clientRow = page.locator(`[data-testid=client-row][data-name="${clientName}"]`);
  await clientRow.waitFor();
  expect(await clientRow.textContent()).toContain(clientId);
  expect(await clientRow.getByTestId('client-limit').textContent()).toBe('300 per 60 s');
  expect(await clientRow.textContent()).not.toContain(first);
  await reveal.getByRole('button', { name: 'Ik heb het bewaard' }).click();
  await reveal.waitFor({ state: 'detached' });
  // Gone for good: not after a reload either.
  await page.reload();
  await clientRow.waitFor();
  expect(await page.content()).not.toContain(first);

  await clientRow.getByRole('button', { name: 'Nieuw geheim' }).click();
  await clientRow.getByRole('button', { name: 'Ja' }).click();
  await reveal.waitFor();
  expect(await reveal.textContent()).toContain(`Nieuw geheim voor “${clientName}”`);
  const second = await value(page, 'shown-secret');
  expect(second).not.toBe(first);
  expect(await value(page, 'shown-client-id')).toBe(clientId);
  expect(await clientToken(clientId, first)).toBe(401);
  expect(await clientToken(clientId, second)).toBe(200);
  await reveal.getByRole('button', { name: 'Ik heb het bewaard' }).click();

  // --- a webhook to a real receiver; a test message arrives, signed ----------------------
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await page.waitForURL(/\/beheer\/webhooks$/);
  await page.getByLabel('Adres (URL)').fill(receiverURL);
  await page.getByRole('checkbox', { name: /park\.status_changed/ }).check();
  await page.getByRole('button', { name: 'Webhook aanmaken' }).click();
  await reveal.waitFor();
  expect(await reveal.textContent()).toContain(`Ondertekeningsgeheim voor ${receiverURL}`);
  const hookSecret = await value(page, 'shown-secret');
  await reveal.getByRole('button', { name: 'Ik heb het bewaard' }).click();
  const card = page.locator(`[data-testid=webhook-card][data-url="${receiverURL}"]`);
  await card.waitFor();
  await card.getByText('Nog geen afleveringen.').waitFor();
  await card.getByRole('button', { name: 'Testbericht sturen' }).click();
  await card.getByText('Het testbericht staat klaar').waitFor();

  await until(() => received.length > 0, 'the test message at the receiver');
  const [message] = received;
  const signature = message!.headers['parkregie-signature'];
  expect(typeof signature).toBe('string');
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature as string);
  expect(m).not.toBeNull();
  const expected = createHmac('sha256', hookSecret).update(`${m![1]}.${message!.body}`).digest('hex');
  expect(m![2]).toBe(expected);
  expect(JSON.parse(message!.body)).toMatchObject({ type: 'ping' });

  // The list follows by itself while something is pending, and shows it delivered.
  const delivered = card.locator('[data-testid=delivery-row][data-event=ping][data-status=delivered]');
  await delivered.waitFor({ timeout: 20_000 });
  expect(await delivered.textContent()).toContain('Afgeleverd');
  expect(await delivered.textContent()).toContain('204');

  // --- the audit trail: newest first, filtered -------------------------------------------
  await page.getByRole('link', { name: 'Audittrail' }).click();
  await page.waitForURL(/\/beheer\/audit$/);
  await page.getByTestId('audit-table').waitFor();
  const firstRow = page.getByTestId('audit-row').first();
  // The last thing done (the webhook) is on top.
  expect(await firstRow.textContent()).toContain('Webhook aangemaakt');

  await page.getByLabel('Soort').selectOption('user');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await page.waitForURL(/soort=user/);
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=audit-row]')];
    return rows.length > 0 && rows.every((r) => r.textContent?.includes('Gebruiker'));
  });
  const userRows = await page.getByTestId('audit-row').allTextContents();
  expect(userRows.length).toBeGreaterThanOrEqual(2);
  // Newest first: the role change above the creation.
  expect(userRows[0]).toContain('Gebruiker gewijzigd');
  expect(userRows[0]).toContain('viewer');
  expect(userRows.some((r) => r.includes('Gebruiker aangemaakt'))).toBe(true);

  // A period: today is in it; a period in the past is empty, with a way out.
  const local = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const today = local(new Date());
  await page.getByLabel('Van (datum)').fill(today);
  await page.getByLabel('Tot en met (datum)').fill(today);
  await page.getByRole('button', { name: 'Filteren' }).click();
  await page.waitForURL(new RegExp(`van=${today}&tot=${today}`));
  await page.getByTestId('audit-row').first().waitFor();
  expect(await page.getByTestId('audit-row').count()).toBe(userRows.length);

  await page.getByLabel('Van (datum)').fill('2020-01-01');
  await page.getByLabel('Tot en met (datum)').fill('2020-01-31');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await page.getByTestId('audit-empty').waitFor();
  expect(await page.getByTestId('audit-empty').textContent()).toContain('Geen gebeurtenissen met deze filters');

  // An end before the start is flagged and not sent.
  await page.getByLabel('Van (datum)').fill('2020-02-01');
  await page.getByTestId('audit-filters').getByText('De einddatum ligt vóór de begindatum.').waitFor();
  expect(await page.getByRole('button', { name: 'Filteren' }).isDisabled()).toBe(true);

  await page.getByTestId('audit-empty').getByRole('button', { name: 'Wissen' }).click();
  await page.waitForURL(/\/beheer\/audit$/);
  await page.getByTestId('audit-row').first().waitFor();
  expect(await page.getByLabel('Soort').inputValue()).toBe('');
}
