/**
 * Stakeholders in the browser, against the real backend with the demo data: add one, log a
 * contact moment and follow it up, import a file with a bad row (nothing written), fix it and
 * import it, export, and what a viewer sees.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiParks, apiToken, baseURL, launch, login, newSession, screenshot, type ParkSummary } from './helpers';

let browser: Browser;
let adminToken: string;
let isselt: ParkSummary;
let frankeneng: ParkSummary;
let dir: string;

interface StakeholderRow {
  id: string;
  name: string;
  kind: string;
  kvk_number: string | null;
  contact_name: string | null;
  phone: string | null;
  influence: number | null;
  version: number;
}

async function apiStakeholders(token: string, parkId: string, q: string): Promise<StakeholderRow[]> {
  const response = await fetch(`${baseURL()}/api/v1/parks/${parkId}/stakeholders?${new URLSearchParams({ q, limit: '200' })}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`stakeholders: ${response.status}`);
  return ((await response.json()) as { items: StakeholderRow[] }).items;
}

async function apiPatchStakeholder(token: string, id: string, changes: Record<string, unknown>): Promise<void> {
  const url = `${baseURL()}/api/v1/stakeholders/${id}`;
  const current = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const etag = current.headers.get('ETag') ?? '';
  const response = await fetch(url, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify(changes),
  });
  if (!response.ok) throw new Error(`patch stakeholder: ${response.status} ${await response.text()}`);
}

function localDate(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function findPark(name: string, province: string): Promise<ParkSummary> {
  const [park] = await apiParks(adminToken, { q: name, province, limit: '5' });
  if (!park) throw new Error(`no demo park ${name}`);
  return park;
}

async function openTab(page: Page, park: ParkSummary): Promise<void> {
  await page.goto(`/parken/${park.id}/betrokkenen`);
  await page.getByTestId('stakeholders-table').waitFor();
}

beforeAll(async () => {
  browser = await launch();
  adminToken = await apiToken('admin');
  isselt = await findPark('Isselt', 'UT');
  frankeneng = await findPark('Frankeneng', 'GE');
  dir = mkdtempSync(join(tmpdir(), 'parkregie-e2e-import-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('expert', () => {
  test('adds a stakeholder with the quick form, after a validation error and a duplicate KvK number', async () => {
    const existing = (await apiStakeholders(adminToken, isselt.id, '')).find((s) => s.kvk_number);
    expect(existing).toBeTruthy();
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await openTab(page, isselt);
    const before = await page.getByTestId('stakeholder-count').textContent();
    // Who was interviewed and spoken to, per row (Isselt's parties all were).
    await page.getByTestId('stakeholder-interviewed').getByText(/✓ \d+ belang/).first().waitFor();
    expect(await page.getByTestId('stakeholder-last-contact').first().textContent()).toMatch(/\d{4}|—/);

    await page.getByTestId('new-stakeholder').click();
    await page.waitForURL(/\/betrokkenen\/nieuw$/);
    // The name field gets the focus: type straight away.
    await page.waitForFunction(() => document.activeElement?.id === 'stakeholder-name');
    await page.keyboard.type('Houtbewerking De Eik');
    await page.getByLabel('Soort').selectOption('entrepreneur');
    await page.getByLabel('Contactpersoon').fill('Marieke de Eik');
    await page.getByLabel('Telefoon').fill('bel maar');
    await page.getByLabel('E-mail').fill('marieke@deeik.example');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    const phoneError = page.getByTestId('error-phone');
    await phoneError.waitFor();
    expect(await phoneError.textContent()).toContain('Geen geldig telefoonnummer');

    // A KvK number that another stakeholder of the park has: 409, with a link to that one.
    await page.getByLabel('Telefoon').fill('06-12345678');
    await page.getByText('Meer gegevens').click();
    await page.getByLabel('KvK-nummer').fill(existing!.kvk_number!);
    await page.getByLabel('Invloed').selectOption('4');
    await page.getByLabel('Betrokkenheid').selectOption('5');
    await page.getByLabel('WOZ-waarde').fill('1.250.000');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    const duplicate = page.getByTestId('duplicate-message');
    await duplicate.waitFor();
    expect(await duplicate.textContent()).toContain('Dit KvK-nummer staat al bij een andere betrokkene');
    await duplicate.getByRole('link', { name: `${existing!.name} openen` }).waitFor();

    // Ctrl+Enter saves.
    await page.getByLabel('KvK-nummer').fill('');
    await page.getByLabel('KvK-nummer').press('Control+Enter');
    await page.getByTestId('created-message').waitFor();
    expect(await page.getByTestId('stakeholder-title').textContent()).toBe('Houtbewerking De Eik');
    expect(await page.getByTestId('fact-phone').textContent()).toContain('06 12345678');
    expect((await page.getByTestId('fact-woz_value_eur').textContent())?.replace(/\s/g, ' ')).toContain('€ 1.250.000');

    const [saved] = await apiStakeholders(adminToken, isselt.id, 'Houtbewerking De Eik');
    expect(saved).toMatchObject({ kind: 'entrepreneur', phone: '+31612345678', influence: 4 });

    await page.getByRole('link', { name: '← Alle betrokkenen' }).click();
    await page.getByTestId('stakeholders-table').getByRole('link', { name: 'Houtbewerking De Eik' }).waitFor();
    expect(await page.getByTestId('stakeholder-count').textContent()).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('logs a contact moment: it shows in the timeline and in "Opvolgen", where it is marked done', async () => {
    const [target] = await apiStakeholders(adminToken, isselt.id, 'Houtbewerking De Eik');
    expect(target).toBeTruthy();
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${isselt.id}/betrokkenen/${target!.id}`);
    await page.getByTestId('stakeholder-title').waitFor();
    await page.getByTestId('timeline-empty').waitFor();
    // What the party said in its interview, with the way to it.
    const interests = page.getByTestId('stakeholder-interests');
    await interests.getByText(/urgentie \d van 5|Nog geen belangen vastgelegd/).first().waitFor();
    expect(await page.getByRole('link', { name: 'Naar het interview' }).getAttribute('href')).toBe(
      `/parken/${isselt.id}/interview/${target!.id}`,
    );

    const form = page.getByTestId('contact-form');
    // Dates the Dutch way, whatever the browser's locale: dd-mm-jjjj, typed or from the calendar.
    const dutch = (iso: string) => iso.split('-').reverse().join('-');
    expect(await form.getByRole('textbox', { name: 'Datum', exact: true }).inputValue()).toBe(dutch(localDate()));
    expect(await form.getByRole('textbox', { name: 'Datum', exact: true }).getAttribute('placeholder')).toBe('dd-mm-jjjj');
    await form.getByRole('textbox', { name: 'Datum', exact: true }).fill(dutch(localDate(-3)));
    await form.getByRole('radio', { name: 'Telefoon' }).check();
    await form.getByLabel('Samenvatting').fill('Gebeld over gezamenlijke camerabewaking; wil offerte zien.');
    // A follow-up before the contact itself is refused next to the field.
    await form.getByLabel('Opvolgen op').fill(localDate(-5));
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByTestId('contact-error-follow_up_date').waitFor();
    await form.getByLabel('Opvolgen op').fill(localDate(-1));
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByTestId('contact-saved').waitFor();

    const item = page.getByTestId('timeline-item').first();
    await item.getByText('Gebeld over gezamenlijke camerabewaking').waitFor();
    expect(await item.textContent()).toContain('Telefoon');
    expect(await item.getByTestId('timeline-follow-up').getAttribute('data-state')).toBe('overdue');
    expect(await form.getByLabel('Samenvatting').inputValue()).toBe('');

    // A second, older contact goes below it: newest first.
    await form.getByRole('textbox', { name: 'Datum', exact: true }).fill(localDate(-30));
    await form.getByRole('radio', { name: 'Bezoek' }).check();
    await form.getByLabel('Samenvatting').fill('Kennismaking tijdens de ronde over het terrein.');
    // A new conversation offers to close the open follow-up; this older one was not it.
    const closeOpen = form.getByTestId('close-open-follow-ups');
    expect(await closeOpen.isChecked()).toBe(true);
    expect(await form.getByText('Maak de open opvolging van deze betrokkene af').count()).toBe(1);
    await closeOpen.uncheck();
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByTestId('timeline-item').nth(1).waitFor();
    const texts = await page.getByTestId('timeline-item').allTextContents();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('camerabewaking');
    expect(texts[1]).toContain('Kennismaking');

    // Opvolgen: overdue, highlighted, links to the stakeholder; done makes it go.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Opvolgen' }).click();
    await page.waitForURL(/\/opvolgen$/);
    const overdue = page.getByTestId('group-overdue');
    const card = overdue.getByTestId('follow-up').filter({ hasText: 'Houtbewerking De Eik' });
    await card.waitFor();
    expect(await card.textContent()).toContain('1 dag te laat');
    expect(await card.textContent()).toContain('Isselt');
    await card.getByRole('button', { name: /Afronden/ }).click();
    await page.getByTestId('follow-up-done').waitFor();
    await card.waitFor({ state: 'detached' });

    const contacts = await fetch(`${baseURL()}/api/v1/stakeholders/${target!.id}/contacts`, {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    const items = ((await contacts.json()) as { items: { follow_up_date: string | null; follow_up_done: boolean }[] }).items;
    expect(items.find((c) => c.follow_up_date === localDate(-1))?.follow_up_done).toBe(true);

    // Back on the stakeholder, the timeline says it was followed up.
    await page.goto(`/parken/${isselt.id}/betrokkenen/${target!.id}`);
    await page.locator('[data-testid=timeline-follow-up][data-state=done]').waitFor();

    // The next conversation with a follow-up; then the one after it closes that follow-up by
    // default, so the stakeholder is not listed twice under "Opvolgen".
    expect(await form.getByTestId('close-open-follow-ups').count()).toBe(0);
    await form.getByLabel('Samenvatting').fill('Offerte besproken.');
    await form.getByLabel('Opvolgen op').fill(localDate(7));
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.getByTestId('close-open-follow-ups').waitFor();
    await form.getByLabel('Samenvatting').fill('Terugbelafspraak nagekomen.');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByTestId('timeline-item').nth(3).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-follow-up][data-state=done]').length === 2);
    await form.getByTestId('close-open-follow-ups').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('imports a file: a bad row is reported and nothing is written; the corrected file is imported; then exported', async () => {
    const header = 'naam;soort;kvk;contactpersoon;telefoon;invloed;betrokkenheid;kleur';
    const good1 = 'Importdrukkerij Noord;ondernemer;71000001;Kees Drukker;06-11112222;3;4;rood';
    const good3 = 'Importopslag Zuid;vastgoedeigenaar;71000003;;;2;2;blauw';
    const badFile = join(dir, 'betrokkenen-isselt.csv');
    writeFileSync(badFile, [header, good1, 'Importfout BV;ondrnemer;123;;;7;2;groen', good3].join('\r\n'), 'utf8');

    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await openTab(page, isselt);
    await page.getByTestId('open-import').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByRole('button', { name: 'Bestand kiezen', exact: true }).waitFor();
    await page.getByTestId('import-file').setInputFiles(badFile);

    const rejected = dialog.getByTestId('import-rejected');
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain('1 rij heeft fouten (3 in totaal)');
    expect(await rejected.textContent()).toContain('Er is niets geïmporteerd.');
    const rows = dialog.getByTestId('import-errors').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const cells = await rows.allTextContents();
    expect(cells.every((c) => c.startsWith('3'))).toBe(true);
    expect(cells.join('\n')).toContain('ondrnemer');
    expect(cells.join('\n')).toContain('Onbekende waarde; gebruik een van');
    expect(cells.join('\n')).toContain('Een KvK-nummer heeft precies 8 cijfers');
    expect(cells.join('\n')).toContain('Mag hoogstens 5 zijn.');
    // Sortable: by value, descending.
    await dialog.getByRole('button', { name: /Waarde/ }).click();
    await dialog.getByRole('button', { name: /Waarde/ }).click();
    expect(await rows.first().textContent()).toContain('ondrnemer');
    expect(await dialog.getByTestId('import-confirm').count()).toBe(0);

    // Nothing was written: not even the good rows.
    expect(await apiStakeholders(adminToken, isselt.id, 'Import')).toEqual([]);

    // Fix the row, choose the file again: a clean check with the counts, then the real import.
    writeFileSync(badFile, [header, good1, 'Importfout BV;ondernemer;71000002;;;5;2;groen', good3].join('\r\n'), 'utf8');
    await dialog.getByRole('button', { name: 'Verbeterd bestand kiezen' }).waitFor();
    await page.getByTestId('import-file').setInputFiles(badFile);
    await dialog.getByTestId('import-clean').waitFor();
    expect(await dialog.getByTestId('count-create').textContent()).toBe('3');
    expect(await dialog.getByTestId('count-update').textContent()).toBe('0');
    expect(await dialog.getByTestId('import-warnings').textContent()).toContain('Kolom ‘kleur’ is onbekend');
    expect(await apiStakeholders(adminToken, isselt.id, 'Import')).toEqual([]);
    await dialog.getByTestId('import-confirm').click();
    await dialog.getByTestId('import-done').waitFor();
    expect(await dialog.getByTestId('import-done').textContent()).toContain('3 nieuw, 0 bijgewerkt');
    await dialog.getByRole('button', { name: 'Sluiten' }).last().click();

    const table = page.getByTestId('stakeholders-table');
    for (const name of ['Importdrukkerij Noord', 'Importfout BV', 'Importopslag Zuid']) {
      await table.getByRole('link', { name, exact: true }).waitFor();
    }
    const imported = await apiStakeholders(adminToken, isselt.id, 'Import');
    expect(imported.map((s) => s.name).sort()).toEqual(['Importdrukkerij Noord', 'Importfout BV', 'Importopslag Zuid']);
    expect(imported.find((s) => s.name === 'Importdrukkerij Noord')?.phone).toBe('+31611112222');

    // Export as CSV: the download carries the park's stakeholders with the Dutch headers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^betrokkenen-isselt-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
      'naam;soort;kvk;contactpersoon;e-mail;telefoon;sector;medewerkers;rol;invloed;betrokkenheid;woz;peiling;notities',
    );
    expect(csv).toContain('Importdrukkerij Noord;ondernemer;71000001;Kees Drukker');
    expect(csv).toContain('Houtbewerking De Eik');
    await page.getByTestId('export-done').waitFor();

    // And as Excel: a real workbook (a zip).
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an import flags a row with the name of a stakeholder already there (new KvK number); "Overslaan" leaves it out', async () => {
    const file = join(dir, 'betrokkenen-isselt-dubbel.csv');
    writeFileSync(
      file,
      ['naam;soort;kvk;invloed', 'Importdrukkerij Noord B.V.;ondernemer;71000009;3', 'Importopslag Zuid;vastgoedeigenaar;71000003;3'].join('\r\n'),
      'utf8',
    );
    const [noord] = await apiStakeholders(adminToken, isselt.id, 'Importdrukkerij Noord');
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await openTab(page, isselt);
    await page.getByTestId('open-import').click();
    const dialog = page.getByTestId('import-dialog');
    await page.getByTestId('import-file').setInputFiles(file);
    await dialog.getByTestId('import-clean').waitFor();
    const duplicate = dialog.getByTestId('import-duplicate-2');
    await duplicate.waitFor();
    expect(await dialog.getByTestId('import-duplicates').textContent()).toContain('1 rij lijkt op een betrokkene die er al is');
    const said = await duplicate.textContent();
    expect(said).toContain('Rij 2: Importdrukkerij Noord B.V.');
    expect(said).toContain('Importdrukkerij Noord');
    expect(said).toContain('KvK 71000001');
    expect(said).toContain('zelfde naam');
    expect(await duplicate.getByRole('radio', { name: 'Bijwerken' }).isChecked()).toBe(true);
    expect(await duplicate.getByRole('radio', { name: 'Nieuw aanmaken' }).isChecked()).toBe(false);
    expect(await dialog.getByTestId('count-update').textContent()).toBe('1');
    expect(await dialog.getByTestId('import-confirm').textContent()).toContain('2 wijzigingen');
    await screenshot(page, 'stakeholders-import-duplicates-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the dialog's body scrolls: the row to decide on is below the counts.
    await duplicate.scrollIntoViewIfNeeded();
    await screenshot(page, 'stakeholders-import-duplicates-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    await duplicate.getByText('Overslaan').click();
    expect(await duplicate.getByRole('radio', { name: 'Overslaan' }).isChecked()).toBe(true);
    expect(await dialog.getByTestId('import-confirm').textContent()).toContain('1 wijziging');
    await dialog.getByTestId('import-confirm').click();
    await dialog.getByTestId('import-done').waitFor();
    const done = await dialog.getByTestId('import-done').textContent();
    expect(done).toContain('0 nieuw, 1 bijgewerkt');
    expect(done).toContain('1 rij overgeslagen.');

    // Skipped: no second stakeholder, and the existing one keeps its KvK number and version.
    const after = await apiStakeholders(adminToken, isselt.id, 'Importdrukkerij Noord');
    expect(after.map((s) => [s.id, s.kvk_number, s.version])).toEqual([[noord!.id, '71000001', noord!.version]]);
    const [zuid] = await apiStakeholders(adminToken, isselt.id, 'Importopslag Zuid');
    expect(zuid!.influence).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('sorts, filters by kind and role, searches, and opens a stakeholder from the map', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${frankeneng.id}/betrokkenen`);
    const table = page.getByTestId('stakeholders-table');
    await table.waitFor();
    const firstName = () => table.locator('tbody tr').first().getByRole('link').textContent();

    await table.getByRole('button', { name: /Invloed/ }).click();
    await page.waitForURL(/sorteer=influence%3Adesc|sorteer=influence:desc/);
    // The address changes at once; the table follows when the router's transition is done.
    await page.waitForFunction(() => {
      const numbers = [...document.querySelectorAll('[data-testid=stakeholders-table] tbody tr td:nth-child(4)')].map(
        (c) => Number((c.textContent ?? '').replace(/\D/g, '')) || 0,
      );
      return numbers.length > 1 && numbers.every((n, i) => i === 0 || numbers[i - 1]! >= n);
    });

    const counts = page.getByTestId('kind-counts');
    await counts.getByRole('button', { name: /Gemeente/ }).click();
    await page.waitForURL(/soort=municipality/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=stakeholders-table] tbody tr').length === 1);
    await counts.getByRole('button', { name: /Gemeente/ }).click();

    await page.getByLabel('Zoeken').fill('zzz-bestaat-niet');
    await page.getByTestId('stakeholders-empty').waitFor();
    await page.getByLabel('Zoeken').fill('');
    await table.waitFor();
    await page.getByLabel('Rol').selectOption('core_team');
    await page.waitForURL(/rol=core_team/);
    // The server filters: wait for its answer.
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid=stakeholders-table] tbody tr td:nth-child(3)')];
      return cells.length > 0 && cells.every((c) => c.textContent === 'Kernteam');
    });
    await page.getByRole('button', { name: 'Filters wissen' }).click();

    // The map draws without network (SVG); a click on a point opens that stakeholder.
    const map = page.getByTestId('stakeholder-map');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=stakeholder-map]')?.getAttribute('data-point-count')) > 3);
    await map.locator('svg').waitFor();
    const first = await firstName();
    expect(first).toBeTruthy();
    // The points may still be moving into place (chart animation): find one and click it,
    // and try again a few times until the click lands.
    const detail = new RegExp(`/parken/${frankeneng.id}/betrokkenen/[0-9a-f-]{36}$`);
    for (let attempt = 0; attempt < 8 && !detail.test(page.url()); attempt += 1) {
      await page.waitForTimeout(400);
      const point = await page.evaluate(() => {
        // The drawn points are the paths inside the plot whose fill is a kind colour; pick the lowest one.
        const svg = document.querySelector('[data-testid=stakeholder-map] svg')!;
        const box = svg.getBoundingClientRect();
        const paths = [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('fill') ?? '').startsWith('#0072b2'));
        const rects = paths.map((p) => p.getBoundingClientRect()).filter((r) => r.width > 4 && r.width < 30 && r.top > box.top + 60);
        rects.sort((a, b) => b.top - a.top);
        const r = rects[0];
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      });
      if (point) await page.mouse.click(point.x, point.y);
      await page.waitForURL(detail, { timeout: 1500 }).catch(() => undefined);
    }
    await page.waitForURL(detail);
    await page.getByTestId('stakeholder-title').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a change by someone else gives the 412 message; the latest version keeps the input', async () => {
    const [target] = await apiStakeholders(adminToken, isselt.id, 'Importopslag Zuid');
    const { context, page } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${isselt.id}/betrokkenen/${target!.id}`);
    await page.getByRole('button', { name: 'Bewerken' }).click();
    await page.getByLabel('Contactpersoon').fill('Door mij ingevuld');
    await apiPatchStakeholder(adminToken, target!.id, { sector: 'Opslag en logistiek' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('conflict-message').waitFor();
    expect(await page.getByTestId('conflict-message').textContent()).toContain('intussen door iemand anders gewijzigd');
    await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await page.getByTestId('reloaded-message').waitFor();
    expect(await page.getByLabel('Contactpersoon').inputValue()).toBe('Door mij ingevuld');
    expect(await page.getByLabel('Sector').inputValue()).toBe('Opslag en logistiek');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('save-success').waitFor();
    expect(await page.getByTestId('fact-contact_name').textContent()).toContain('Door mij ingevuld');
    await context.close();
  });
});

test('a large file shows its progress, then the check of every row', async () => {
  const rows = ['naam;soort;kvk;contactpersoon;telefoon;e-mail;sector;medewerkers;invloed;betrokkenheid;woz;notities'];
  for (let i = 0; i < 6000; i++) {
    const kvk = String(80000000 + i);
    rows.push(
      `Testbedrijf ${i};ondernemer;${kvk};Contact ${i};06-${String(20000000 + i)};info${i}@test.example;Logistiek;${i % 300};${(i % 5) + 1};${((i + 2) % 5) + 1};${1000 * i};Regel ${i} van een grote lijst`,
    );
  }
  const file = join(dir, 'grote-lijst.csv');
  writeFileSync(file, rows.join('\r\n'), 'utf8');
  const { context, page, errors } = await newSession(browser);
  await login(page, 'expert');
  await openTab(page, isselt);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  const progress = page.getByTestId('import-progress');
  await progress.waitFor();
  expect(await page.getByTestId('import-file-name').textContent()).toMatch(/grote-lijst\.csv \(\d+[,.]?\d* (kB|MB)\)/);
  await page.getByTestId('import-clean').waitFor({ timeout: 45_000 });
  expect(await page.getByTestId('count-create').textContent()).toBe('6000');
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Annuleren' }).click();
  expect(await apiStakeholders(adminToken, isselt.id, 'Testbedrijf')).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

describe('viewer', () => {
  test('sees "afgeschermd" instead of personal data, and no edit controls', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'viewer');
    await openTab(page, isselt);
    await page.getByTestId('stakeholders-read-only').waitFor();
    expect(await page.getByTestId('new-stakeholder').count()).toBe(0);
    expect(await page.getByTestId('open-import').count()).toBe(0);
    const row = page.getByTestId('stakeholders-table').locator('tr', { hasText: 'Importdrukkerij Noord' });
    // Said once above the list, not in every row.
    expect(await page.getByTestId('personal-hidden-note').textContent()).toContain('Contactpersonen zijn afgeschermd');
    expect(await page.getByTestId('stakeholders-table').getByTestId('hidden-value').count()).toBe(0);
    expect(await row.textContent()).not.toContain('Kees Drukker');

    await row.getByRole('link', { name: 'Importdrukkerij Noord' }).click();
    await page.getByTestId('stakeholder-title').waitFor();
    await page.getByTestId('read-only-note').waitFor();
    for (const field of ['contact_name', 'phone', 'email']) {
      expect(await page.getByTestId(`fact-${field}`).textContent()).toContain('afgeschermd');
    }
    expect(await page.getByRole('button', { name: 'Bewerken' }).count()).toBe(0);
    expect(await page.getByTestId('contact-form').count()).toBe(0);
    await page.getByTestId('privacy-hidden-note').waitFor();
    expect(await page.getByRole('button', { name: 'Persoonsgegevens wissen' }).count()).toBe(0);

    // A contact summary is hidden too; the timeline has no "done" buttons.
    await page.goto(`/parken/${isselt.id}/betrokkenen`);
    await page.getByTestId('stakeholders-table').getByRole('link', { name: 'Houtbewerking De Eik' }).click();
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('timeline').textContent()).not.toContain('camerabewaking');
    // Every summary of the four conversations the expert recorded above.
    expect(await page.getByTestId('timeline').getByTestId('hidden-value').count()).toBe(4);
    expect(await page.getByTestId('timeline').getByRole('button').count()).toBe(0);

    // "Opvolgen" is for those who work on parks: not in a viewer's menu, and a friendly word
    // for whoever opens it anyway.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Opvolgen' }).count()).toBe(0);
    await page.goto('/opvolgen');
    await page.getByTestId('follow-ups-forbidden').waitFor();
    expect(await page.getByTestId('follow-ups-forbidden').textContent()).toContain('Jouw account werkt aan geen enkel park');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the admin sees and erases the personal data of a contact person', async () => {
    const [target] = await apiStakeholders(adminToken, isselt.id, 'Importdrukkerij Noord');
    const { context, page, errors } = await newSession(browser);
    await login(page, 'admin');
    await page.goto(`/parken/${isselt.id}/betrokkenen/${target!.id}`);
    await page.getByRole('button', { name: 'Persoonsgegevens inzien' }).click();
    await page.getByTestId('personal-data').getByText('Kees Drukker').waitFor();
    await page.getByRole('button', { name: 'Persoonsgegevens wissen' }).click();
    await page.getByTestId('erase-confirm').waitFor();
    await page.getByRole('button', { name: 'Ja, definitief wissen' }).click();
    await page.getByTestId('privacy-erased').waitFor();
    expect(await page.getByTestId('fact-contact_name').textContent()).not.toContain('Kees Drukker');
    const [after] = await apiStakeholders(adminToken, isselt.id, 'Importdrukkerij Noord');
    expect(after).toMatchObject({ contact_name: null, phone: null });

    // Deleting a stakeholder asks first, then leads back to the list.
    const [doomed] = await apiStakeholders(adminToken, isselt.id, 'Importfout BV');
    await page.goto(`/parken/${isselt.id}/betrokkenen/${doomed!.id}`);
    await page.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByTestId('delete-confirm').waitFor();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.waitForURL(new RegExp(`/parken/${isselt.id}/betrokkenen$`));
    await page.getByTestId('stakeholders-table').getByRole('link', { name: 'Importopslag Zuid' }).waitFor();
    expect(await page.getByTestId('stakeholders-table').getByRole('link', { name: 'Importfout BV' }).count()).toBe(0);
    expect(await apiStakeholders(adminToken, isselt.id, 'Importfout BV')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
