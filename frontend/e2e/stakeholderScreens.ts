/**
 * Screenshots of the stakeholder screens (called from screenshots.e2e.ts): the table with the
 * map, the quick form, a stakeholder with its timeline, the import dialog (errors and a clean
 * check), the follow-ups, and what a viewer sees. Dutch; one in English.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { apiParks, apiToken, baseURL, login, newSession, screenshot, screenshotDir } from './helpers';

async function firstStakeholder(token: string, parkId: string, q: string): Promise<{ id: string; name: string }> {
  const response = await fetch(`${baseURL()}/api/v1/parks/${parkId}/stakeholders?${new URLSearchParams({ q, limit: '5' })}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const items = ((await response.json()) as { items: { id: string; name: string }[] }).items;
  if (!items[0]) throw new Error(`no stakeholder "${q}"`);
  return items[0];
}

function localDate(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function apiContact(token: string, stakeholderId: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${baseURL()}/api/v1/stakeholders/${stakeholderId}/contacts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`contact: ${response.status} ${await response.text()}`);
}

export async function stakeholderScreenshots(browser: Browser): Promise<void> {
  const adminToken = await apiToken('admin');
  const [park] = await apiParks(adminToken, { q: 'Lage Weide', province: 'UT', limit: '1' });
  expect(park).toBeTruthy();
  const base = `/parken/${park!.id}/betrokkenen`;
  const dir = mkdtempSync(join(tmpdir(), 'parkregie-shots-'));
  const { context, page, errors } = await newSession(browser);
  try {
    await login(page, 'expert');
    await page.goto(base);
    await page.getByTestId('stakeholders-table').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=stakeholder-map]')?.getAttribute('data-point-count')) > 0);
    await page.waitForTimeout(300);
    await screenshot(page, '30-stakeholders-table-map');

    await page.goto(`${base}?sorteer=influence%3Adesc&soort=entrepreneur`);
    await page.getByTestId('stakeholders-table').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '31-stakeholders-sorted-filtered');

    // The quick form, with a server message next to a field and the rest folded out.
    await page.goto(`${base}/nieuw`);
    await page.getByLabel('Naam organisatie').fill('Zonnepanelen Kanaalzijde');
    await page.getByLabel('Contactpersoon').fill('Yvonne Bakker');
    await page.getByLabel('Telefoon').fill('0612');
    await page.getByLabel('E-mail').fill('yvonne@kanaalzijde.example');
    await page.getByText('Meer gegevens').click();
    await page.getByLabel('Sector').fill('Energie');
    await page.getByLabel('Invloed').selectOption('3');
    await page.getByLabel('WOZ-waarde').fill('850.000');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByTestId('error-phone').waitFor();
    await screenshot(page, '32-stakeholder-form-422');
    await page.getByLabel('Telefoon').fill('06-12345678');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByTestId('created-message').waitFor();

    // A contact moment with a follow-up, on a stakeholder that has a history.
    const bakery = await firstStakeholder(adminToken, park!.id, 'Bakkerij');
    await page.goto(`${base}/${bakery.id}`);
    await page.getByTestId('timeline').waitFor();
    const form = page.getByTestId('contact-form');
    await form.getByRole('radio', { name: 'Bezoek' }).check();
    await form.getByLabel('Samenvatting').fill(
      'Rondgang over het terrein. Last van zwerfafval bij de laad- en losplaats; wil meedoen aan een schouw.',
    );
    await form.getByRole('button', { name: '+2 weken' }).click();
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByTestId('contact-saved').waitFor();
    await page.getByTestId('timeline-item').nth(1).waitFor();
    await screenshot(page, '33-stakeholder-detail-timeline');

    await page.getByRole('button', { name: 'Persoonsgegevens inzien' }).click();
    await page.getByTestId('personal-data').locator('dl').waitFor();
    await page.getByRole('button', { name: 'Persoonsgegevens wissen' }).click();
    await page.getByTestId('erase-confirm').waitFor();
    await screenshot(page, '34-stakeholder-privacy-confirm');
    await page.getByRole('button', { name: 'Annuleren' }).last().click();

    // Import: a file with errors, then a clean check waiting for the confirmation.
    const file = join(dir, 'ledenlijst-lage-weide.csv');
    writeFileSync(
      file,
      [
        'naam;soort;kvk;contactpersoon;telefoon;invloed;betrokkenheid;woz;opmerking',
        'Glasfabriek Westkanaal;ondernemer;72000001;Hans Glas;030-1234567;3;3;1.200.000;ok',
        'Bouwbedrijf Oever;ondernemr;7200002;;06-123;4;2;;',
        ';ondernemer;72000003;;;2;9;veel;',
        'Opslag Noordkade;vastgoedeigenaar;72000001;;;2;2;;dubbel',
      ].join('\r\n'),
    );
    await page.goto(base);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-rejected').waitFor();
    // The dialog as it shows on the screen (a full-page shot would cut its backdrop).
    await page.screenshot({ path: join(screenshotDir, '35-import-errors.png') });

    writeFileSync(
      file,
      [
        'naam;soort;kvk;contactpersoon;telefoon;invloed;betrokkenheid;woz;opmerking',
        'Glasfabriek Westkanaal;ondernemer;72000001;Hans Glas;030-1234567;3;3;1.200.000;ok',
        'Bouwbedrijf Oever;ondernemer;72000002;;;4;2;;',
        'Autoschade Kanaalweg;ondernemer;90020536;;;3;3;;',
      ].join('\r\n'),
    );
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-clean').waitFor();
    await page.screenshot({ path: join(screenshotDir, '36-import-clean.png') });
    await page.getByTestId('import-dialog').getByRole('button', { name: 'Annuleren' }).click();

    // Something overdue and something for today, so that all three groups show.
    const datacenter = await firstStakeholder(adminToken, park!.id, 'Datacenter');
    await apiContact(adminToken, datacenter.id, {
      date: localDate(-12),
      channel: 'phone',
      summary: 'Vraagt naar de mogelijkheden voor een gezamenlijke netaansluiting; terugbellen met de netbeheerder erbij.',
      follow_up_date: localDate(-2),
    });
    const municipality = await firstStakeholder(adminToken, park!.id, 'Gemeente');
    await apiContact(adminToken, municipality.id, {
      date: localDate(-5),
      channel: 'meeting',
      summary: 'Overleg over de BIZ-procedure; conceptverordening nasturen.',
      follow_up_date: localDate(0),
    });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Opvolgen' }).click();
    await page.getByTestId('group-overdue').getByTestId('follow-up').first().waitFor();
    await page.waitForTimeout(200);
    await screenshot(page, '37-follow-ups');

    // English, at a smaller laptop size.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.goto(base);
    await page.getByTestId('stakeholders-table').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '38-stakeholders-en-1280');
    await page.getByRole('button', { name: 'NL', exact: true }).click();

    const viewer = await newSession(browser, { width: 1024, height: 768 });
    await login(viewer.page, 'viewer');
    await viewer.page.goto(`${base}/${bakery.id}`);
    await viewer.page.getByTestId('read-only-note').waitFor();
    await viewer.page.getByTestId('timeline').waitFor();
    await screenshot(viewer.page, '39-stakeholder-viewer-1024');
    await viewer.page.goto('/opvolgen');
    await viewer.page.getByTestId('follow-ups-forbidden').waitFor();
    await screenshot(viewer.page, '39b-follow-ups-viewer');
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();

    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
