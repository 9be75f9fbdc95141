/**
 * An axe-core audit (WCAG 2.0/2.1 A and AA) of the main screens at 1366 and 390 px, with zero
 * violations allowed. A rule is excluded only for one screen, with a comment naming why.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiParks, apiToken, baseURL, launch, login, screenshot } from './helpers';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let parkId: string;

beforeAll(async () => {
  browser = await launch();
  const token = await apiToken('expert');
  parkId = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!.id;
});

afterAll(async () => {
  await browser?.close();
});

interface Screen {
  name: string;
  path: () => string;
  /** Shows the page is there with its data. */
  ready: (page: Page) => Promise<unknown>;
  /** Rules left out on this screen, each with the reason in a comment. */
  skip?: string[];
}

const SCREENS: Screen[] = [
  { name: 'start page', path: () => '/werk', ready: (p) => p.getByTestId('work-park').first().waitFor() },
  { name: 'parks list', path: () => '/parken', ready: (p) => p.getByTestId('parks-table').waitFor() },
  { name: 'province overview', path: () => '/provincies', ready: (p) => p.getByTestId('overview-province').first().waitFor() },
  { name: 'park overview', path: () => `/parken/${parkId}`, ready: (p) => p.getByTestId('park-details').waitFor() },
  {
    name: 'stakeholders tab',
    path: () => `/parken/${parkId}/betrokkenen`,
    ready: (p) => p.getByRole('heading', { level: 2, name: 'Betrokkenen' }).waitFor(),
  },
  { name: 'follow-ups', path: () => '/opvolgen', ready: (p) => p.getByTestId('follow-up').first().waitFor() },
  { name: 'ranking', path: () => `/parken/${parkId}/belangen`, ready: (p) => p.getByTestId('shared-list').waitFor() },
  {
    name: 'interest matrix',
    path: () => `/parken/${parkId}/belangen/matrix`,
    ready: async (p) => {
      // On a phone a list per theme replaces the grid and its table: audit it with a theme open.
      if ((p.viewportSize()?.width ?? 1366) <= 600) {
        await p.getByTestId('matrix-themes').locator('summary').first().click();
        await p.getByTestId('matrix-themes').locator('details[open] li').first().waitFor();
        return;
      }
      await p.locator('details.matrix-table summary').click();
      await p.getByTestId('matrix-table').waitFor();
    },
  },
  {
    name: 'interview',
    path: () => `/parken/${parkId}/interview`,
    ready: async (p) => {
      await p.getByTestId('choose-stakeholder').getByRole('link').first().click();
      await p.getByTestId('interview-progress').waitFor();
    },
  },
];

interface Found {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function audit(page: Page, skip: string[] = []): Promise<Found[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    async ({ tags, skip }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]));
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules });
      // An audit that checked nothing is no audit.
      if (result.passes.length < 10) throw new Error(`axe checked only ${result.passes.length} rules`);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
      }));
    },
    { tags: TAGS, skip },
  );
}

const report = (screen: string, found: Found[]) =>
  found.map((f) => `${screen}: ${f.id} (${f.impact}) ${f.help}\n    ${f.nodes.join('\n    ')}`).join('\n');

/** As helpers' newSession, with the page's CSP bypassed so that axe can be injected inline. */
async function auditSession(width: number) {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width, height: width < 500 ? 844 : 900 },
    locale: 'nl-NL',
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

describe.each([1366, 390])('axe at %i px', (width) => {
  test('login, start page, parks, provinces, a park, its stakeholders, follow-ups, ranking, matrix, interview', async () => {
    const { context, page, errors } = await auditSession(width);
    const problems: string[] = [];
    await page.goto('/inloggen');
    await page.getByRole('heading', { level: 1 }).waitFor();
    problems.push(report(`login ${width}`, await audit(page)));
    await login(page, 'expert');
    for (const screen of SCREENS) {
      await page.goto(screen.path());
      await screen.ready(page).catch(async (error: unknown) => {
        await screenshot(page, `a11y-not-ready-${screen.name.replace(/ /g, '-')}-${width}`);
        throw error;
      });
      await page.waitForTimeout(400);
      problems.push(report(`${screen.name} ${width}`, await audit(page, screen.skip)));
    }
    if (width < 720) {
      // The folded menu, open.
      await page.getByRole('button', { name: 'Menu' }).click();
      problems.push(report(`open menu ${width}`, await audit(page)));
    }
    expect(problems.filter(Boolean).join('\n')).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('the audit finds a planted violation (an image without alt, a button without a name)', async () => {
  const { context, page } = await auditSession(1366);
  await page.goto('/inloggen');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>');
  });
  const ids = (await audit(page)).map((f) => f.id);
  expect(ids).toContain('image-alt');
  expect(ids).toContain('button-name');
  await context.close();
});
