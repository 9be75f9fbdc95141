import type { Browser } from 'playwright-core';
import { apiParks, apiToken, login, newSession, screenshot } from './helpers';

const WIDTHS = [1366, 1024, 390] as const;

/** The start page and the province overview at three widths, in Dutch and English. */
export async function workScreenshots(browser: Browser): Promise<void> {
  const token = await apiToken('expert');
  const lageWeide = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!;
  const park = `/parken/${lageWeide.id}`;
  for (const width of WIDTHS) {
    const { context, page } = await newSession(browser, { width, height: width < 500 ? 844 : 900 });
    await login(page, 'expert');
    for (const language of ['nl', 'en'] as const) {
      // The language is a stored choice; at 390 px its switch sits in the folded menu.
      await page.evaluate((lang) => localStorage.setItem('parkregie.language', lang), language);
      await page.goto('/werk');
      await page.getByTestId('work-park').first().waitFor();
      await page.waitForTimeout(200);
      await screenshot(page, `40-work-${language}-${width}`);
      await page.goto('/provincies');
      await page.getByTestId('overview-province').first().waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `41-provinces-${language}-${width}`);
      await page.goto('/provincies?provincie=UT');
      await page.getByTestId('overview-park').first().waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `42-province-utrecht-${language}-${width}`);
      // The other screens reviewers look at, in both languages at every width: with `make
      // screenshots` only (it sets PARKREGIE_SCREENSHOTS=all), to keep `make test` short.
      if (process.env.PARKREGIE_SCREENSHOTS !== 'all') continue;
      await page.goto('/parken');
      await page.getByTestId('parks-table').waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `43-parks-${language}-${width}`);
      await page.goto(park);
      await page.getByTestId('next-step').waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `44-park-${language}-${width}`);
      await page.goto(`${park}/belangen`);
      await page.locator('[data-testid=shared-interest], .shared-interest, canvas').first().waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, `45-ranking-${language}-${width}`);
      await page.goto(`${park}/belangen/matrix`);
      await page.locator('canvas, table, [data-testid=matrix-themes]').first().waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, `46-heatmap-${language}-${width}`);
      await page.goto(`${park}/interview`);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `47-interview-${language}-${width}`);
    }
    await page.evaluate(() => localStorage.setItem('parkregie.language', 'nl'));
    await context.close();
  }
}
