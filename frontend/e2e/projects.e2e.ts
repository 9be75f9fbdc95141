/**
 * Projects in the browser, against the real backend: an expert starts a project from a shared
 * interest (the interested stakeholders join as participants), moves it to the business-case
 * phase, sees realisation refused with the reasons, fills in the business case and watches the
 * figures follow, commits a participant and moves the project to realisation; the shared
 * interest then links to the project. A second test makes a project with the form, meets a
 * colleague's change (412) and deletes it; a viewer only reads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiToken, baseURL, launch, login, newSession } from './helpers';

let browser: Browser;
let expertToken: string;
let parkId: string;
const suffix = Date.now().toString(36);
const names = {
  bakery: `Bakkerij Zonnebloem ${suffix}`,
  garage: `Garage De Wissel ${suffix}`,
  printer: `Drukkerij Kanaal ${suffix}`,
};
const ids: Record<keyof typeof names, string> = { bakery: '', garage: '', printer: '' };

async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; etag: string | null }> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${expertToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return { data: (response.status === 204 ? null : await response.json()) as T, etag: response.headers.get('ETag') };
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Waits until a figure of the business case shows `expected` (the calculation is debounced). */
async function figure(page: Page, testId: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([id, want]) => (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ') === want,
    [testId, expected] as const,
  );
}

beforeAll(async () => {
  browser = await launch();
  expertToken = await apiToken('expert');
  const park = await api<{ id: string }>('POST', '/parks', { name: `Projectpark ${suffix}`, municipality: 'Utrecht' });
  parkId = park.data.id;
  const kinds = { bakery: 'entrepreneur', garage: 'entrepreneur', printer: 'entrepreneur' } as const;
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    ids[key] = (await api<{ id: string }>('POST', `/parks/${parkId}/stakeholders`, { name: names[key], kind: kinds[key] })).data.id;
  }
  // Two of them share an interest in an energy hub.
  for (const key of ['bakery', 'garage'] as const) {
    await api('POST', `/stakeholders/${ids[key]}/interests`, { theme_code: 'energy_hub', urgency: 4, investment_willingness: 'money' });
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('projects', () => {
  test('from a shared interest to realisation: business case, commitment, a refused step first', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}`);
    await page.getByRole('link', { name: 'Projecten', exact: true }).click();
    // The empty board says what to do next.
    await page.getByTestId('projects-empty').waitFor();
    expect(await text(page, 'projects-empty')).toContain('Project starten');
    await page.getByRole('link', { name: 'Naar de gedeelde belangen' }).click();

    // Start the project from the shared interest.
    const start = page.getByTestId('start-project-energy_hub');
    await start.waitFor();
    expect(await start.isDisabled()).toBe(false);
    await start.click();
    await page.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    const projectId = page.url().split('/').pop()!;
    await page.getByTestId('project-page').waitFor();
    expect(await text(page, 'project-title')).toBe('Energiehub en netcongestie');
    await page.getByTestId('created-message').filter({ hasText: '2 betrokkenen met dit belang' }).waitFor();
    expect(await page.getByTestId('phase-badge').first().textContent()).toContain('Idee');
    expect(await page.getByTestId('participant').count()).toBe(2);
    expect(await page.locator('[data-testid=participant][data-commitment=interested]').count()).toBe(2);

    // Idea → exploration → business case: the next step is the primary button.
    await page.getByTestId('step-exploration').getByRole('button', { name: 'Naar verkenning' }).click();
    await page.getByTestId('phase-moved').filter({ hasText: 'verkenning' }).waitFor();
    await page.getByTestId('step-business_case').getByRole('button', { name: 'Naar businesscase' }).click();
    await page.locator('[data-testid=project-page][data-phase=business_case]').waitFor();

    // Realisation is refused, and the page says why.
    const realisation = page.getByTestId('step-realisation');
    await realisation.waitFor();
    expect(await realisation.getAttribute('data-allowed')).toBe('false');
    expect(await realisation.getByRole('button').isDisabled()).toBe(true);
    expect(await realisation.textContent()).toContain('Voor realisatie is een opgeslagen businesscase nodig.');
    expect(await realisation.textContent()).toContain('Voor realisatie moet minstens één deelnemer hebben toegezegd of getekend.');

    // The business case: the figures follow the typing.
    await page.getByTestId('bc-capex').fill('120.000');
    await page.getByTestId('bc-subsidy').fill('20.000');
    await page.getByTestId('bc-opex').fill('2.500');
    await page.getByTestId('bc-benefits').fill('15.000');
    await page.getByTestId('bc-lifetime').fill('15');
    await page.getByTestId('bc-rate').fill('4');
    await figure(page, 'fig-net-investment', '€ 100.000');
    await figure(page, 'fig-yearly-net', '€ 12.500');
    await figure(page, 'fig-payback', '8 jaar');
    expect(await page.getByTestId('bc-share').count()).toBe(2);
    expect((await page.getByTestId('bc-share-amount').allTextContents()).map((s) => s.replace(/\s/g, ' '))).toEqual(['€ 50.000', '€ 50.000']);
    expect(await text(page, 'fig-unallocated')).toBe('Volledig verdeeld');
    const npvBefore = await text(page, 'fig-npv');
    await page.getByTestId('bc-capex').fill('140.000');
    await figure(page, 'fig-net-investment', '€ 120.000');
    await figure(page, 'fig-payback', '9,6 jaar');
    expect(await text(page, 'fig-npv')).not.toBe(npvBefore);
    // A benefit below the running costs: it never pays back, said in Dutch.
    await page.getByTestId('bc-benefits').fill('2.000');
    await figure(page, 'fig-payback', 'Verdient zich niet terug');
    await page.getByTestId('bc-warnings').filter({ hasText: 'verdient zich nooit terug' }).waitFor();
    await page.getByTestId('bc-benefits').fill('15.000');
    await figure(page, 'fig-payback', '9,6 jaar');
    // Not kept until saved.
    expect(await text(page, 'bc-state')).toBe('Niet opgeslagen wijzigingen');
    await page.getByTestId('bc-save').click();
    await page.getByTestId('bc-saved').waitFor();
    const kept = await api<{ capex_eur: string; subsidy_eur: string; discount_rate: number; lifetime_years: number }>('GET', `/projects/${projectId}/business-case`);
    expect(kept.data).toMatchObject({ capex_eur: '140000.00', subsidy_eur: '20000.00', lifetime_years: 15 });
    expect(kept.data.discount_rate).toBeCloseTo(0.04);

    // Still refused, now for one reason only.
    await page.waitForFunction(() => !document.querySelector('[data-testid=step-realisation] [data-rule=realisation_needs_business_case]'));
    expect(await realisation.textContent()).toContain('minstens één deelnemer hebben toegezegd');
    expect(await realisation.getByRole('button').isDisabled()).toBe(true);

    // Commit a participant; add the third stakeholder with a fixed contribution.
    const bakery = page.locator(`[data-testid=participant][data-name="${names.bakery}"]`);
    await bakery.getByTestId('participant-commitment').selectOption('committed');
    await page.locator(`[data-testid=participant][data-name="${names.bakery}"][data-commitment=committed]`).waitFor();
    await page.getByTestId('participant-choice').selectOption({ label: `${names.printer} (Ondernemer)` });
    await page.getByTestId('participant-add').click();
    const printer = page.locator(`[data-testid=participant][data-name="${names.printer}"]`);
    await printer.waitFor();
    await printer.getByTestId('participant-contribution').fill('20.000');
    await printer.getByTestId('participant-contribution').press('Enter');
    // The fixed contribution first, the rest split equally between the other two.
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=bc-share-amount]')].map((e) => e.textContent?.replace(/\s/g, ' ')).join('|') === '€ 50.000|€ 50.000|€ 20.000',
    );

    // Now realisation is possible.
    await page.waitForFunction(() => document.querySelector('[data-testid=step-realisation]')?.getAttribute('data-allowed') === 'true');
    await realisation.getByRole('button', { name: 'Naar realisatie' }).click();
    await page.locator('[data-testid=project-page][data-phase=realisation]').waitFor();
    await page.getByTestId('phase-moved').filter({ hasText: 'realisatie' }).waitFor();
    // The history is fetched again after the step: wait for the new row before reading it.
    await page.getByTestId('phase-history').filter({ hasText: 'Businesscase → Realisatie' }).waitFor({ timeout: 10_000 });
    const history = await text(page, 'phase-history');
    expect(history).toContain('Businesscase → Realisatie');
    expect(history).toContain('Aangemaakt als Idee');

    // The board and the shared interests know about it.
    await page.getByRole('link', { name: '← Alle projecten' }).click();
    await page.locator('[data-testid=board-column][data-phase=realisation] [data-testid=project-card]').waitFor();
    expect(await text(page, 'projects-count')).toBe('1 project');
    await page.getByRole('link', { name: 'Gedeelde belangen', exact: true }).click();
    const covered = page.locator('[data-testid=shared-interest][data-theme=energy_hub] [data-testid=covered-by]');
    await covered.waitFor();
    await covered.getByRole('link', { name: 'Energiehub en netcongestie' }).click();
    await page.waitForURL(new RegExp(`/projecten/${projectId}$`));
    await page.getByTestId('project-page').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  test('a new project with the form, a colleague’s change (412), a stop with a reason, and delete', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}/projecten/nieuw`);
    await page.getByTestId('project-form').waitFor();
    await page.getByLabel('Titel').fill('Collectieve beveiliging');
    await page.getByTestId('project-submit').click();
    await page.getByTestId('error-themes').filter({ hasText: 'Kies minstens één thema.' }).waitFor();
    await page.getByRole('checkbox', { name: 'Beveiliging en cameratoezicht' }).check();
    await page.getByLabel('Organisatievorm').selectOption('ondernemersvereniging');
    await page.getByLabel('Trekker').selectOption({ label: names.garage });
    await page.getByTestId('project-submit').click();
    await page.getByTestId('created-message').waitFor();
    expect(await text(page, 'project-title')).toBe('Collectieve beveiliging');
    expect(await text(page, 'project-owner')).toBe(names.garage);
    // The participants load after the project: wait for the empty state instead of counting at once.
    await page.getByTestId('participants-empty').waitFor({ timeout: 10_000 });
    const projectId = page.url().split('/').pop()!;

    // A colleague changes the title meanwhile: our save is refused and the latest version shows.
    await page.getByRole('button', { name: 'Bewerken' }).click();
    await page.getByLabel('Omschrijving').fill('Camera’s bij de ingangen.');
    const current = await api<{ version: number }>('GET', `/projects/${projectId}`);
    await api('PATCH', `/projects/${projectId}`, { title: 'Beveiliging met de buren' }, { 'If-Match': current.etag! });
    await page.getByTestId('project-submit').click();
    await page.getByTestId('conflict-message').waitFor();
    await page.getByTestId('project-title').filter({ hasText: 'Beveiliging met de buren' }).waitFor();
    await page.getByRole('button', { name: 'Bewerken' }).click();
    await page.getByLabel('Omschrijving').fill('Camera’s bij de ingangen.');
    await page.getByTestId('project-submit').click();
    await page.getByTestId('save-success').waitFor();
    expect(await page.getByText('Camera’s bij de ingangen.').count()).toBe(1);

    // Stopping needs a reason.
    await page.getByTestId('step-stopped').getByRole('button', { name: 'Project stoppen' }).click();
    await page.getByTestId('transition-confirm').click();
    await page.getByText('Geef een reden.').waitFor();
    await page.getByTestId('transition-reason').fill('De gemeente regelt het zelf.');
    await page.getByTestId('transition-confirm').click();
    await page.locator('[data-testid=project-page][data-phase=stopped]').waitFor();
    await page.getByTestId('phase-history').filter({ hasText: 'De gemeente regelt het zelf.' }).waitFor({ timeout: 10_000 });
    expect(await text(page, 'phase-history')).toContain('De gemeente regelt het zelf.');
    // A stopped project restarts as an idea or an exploration, with a reason.
    await page.getByTestId('step-idea').getByRole('button', { name: 'Herstarten als idee' }).waitFor();

    // Delete, after confirming.
    await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await page.getByTestId('delete-confirm').waitFor();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.waitForURL(new RegExp(`/parken/${parkId}/projecten$`));
    // The board, or its empty state when this was the park's only project.
    await page.getByTestId('project-board').or(page.getByTestId('projects-empty')).waitFor();
    expect(await page.getByText('Beveiliging met de buren').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });

  test('a viewer reads the board and the project but cannot change them', async () => {
    await api('POST', `/parks/${parkId}/projects`, { title: 'Laadpalen voor iedereen', theme_codes: ['ev_charging', 'energy_hub'] });
    const { context, page, errors } = await newSession(browser);
    await login(page, 'viewer');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/parken/${parkId}/projecten`);
    await page.getByTestId('read-only-note').waitFor();
    expect(await page.getByTestId('new-project').count()).toBe(0);
    await page.getByTestId('project-card').first().getByRole('link').click();
    await page.getByTestId('project-page').waitFor();
    await page.getByTestId('read-only-note').waitFor();
    expect(await page.getByTestId('bc-save').count()).toBe(0);
    expect(await page.getByTestId('add-participant').count()).toBe(0);
    expect(await page.getByTestId('phase-steps').getByRole('button').first().isDisabled()).toBe(true);
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
