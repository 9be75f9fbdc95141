/**
 * Surveys in the browser, against the real backend. The respondent's side: a stakeholder answers
 * through the personal link on a phone — reloading halfway loses nothing — checked with axe at
 * 390 px and screenshotted at 390, 1024 and 1366 px. The expert's side: make and open a survey
 * in the park's surveys tab, invite the entrepreneurs, accept an answer (keeping an interview's
 * interest where they clash), and see the ranking count it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiToken, baseURL, launch, login, newSession, screenshot } from './helpers';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let token: string;
const suffix = Date.now().toString(36);

async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; etag: string | null }> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return { data: (await response.json()) as T, etag: response.headers.get('ETag') };
}

async function phone(width = 390): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width, height: 844 }, locale: 'nl-NL', bypassCSP: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, close: () => context.close(), errors };
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await run.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

beforeAll(async () => {
  browser = await launch();
  token = await apiToken('expert');
});

afterAll(async () => {
  await browser?.close();
});

test('a stakeholder answers on a phone through the personal link, and the accepted answers count', async () => {
  const park = (await api<{ id: string }>('POST', '/parks', { name: `Enquêtepark ${suffix}`, municipality: 'Utrecht' })).data.id;
  const bakery = (await api<{ id: string }>('POST', `/parks/${park}/stakeholders`, { name: `Bakkerij Zon ${suffix}`, kind: 'entrepreneur' })).data.id;
  const made = await api<{ id: string }>('POST', `/parks/${park}/surveys`, {
    title: 'Enquête energie en veiligheid',
    intro: 'Vijf minuten over wat uw bedrijf nodig heeft.',
    theme_codes: ['security', 'energy_hub'],
  });
  await api('POST', `/surveys/${made.data.id}/transition`, { to: 'open' }, { 'If-Match': made.etag! });
  const invited = await api<{ items: { url: string }[] }>('POST', `/surveys/${made.data.id}/invitations`, { stakeholder_ids: [bakery] });
  const link = new URL(invited.data.items[0]!.url).pathname;

  const { page, close, errors } = await phone();
  await page.goto(link);
  await page.getByRole('heading', { name: 'Enquête energie en veiligheid' }).waitFor();
  expect(await page.getByText(`Voor Bakkerij Zon ${suffix}`).count()).toBe(1);
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'survey-start-390');
  // No agreement, no start.
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.getByText('Vink het akkoord aan om te beginnen.').waitFor();
  await page.getByLabel(/Ik ga akkoord/).check();
  await page.getByRole('button', { name: 'Beginnen' }).click();

  // Theme 1: security, not answered yet → asked for; then urgency 3 and a challenge.
  await page.getByRole('heading', { name: 'Beveiliging en cameratoezicht' }).waitFor();
  expect(await page.getByText('Thema 1 van 2').count()).toBe(1);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByText('Kies hoe urgent het is').waitFor();
  await page.getByRole('radio', { name: '3', exact: true }).check();
  await page.getByLabel(/Waar loopt u tegenaan/).fill('Twee inbraken dit voorjaar.');
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'survey-theme-390');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByRole('heading', { name: 'Energiehub en netcongestie' }).waitFor();
  await page.locator('[data-testid=save-status][data-state=saved]').waitFor();

  // Halfway: typed on theme 2, then the page reloads (a phone in a tunnel) — nothing is lost.
  await page.getByRole('radio', { name: /^5/ }).check();
  await page.getByRole('radio', { name: 'Tijd en geld' }).check();
  await page.getByLabel(/Welk bedrag/).fill('2.500');
  await page.getByRole('checkbox', { name: 'Netcongestie' }).check();
  await page.reload();
  await page.getByRole('heading', { name: 'Energiehub en netcongestie' }).waitFor();
  expect(await page.getByLabel(/Welk bedrag/).inputValue()).toBe('2.500');
  expect(await page.getByRole('checkbox', { name: 'Netcongestie' }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('heading', { name: 'Dank u wel!' }).waitFor();
  await screenshot(page, 'survey-done-390');

  // In English, the same page.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
  expect(errors).toEqual([]);
  await close();

  // Wider screens for the screenshots.
  for (const width of [1024, 1366]) {
    const wide = await phone(width);
    await wide.page.goto(link);
    await wide.page.getByRole('heading', { name: 'Enquête energie en veiligheid' }).waitFor();
    await screenshot(wide.page, `survey-start-${width}`);
    await wide.close();
  }

  // The expert accepts; the ranking counts the survey's answers.
  const inbox = await api<{ items: { id: string; version: number; answers: { theme_code: string; budget_eur: string | null; obstacles: string[] }[] }[] }>(
    'GET',
    `/surveys/${made.data.id}/responses?status=pending`,
  );
  const response = inbox.data.items[0]!;
  expect(response.answers.map((a) => a.theme_code)).toEqual(['security', 'energy_hub']);
  expect(response.answers[1]!.budget_eur).toBe('2500.00');
  expect(response.answers[1]!.obstacles).toEqual(['grid_congestion']);
  await api('POST', `/survey-responses/${response.id}/accept`, {}, { 'If-Match': `"${response.version}"` });
  const ranking = await api<{ answered_by_survey: number; items: { theme_code: string }[] }>('GET', `/parks/${park}/shared-interests?min_stakeholders=1`);
  expect(ranking.data.answered_by_survey).toBe(1);
  expect(ranking.data.items.map((i) => i.theme_code).sort()).toEqual(['energy_hub', 'security']);
});

test('a link that no longer works says so, the same for every reason', async () => {
  const { page, close } = await phone();
  await page.goto('/s/this-is-not-a-link-at-all-xxxxxxxxxxxx');
  await page.getByText('Deze link werkt niet (meer).').waitFor();
  expect(await axe(page)).toEqual([]);
  await close();
});

test('the expert makes, opens and sends a survey, then accepts an answer and the ranking counts it', async () => {
  const park = (await api<{ id: string }>('POST', '/parks', { name: `Enquêtepark B ${suffix}`, municipality: 'Utrecht' })).data.id;
  const smith = (await api<{ id: string }>('POST', `/parks/${park}/stakeholders`, { name: `Smederij Staal ${suffix}`, kind: 'entrepreneur' })).data.id;
  // An interview already recorded the smith's view on security.
  await api('POST', `/stakeholders/${smith}/interests`, { theme_code: 'security', urgency: 2 });

  const { context, page, errors } = await newSession(browser);
  await login(page, 'expert');
  await page.goto(`/parken/${park}/enquetes`);
  await page.getByText('Nog geen enquêtes.').waitFor();
  await page.getByRole('button', { name: 'Nieuwe enquête' }).click();
  await page.getByLabel('Titel').fill('Veiligheid en energie');
  await page.getByRole('button', { name: 'Geen', exact: true }).click();
  await page.getByLabel('Beveiliging en cameratoezicht').check();
  await page.getByLabel('Energiehub en netcongestie').check();
  await screenshot(page, 'survey-new-1366');
  await page.getByRole('button', { name: 'Enquête aanmaken' }).click();
  await page.locator('[data-testid=survey-detail][data-status=draft]').waitFor();
  // The preview shows the draft as respondents will see it, and sends nothing.
  const [preview] = await Promise.all([context.waitForEvent('page'), page.getByTestId('survey-preview').click()]);
  await preview.getByText('Voorbeeld: zo zien de invullers de enquête.').waitFor();
  await preview.getByRole('heading', { name: 'Veiligheid en energie' }).waitFor();
  await preview.getByLabel(/Ik ga akkoord/).check();
  await preview.getByRole('button', { name: 'Beginnen' }).click();
  await preview.getByRole('radio', { name: '3', exact: true }).check();
  await preview.getByRole('button', { name: 'Volgende' }).click();
  await preview.getByText('Voorbeeld: niets verstuurd.').waitFor();
  await preview.close();
  await page.getByRole('button', { name: 'Openen', exact: true }).click();
  await page.locator('[data-testid=survey-detail][data-status=open]').waitFor();
  await page.getByRole('button', { name: 'Alle ondernemers uitnodigen' }).click();
  await page.getByText('1 nieuwe link gemaakt.').waitFor();
  const row = page.getByTestId('invitation').filter({ hasText: `Smederij Staal ${suffix}` });
  const url = (await row.getAttribute('data-url'))!;
  expect(url).toContain('/s/');

  // The smith answers on a phone: security 5, energy hub 4.
  const respondent = await phone();
  await respondent.page.goto(new URL(url).pathname);
  await respondent.page.getByLabel(/Ik ga akkoord/).check();
  await respondent.page.getByRole('button', { name: 'Beginnen' }).click();
  await respondent.page.getByRole('radio', { name: /^5/ }).check();
  await respondent.page.getByRole('button', { name: 'Volgende' }).click();
  await respondent.page.getByRole('heading', { name: 'Energiehub en netcongestie' }).waitFor();
  await respondent.page.getByRole('radio', { name: '4', exact: true }).check();
  await respondent.page.getByRole('button', { name: 'Versturen' }).click();
  await respondent.page.getByRole('heading', { name: 'Dank u wel!' }).waitFor();
  await respondent.close();

  // Review: the clash with the interview is shown; the expert keeps the interview's answer.
  await page.reload();
  const card = page.getByTestId('survey-response').first();
  await card.waitFor();
  expect(await card.textContent()).toContain('Waarschijnlijk: Smederij Staal');
  await screenshot(page, 'survey-review-1366');
  await card.getByRole('button', { name: 'Accepteren' }).click();
  await card.getByTestId('accept-conflicts').waitFor();
  await card.getByRole('radio', { name: 'Interview houden' }).check();
  await card.getByRole('button', { name: 'Accepteren met deze keuzes' }).click();
  await page.getByText('Geen antwoorden in deze lijst.').waitFor(); // nothing left to review
  const interests = await api<{ items: { theme_code: string; urgency: number; source: string }[] }>('GET', `/stakeholders/${smith}/interests`);
  expect(interests.data.items.map((i) => [i.theme_code, i.urgency, i.source]).sort()).toEqual([
    ['energy_hub', 4, 'survey'],
    ['security', 2, 'interview'],
  ]);

  // The ranking says who answered how.
  await page.getByRole('link', { name: 'Gedeelde belangen', exact: true }).click();
  await page.getByTestId('answered-by').waitFor();
  expect(await page.getByTestId('answered-by').textContent()).toBe('1 via interview, 1 via enquête');
  expect(errors).toEqual([]);
  await context.close();
});

test('the surveys tab and a survey pass axe at 1366 and 390 px', async () => {
  const park = (await api<{ id: string }>('POST', '/parks', { name: `Enquêtepark C ${suffix}`, municipality: 'Utrecht' })).data.id;
  await api('POST', `/parks/${park}/stakeholders`, { name: `Drukkerij ${suffix}`, kind: 'entrepreneur' });
  const made = await api<{ id: string }>('POST', `/parks/${park}/surveys`, { title: 'Toegankelijk', open_link: true });
  await api('POST', `/surveys/${made.data.id}/transition`, { to: 'open' }, { 'If-Match': made.etag! });
  await api('POST', `/surveys/${made.data.id}/invitations`, { kinds: ['entrepreneur'] });
  for (const width of [1366, 390]) {
    const context = await browser.newContext({ baseURL: baseURL(), viewport: { width, height: 900 }, locale: 'nl-NL', bypassCSP: true });
    context.setDefaultTimeout(15_000);
    await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    const page = await context.newPage();
    await login(page, 'expert');
    await page.goto(`/parken/${park}/enquetes`);
    await page.getByTestId('survey-list').waitFor();
    await page.getByRole('button', { name: 'Nieuwe enquête' }).click();
    await page.getByTestId('new-survey').waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, `surveys-list-${width}`);
    await page.goto(`/parken/${park}/enquetes/${made.data.id}`);
    await page.getByTestId('invitations').waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, `survey-detail-${width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await context.close();
  }
});
