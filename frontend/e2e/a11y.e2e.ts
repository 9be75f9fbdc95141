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
let projectId: string;
let stakeholderId: string;

async function apiGet<T>(token: string, path: string): Promise<T> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  browser = await launch();
  const token = await apiToken('expert');
  parkId = (await apiParks(token, { province: 'UT', q: 'Lage Weide', limit: '1' }))[0]!.id;
  // A project of the demo data with a business case and participants, the furthest along.
  const projects = (await apiGet<{ items: { id: string; phase: string }[] }>(token, `/parks/${parkId}/projects?limit=200`)).items;
  const project = projects.find((p) => p.phase === 'business_case') ?? projects[0];
  if (!project) throw new Error('the demo park has no projects');
  projectId = project.id;
  stakeholderId = (await apiGet<{ items: { id: string }[] }>(token, `/parks/${parkId}/stakeholders?limit=1`)).items[0]!.id;
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
  /** A form with required fields: each is marked "*" after its label, with "* verplicht" once (issue 14, point 23). */
  form?: boolean;
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

/** Projects, organisations, the organisatiegraad, the report and the forms, as the expert. */
const MORE_SCREENS: Screen[] = [
  { name: 'province overview of Utrecht', path: () => '/provincies?provincie=UT', ready: (p) => p.getByTestId('overview-park').first().waitFor() },
  { name: 'projects board', path: () => `/parken/${parkId}/projecten`, ready: (p) => p.getByTestId('project-board').waitFor() },
  {
    name: 'project',
    path: () => `/parken/${parkId}/projecten/${projectId}`,
    ready: async (p) => {
      await p.getByTestId('business-case').waitFor();
      await p.getByTestId('participants').waitFor();
      await p.waitForFunction(() => document.querySelector('[data-testid=bc-figures]')?.getAttribute('data-calculating') !== 'true');
    },
  },
  { name: 'new project',
    form: true, path: () => `/parken/${parkId}/projecten/nieuw`, ready: (p) => p.getByTestId('project-form').waitFor() },
  {
    name: 'organisations',
    form: true,
    path: () => `/parken/${parkId}/organisatie`,
    ready: async (p) => {
      await p.locator('[data-testid=organisations-list], [data-testid=organisations-empty]').first().waitFor();
      // With the form for a new one open.
      await p.getByRole('button', { name: 'Organisatie toevoegen' }).first().click();
      await p.getByTestId('organisation-form').waitFor();
    },
  },
  { name: 'organisation advice', path: () => `/parken/${parkId}/organisatie/advies`, ready: (p) => p.getByTestId('advice-questions').waitFor() },
  { name: 'BIZ vote', path: () => `/parken/${parkId}/organisatie/biz-stemming`, ready: (p) => p.getByTestId('biz-input').waitFor() },
  { name: 'organisatiegraad',
    form: true, path: () => `/parken/${parkId}/organisatiegraad`, ready: (p) => p.getByTestId('assessment-form').waitFor() },
  { name: 'report', path: () => `/parken/${parkId}/rapport`, ready: (p) => p.getByTestId('report-frame').waitFor() },
  {
    name: 'park edit form',
    form: true,
    path: () => `/parken/${parkId}`,
    ready: async (p) => {
      await p.getByRole('button', { name: 'Gegevens bewerken' }).click();
      await p.locator('#park-name').waitFor();
    },
  },
  { name: 'new stakeholder',
    form: true, path: () => `/parken/${parkId}/betrokkenen/nieuw`, ready: (p) => p.getByTestId('stakeholder-form').waitFor() },
  { name: 'stakeholder and contact form',
    form: true, path: () => `/parken/${parkId}/betrokkenen/${stakeholderId}`, ready: (p) => p.getByTestId('contact-form').waitFor() },
];

/** The admin area, as the admin. */
const ADMIN_SCREENS: Screen[] = [
  { name: 'admin users', path: () => '/beheer/gebruikers', ready: (p) => p.getByTestId('users-table').waitFor() },
  {
    name: 'admin user editor',
    form: true,
    path: () => '/beheer/gebruikers',
    ready: async (p) => {
      await p.getByTestId('user-row').first().getByRole('button').first().click();
      await p.getByTestId('user-editor').waitFor();
    },
  },
  { name: 'admin API clients',
    form: true, path: () => '/beheer/koppelingen', ready: (p) => p.getByTestId('new-client-form').waitFor() },
  { name: 'admin webhooks',
    form: true, path: () => '/beheer/webhooks', ready: (p) => p.getByTestId('new-webhook-form').waitFor() },
  { name: 'admin audit', path: () => '/beheer/audit', ready: (p) => p.locator('[data-testid=audit-table], [data-testid=audit-empty]').first().waitFor() },
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

/**
 * What is wrong with the marks of required fields: a required input whose label (or, for a radio
 * button, whose group's legend) has no "*", a mark without `required` on its input, or a form
 * with required fields and no "* verplicht" legend on the page.
 */
async function unmarked(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const required = [...document.querySelectorAll<HTMLInputElement>('input[required], select[required], textarea[required]')];
    if (required.length === 0) out.push('no required field');
    for (const input of required) {
      const owner = input.type === 'radio' ? input.closest('fieldset')?.querySelector('legend') : input.labels?.[0];
      if (!owner?.querySelector('.required-mark')) out.push(`#${input.id || input.name}: required, but its label has no "*"`);
    }
    for (const label of document.querySelectorAll('label')) {
      if (!label.querySelector('.required-mark')) continue;
      const input = label.control as HTMLInputElement | null;
      if (input && !input.required) out.push(`${label.textContent}: "*", but the input is not required`);
    }
    const legends = [...document.querySelectorAll('[data-testid=required-legend]')].filter((l) => (l as HTMLElement).offsetParent !== null);
    if (legends.length === 0) out.push('no "* verplicht" legend');
    if (legends.some((l) => !/\*\s*verplicht/.test(l.textContent ?? ''))) out.push('a legend without "* verplicht"');
    return out;
  });
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

async function auditAll(page: Page, width: number, screens: Screen[]): Promise<string[]> {
  const problems: string[] = [];
  for (const screen of screens) {
    await page.goto(screen.path());
    await screen.ready(page).catch(async (error: unknown) => {
      await screenshot(page, `a11y-not-ready-${screen.name.replace(/ /g, '-')}-${width}`);
      throw error;
    });
    await page.waitForTimeout(400);
    problems.push(report(`${screen.name} ${width}`, await audit(page, screen.skip)));
    if (screen.form) problems.push(...(await unmarked(page)).map((f) => `${screen.name} ${width}: ${f}`));
    // On a phone nothing makes the page wider than the screen (a wide table scrolls in its own box).
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > width) problems.push(`${screen.name} ${width}: the page is ${wide} px wide`);
  }
  return problems;
}

describe.each([1366, 390])('axe at %i px', (width) => {
  test('login, start page, parks, provinces, a park, its stakeholders, follow-ups, ranking, matrix, interview', async () => {
    const { context, page, errors } = await auditSession(width);
    const problems: string[] = [];
    await page.goto('/inloggen');
    await page.getByRole('heading', { level: 1 }).waitFor();
    problems.push(report(`login ${width}`, await audit(page)));
    problems.push(...(await unmarked(page)).map((f) => `login ${width}: ${f}`));
    await login(page, 'expert');
    problems.push(...(await auditAll(page, width, SCREENS)));
    if (width < 720) {
      // The folded menu, open.
      await page.getByRole('button', { name: 'Menu' }).click();
      problems.push(report(`open menu ${width}`, await audit(page)));
    }
    expect(problems.filter(Boolean).join('\n')).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('projects, a project, organisations, advice, BIZ vote, organisatiegraad, report, and the forms', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await auditSession(width);
    await login(page, 'expert');
    const problems = await auditAll(page, width, MORE_SCREENS);
    expect(problems.filter(Boolean).join('\n')).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the park report itself, as printed (the app shows it in a sandboxed frame that axe cannot enter)', async () => {
    const { context, page, errors } = await auditSession(width);
    const token = await apiToken('expert');
    const response = await fetch(`${baseURL()}/api/v1/parks/${parkId}/report`, {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'nl' },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Served on the app's own address, so that axe can be added to it.
    await page.route('**/a11y-report', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto('/a11y-report');
    await page.locator('body *').first().waitFor();
    expect(report(`park report ${width}`, await audit(page))).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the admin area: users, API clients, webhooks, audit', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await auditSession(width);
    await login(page, 'admin');
    const problems = await auditAll(page, width, ADMIN_SCREENS);
    expect(problems.filter(Boolean).join('\n')).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('the audit finds a planted violation (an image without alt, a button without a name, a required field without "*")', async () => {
  const { context, page } = await auditSession(1366);
  await page.goto('/inloggen');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>');
  });
  const ids = (await audit(page)).map((f) => f.id);
  expect(ids).toContain('image-alt');
  expect(ids).toContain('button-name');
  // And the check of required fields finds a missing "*".
  expect(await unmarked(page)).toEqual([]);
  await page.evaluate(() => document.querySelector('label[for=login-email] .required-mark')?.remove());
  expect(await unmarked(page)).toEqual(['#login-email: required, but its label has no "*"']);
  await context.close();
});
