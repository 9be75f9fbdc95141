import type { Browser } from 'playwright-core';
import { login, newSession, screenshot } from './helpers';

const WIDTHS = [1366, 1024, 390] as const;

/** The start page and the province overview at three widths, in Dutch and English. */
export async function workScreenshots(browser: Browser): Promise<void> {
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
    }
    await page.evaluate(() => localStorage.setItem('parkregie.language', 'nl'));
    await context.close();
  }
}
