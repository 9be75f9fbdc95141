/**
 * The Organisatie tab in the browser, against the real backend: an expert records the
 * organisations of a fresh park in Utrecht (add, change, delete; a colleague's change meets a
 * 412), answers the advice's questions and keeps them with the park (and sees what changed
 * since), works out a BIZ vote from the trial poll and from a pasted list; a viewer only reads.
 * Screenshots of each page at 390, 1024 and 1366 px on the demo park Isselt.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiParks, apiToken, baseURL, launch, login, newSession, screenshot, screenshotDir } from './helpers';

let browser: Browser;
let expertToken: string;
let parkId: string;
const suffix = Date.now().toString(36);

async function api<T>(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

beforeAll(async () => {
  browser = await launch();
  expertToken = await apiToken('expert');
  const park = await api<{ id: string }>(expertToken, 'POST', '/parks', { name: `Organisatiepark ${suffix}`, municipality: 'Utrecht' });
  parkId = park.id;
  // Five entrepreneurs: four in favour in the trial poll, one against; all share security.
  for (let i = 0; i < 5; i++) {
    const st = await api<{ id: string }>(expertToken, 'POST', `/parks/${parkId}/stakeholders`, {
      name: `Bedrijf ${i} ${suffix}`,
      kind: 'entrepreneur',
      role: i < 2 ? 'core_team' : 'none',
      trial_poll_vote: i < 4 ? 'yes' : 'no',
      woz_value_eur: 1_000_000,
    });
    await api(expertToken, 'POST', `/stakeholders/${st.id}/interests`, { theme_code: 'security', urgency: 4, investment_willingness: 'money' });
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('organisations, advice and BIZ vote', () => {
  test('an expert adds, changes and deletes an organisation; a colleague\'s change is a clear conflict', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}`);
    await page.getByRole('link', { name: 'Organisatie', exact: true }).click();
    await page.getByTestId('organisations-empty').waitFor();
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    const form = page.getByTestId('organisation-form');
    await form.getByLabel('Vorm').selectOption('ondernemersvereniging');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Geef de organisatie een naam.').waitFor();
    await form.getByLabel('Naam').fill('OV Organisatiepark');
    await form.getByLabel('Aantal leden of deelnemers').fill('24');
    await form.getByLabel('Heeft een bestuur').check();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const card = page.getByTestId('organisation-card').filter({ hasText: 'OV Organisatiepark' });
    await card.waitFor();
    expect(await card.textContent()).toContain('24 leden');
    expect(await card.textContent()).toContain('bestuur');

    await card.getByRole('button', { name: 'Wijzigen' }).click();
    await page.getByTestId('organisation-form').getByLabel('Aantal leden of deelnemers').fill('30');
    await page.getByTestId('organisation-form').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('organisation-card').filter({ hasText: '30 leden' }).waitFor();

    // A colleague changes it meanwhile: the delete is refused (412) and the list reloads.
    const [org] = (await api<{ items: { id: string; version: number }[] }>(expertToken, 'GET', `/parks/${parkId}/organisations`)).items;
    await api(expertToken, 'PATCH', `/organisations/${org!.id}`, { member_count: 31 }, { 'If-Match': `"${org!.version}"` });
    const stale = page.getByTestId('organisation-card').filter({ hasText: 'OV Organisatiepark' });
    await stale.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await stale.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByTestId('organisation-card').filter({ hasText: '31 leden' }).waitFor();
    // Now it goes.
    const fresh = page.getByTestId('organisation-card').filter({ hasText: '31 leden' });
    await fresh.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await fresh.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByTestId('organisations-empty').waitFor();
    // The catalogue explains the forms, with sources.
    await page.getByTestId('form-catalogue').locator('summary').click();
    expect(await page.getByTestId('form-catalogue').textContent()).toContain('Wet op de bedrijveninvesteringszones');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the advice follows the answers, keeps them with the park and says what changed', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}/organisatie/advies`);
    await page.getByTestId('advice-ranking').waitFor();
    await page.getByTestId('saved-state').getByText('Nog niet bewaard.').waitFor();
    const question = page.getByTestId('question-municipality_cooperates');
    expect(await question.textContent()).toContain('gemeenteraad');
    await question.getByLabel('Ja').check();
    await page.getByTestId('question-mandatory_contribution_acceptable').getByLabel('Ja').check();
    await page.getByTestId('question-levy_for_this_area_only').getByLabel('Ja').check();
    await page.locator('[data-testid=advice-ranking] > li').first().filter({ hasText: 'BIZ' }).waitFor();
    await page.getByTestId('rec-ondernemersfonds').getByText('Past nu niet').waitFor();
    expect(await page.getByTestId('rec-biz').textContent()).toContain('Bron');
    expect(await page.getByTestId('advice-combination').textContent()).toContain('BIZ');
    expect(await page.getByTestId('advice-path').textContent()).toContain('BIZ-plan');

    await page.getByTestId('save-answers').click();
    await page.getByTestId('answers-saved').waitFor();
    await page.getByTestId('advice-since').getByText('Niets veranderd').waitFor();
    // Revisited: the saved answers come back; a changed answer shows as a change.
    await page.reload();
    await page.getByTestId('question-municipality_cooperates').getByLabel('Ja').waitFor();
    expect(await page.getByTestId('question-municipality_cooperates').getByLabel('Ja').isChecked()).toBe(true);
    await page.getByTestId('question-municipality_cooperates').getByLabel('Nee').check();
    await page.getByTestId('advice-since').getByText('gemeente werkt mee: ja → nee').waitFor();
    await page.getByTestId('rec-biz').getByText('Past nu niet').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the BIZ vote from the trial poll and from a pasted list', async () => {
    const { context, page, errors } = await newSession(browser);
    await login(page, 'expert');
    await page.goto(`/parken/${parkId}/organisatie/biz-stemming`);
    // Trial poll: 5 entitled, 4 yes, 1 no, equal WOZ each: passes.
    await page.getByTestId('biz-outcome').getByText('De stemming slaagt').waitFor();
    await page.locator('[data-testid=condition-turnout].is-passed').waitFor();
    // A pasted list: 3 of 7 voted: turnout fails, and it says how many more yes votes.
    await page.getByLabel('Een eigen lijst (invullen of plakken)').check();
    await page.getByLabel('Stemgerechtigden', { exact: true }).fill(
      [
        'gebruiker\tja\t1.000.000',
        'gebruiker\tja\t500.000',
        'gebruiker\t\t250.000',
        'gebruiker\t\t',
        'gebruiker\t-\t',
        'gebruiker\t\t',
        'gebruiker;nee;100000',
      ].join('\n'),
    );
    await page.getByTestId('biz-parsed').getByText('7 stemgerechtigden gelezen.').waitFor();
    await page.locator('[data-testid=condition-turnout].is-failed').waitFor();
    await page.getByTestId('biz-needed').getByText('Nog 1 ja-stem(men) nodig').waitFor();
    // Users and owners: the owners' group must have half in favour too.
    await page.getByLabel('De heffing is voor').selectOption('both');
    await page.getByLabel('Stemgerechtigden', { exact: true }).fill('gebruiker;ja;100\ngebruiker;ja;100\neigenaar;nee;10\neigenaar;nee;10');
    await page.locator('[data-testid=condition-majority_in_favour_owners].is-failed').waitFor();
    // The park's stakeholders go into the list to adjust.
    await page.getByRole('button', { name: /Zet de betrokkenen in de lijst/ }).click();
    await page.getByTestId('biz-parsed').getByText('5 stemgerechtigden gelezen.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a viewer reads the organisations and the advice but cannot change them', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'viewer');
    await page.goto(`/parken/${parkId}/organisatie`);
    await page.getByTestId('organisations-empty').getByText('U kunt dit terrein alleen bekijken.').waitFor();
    expect(await page.getByRole('button', { name: 'Organisatie toevoegen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Advies', exact: true }).click();
    await page.getByTestId('advice-ranking').waitFor();
    expect(await page.getByTestId('save-answers').count()).toBe(0);
    await context.close();
  });

  test('screenshots of each page at 390, 1024 and 1366 px (demo park Isselt)', async () => {
    const [isselt] = await apiParks(expertToken, { q: 'Isselt', province: 'UT', limit: '1' });
    expect(isselt).toBeDefined();
    for (const width of [390, 1024, 1366]) {
      const { context, page, errors } = await newSession(browser);
      await login(page, 'expert');
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/parken/${isselt!.id}/organisatie`);
      await page.getByTestId('organisations-list').waitFor();
      await screenshot(page, `organisations-list-${width}`);
      await page.goto(`/parken/${isselt!.id}/organisatie/advies`);
      await page.getByTestId('advice-ranking').waitFor();
      await page.getByTestId('advice-since').waitFor();
      await screenshot(page, `organisations-advice-${width}`);
      if (width === 390) {
        await page.getByTestId('advice-questions').screenshot({ path: `${screenshotDir}/organisations-advice-390-questions.png` });
        await page.getByTestId('rec-biz').screenshot({ path: `${screenshotDir}/organisations-advice-390-biz.png` });
        await page.getByTestId('advice-path').screenshot({ path: `${screenshotDir}/organisations-advice-390-path.png` });
      }
      await page.goto(`/parken/${isselt!.id}/organisatie/biz-stemming`);
      await page.getByTestId('biz-conditions').waitFor();
      await screenshot(page, `organisations-biz-${width}`);
      // Nothing of the section is wider than the screen (tables scroll in their own box).
      for (const path of ['', '/advies', '/biz-stemming']) {
        await page.goto(`/parken/${isselt!.id}/organisatie${path}`);
        await page.locator('.orgs-subnav').waitFor();
        await page.waitForTimeout(300);
        const overflow = await page.evaluate(() => {
          let worst = 0;
          for (const el of document.querySelectorAll('.orgs *')) {
            if (el.closest('.table-wrap')) continue;
            worst = Math.max(worst, el.getBoundingClientRect().right - window.innerWidth);
          }
          return worst;
        });
        expect(overflow, `${width} px ${path}`).toBeLessThanOrEqual(1);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
