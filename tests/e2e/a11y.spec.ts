// Issue 12: accessibility. Every page and state in English and Chinese is checked by axe-core
// (zero violations of any impact, colour contrast included) in the light and the dark scheme,
// and photographed full-page at 1280 px and at 320 px (WCAG reflow; there also with the
// header's menu open on two pages) into
// tests/e2e/screenshots/ (not committed; outside test-results/, which Playwright empties at the
// start of every run, so the nginx pass of `cargo xtask test` would delete them), and at 320 px
// nothing is wider than the screen.
// Then what a keyboard user notices of the dialogs, and what the pollers say in words.
import { test, expect, Page, APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import * as path from 'path';
import { arrived, clock, launch, openConsole, resetMock, signIn, taskFault, noCrash } from './helpers';

const SHOTS = path.join(__dirname, 'screenshots');
const LANGS = ['en-US', 'zh-CN'] as const;
/// WCAG 2.2 reflow: 1280 px at 400% zoom.
const NARROW = 320;
const SCHEMES = ['light', 'dark'] as const;
type Lang = (typeof LANGS)[number];

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
  await clock(request, { paused: true });
});

/// Opens `path` in `lang` and signs in as the operator, by the fields' ids (the labels are in
/// the page's language).
async function openIn(page: Page, lang: Lang, to: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript((l) => localStorage.setItem('failover-console.lang', l), lang);
  await page.goto(to);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('admin');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('signed-in-as')).toContainText('admin');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function axe(page: Page, name: string, lang: Lang, width: number) {
  // Let animations, fonts and the new layout settle before reading colours.
  await page.waitForTimeout(200);
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 6).join('\n    ')}`,
  );
  expect(found, `axe violations on ${name} (${lang}) at ${width} px`).toEqual([]);
}

/// At 1280 px and at 420 px: axe-core finds nothing and a full-page picture is taken; at 420 px
/// the page is no wider than the screen (a wide table scrolls inside its own box). With `menu`,
/// the header's menu is also opened at 420 px, checked and photographed, then closed.
async function check(page: Page, name: string, lang: Lang, opts: { menu?: boolean } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const scheme = await page.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  for (const width of [1280, NARROW]) {
    await page.setViewportSize({ width, height: 900 });
    await axe(page, `${name} (${scheme})`, lang, width);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${lang}-${scheme}-${width}.png`), fullPage: true });
    if (width === NARROW) {
      const { scroll, inner } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(scroll, `${name} (${lang}, ${scheme}) at ${NARROW} px is ${scroll} px wide`).toBeLessThanOrEqual(inner);
      if (opts.menu) {
        const toggle = page.getByTestId('menu-toggle');
        await toggle.click();
        await expect(page.getByTestId('topbar-menu')).toBeVisible();
        await axe(page, `${name} with the menu open`, lang, width);
        await page.screenshot({ path: path.join(SHOTS, `${name}-${lang}-${scheme}-${NARROW}-menu.png`), fullPage: true });
        await toggle.click();
        await expect(page.getByTestId('topbar-menu')).toBeHidden();
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

function tomorrowLocal(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T10:30`;
}

async function gfcFind(page: Page, lang: Lang, ids: string) {
  await openIn(page, lang, '/components');
  await page.locator('#component-ids').fill(ids);
  await page.locator('form.gfc-search button[type="submit"]').click();
  await expect(page.getByTestId('component-row').first()).toBeVisible();
}

async function gfcChecksDone(page: Page, request: APIRequestContext, lang: Lang, ids: string, failback: boolean) {
  await gfcFind(page, lang, ids);
  if (failback) await page.locator('input[name="mark"]').nth(1).check();
  await page.locator('#reason').fill('a11y');
  if (!failback) await page.locator('#failback-time').fill(tomorrowLocal());
  await page.getByTestId('run-checks').click();
  await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck');
  await clock(request, { advanceSeconds: 30 });
  await expect(page.getByTestId('not-polling')).toBeVisible();
}

for (const scheme of SCHEMES) for (const lang of LANGS) {
  test.describe(`every page in ${lang}, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    test(`clusters, cluster, tasks (${lang})`, async ({ page, request }) => {
      await launch(request, '/api/v2/ob/clusters/6/failover');
      await openIn(page, lang, '/clusters');
      await expect(page.getByTestId('cluster-row').first()).toBeVisible();
      await check(page, 'clusters', lang, { menu: true });
      await page.goto('/clusters/3000012');
      await expect(page.getByTestId('tenant-row').first()).toBeVisible();
      await check(page, 'cluster', lang);
      await page.goto('/tasks');
      await expect(page.getByTestId('task-row').first()).toBeVisible();
      await check(page, 'tasks', lang);
    });

    test(`drill ledger and a drill report (${lang})`, async ({ page }) => {
      await page.route('**/config.json', (route) =>
        route.fulfill({ json: { apiBaseUrl: '', ocpTimeZone: '+08:00', objectives: [{ match: '*', rpoSecs: 60, rtoSecs: 150 }] } }),
      );
      await openIn(page, lang, '/drills');
      await expect(page.getByTestId('drill-row').first()).toBeVisible();
      await expect(page.getByTestId('summary-row').first()).toBeVisible();
      await check(page, 'drills', lang, { menu: true });
      await page.getByTestId('drill-report-link').first().click();
      await expect(page.locator('.gantt-row').first()).toBeVisible();
      await check(page, 'drill-report', lang);
    });

    test(`recovery plan (${lang})`, async ({ page }) => {
      await openIn(page, lang, '/recovery');
      await expect(page.getByTestId('recovery-no-scope')).toBeVisible();
      const region = page.getByTestId('recovery-region');
      await expect(region.locator('option')).not.toHaveCount(1);
      await region.selectOption({ index: 1 });
      await expect(page.getByTestId('plan-item').first()).toBeVisible();
      await check(page, 'recovery', lang);
    });

    test(`readiness board after Precheck all (${lang})`, async ({ page }) => {
      await openIn(page, lang, '/readiness');
      await expect(page.getByTestId('readiness-row').first()).toBeVisible();
      await page.getByTestId('precheck-all').click();
      await expect(page.getByTestId('precheck-all')).toBeEnabled({ timeout: 30_000 });
      await expect(page.getByTestId('readiness-row').getByTestId('recommended').first()).toBeVisible();
      await check(page, 'readiness', lang, { menu: true });
    });

    test(`tenant precheck and its confirmation (${lang})`, async ({ page }) => {
      await openIn(page, lang, '/clusters/3000012/tenants/2000031/failover');
      await expect(page.getByTestId('verdict')).toBeVisible();
      await check(page, 'tenant-precheck', lang);
      await page.getByTestId('launch').click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      await check(page, 'confirm-dialog', lang);
    });

    test(`batch precheck and cluster DR (${lang})`, async ({ page }) => {
      await openIn(page, lang, '/clusters/3000012/batch-failover');
      await expect(page.getByTestId('batch-row').first()).toBeVisible();
      await check(page, 'batch-precheck', lang);
      await page.goto('/clusters/6/dr/failover');
      await expect(page.getByTestId('verdict')).toBeVisible();
      await check(page, 'cluster-dr', lang);
    });

    test(`a task running, then a task failed with its rollback preview (${lang})`, async ({ page, request }) => {
      const running = await launch(request, '/api/v2/ob/clusters/6/failover');
      await openIn(page, lang, `/tasks/${running}`);
      await expect(page.locator('g.node')).toHaveCount(9);
      await expect(page.getByTestId('live').locator('.live-dot')).toBeVisible();
      await check(page, 'task-running', lang, { menu: true });

      await taskFault(request, 'Wait standby log sync', 'fail');
      const failed = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000033/switchover');
      await page.goto(`/tasks/${failed}`);
      await expect(page.locator('g.node').first()).toBeVisible();
      await clock(request, { advanceSeconds: 30 });
      await expect(page.getByTestId('task-status')).toHaveClass(/node-failed/);
      await expect(page.getByTestId('step-details')).toBeVisible();
      await check(page, 'task-failed', lang);
      await page.getByTestId('act-rollback').click();
      await expect(page.getByTestId('intervention')).toBeVisible();
      await check(page, 'task-rollback-preview', lang);
    });

    test(`GFC search, checks and operations (${lang})`, async ({ page, request }) => {
      await gfcFind(page, lang, '7922 7923 7924');
      await check(page, 'gfc-search', lang);
      await page.locator('#reason').fill('a11y');
      await page.locator('#failback-time').fill(tomorrowLocal());
      await page.getByTestId('run-checks').click();
      await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck');
      await clock(request, { advanceSeconds: 30 });
      await expect(page.getByTestId('gfc-warnings')).toBeVisible();
      await check(page, 'gfc-checks', lang);
      await page.getByTestId('gfc-warnings').getByRole('checkbox').check();
      await page.getByTestId('launch').click();
      // The word to type is the direction in the page's language.
      await page.locator('#confirm-name').fill(lang.startsWith('zh') ? '切换' : 'failover');
      await page.getByTestId('confirm-launch').click();
      await expect(page.getByTestId('op-row')).toHaveCount(3);
      await check(page, 'gfc-operations', lang);
      await arrived(request, 'POST', '/gfc/failover/doFailoverback');
      await clock(request, { advanceSeconds: 20 });
      await expect(page.getByTestId('not-polling')).toBeVisible();
      await check(page, 'gfc-operations-done', lang);
      await page.getByTestId('report-link').click();
      await expect(page.getByTestId('report-rows').locator('tbody tr')).toHaveCount(3);
      await check(page, 'gfc-report', lang);
      // Back on the section's first page, the launch is listed under recent sessions.
      await page.goto('/components');
      await expect(page.getByTestId('gfc-recent-row')).toHaveCount(1);
      await check(page, 'gfc-recent', lang);
    });
  });
}

test.describe('dialogs at the keyboard', () => {
  test('the launch confirmation: focus in the name field, Tab stays inside, Escape closes, focus returns', async ({ page }) => {
    await openConsole(page, '/clusters/3000012/tenants/2000031/failover');
    await signIn(page);
    const opener = page.getByTestId('launch');
    await expect(opener).toBeEnabled();
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Type sales_dr to confirm')).toBeFocused();
    // Twenty Tabs forward and back never leave the dialog.
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press(key);
        expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `${key} #${i + 1} left the dialog`).toBe(true);
      }
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  });

  test('a rollback is typed to confirm like a launch; its preview opens by its button and closes with Escape', async ({ page, request }) => {
    await taskFault(request, 'Wait standby log sync', 'fail');
    const id = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000033/switchover');
    await openConsole(page, `/tasks/${id}`);
    await signIn(page);
    await expect(page.locator('g.node').first()).toBeVisible();
    await clock(request, { advanceSeconds: 30 });
    await expect(page.getByTestId('task-status')).toContainText('Failed');
    const opener = page.getByTestId('act-rollback');
    await opener.click();
    const preview = page.getByTestId('intervention');
    // Where the operator is: right below the button that opened it.
    const b = await opener.boundingBox();
    const p = await preview.boundingBox();
    expect(b && p && p.y >= b.y && p.y - (b.y + b.height) < 120, 'the preview opens next to its button').toBeTruthy();
    const name = preview.getByRole('textbox');
    await expect(name).toBeFocused();
    const confirm = preview.getByTestId('confirm-intervention');
    await expect(confirm).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(preview).toHaveCount(0);
    await expect(page.getByTestId('act-rollback')).toBeFocused();
    // Again, typed this time: the task's name, exactly.
    await page.getByTestId('act-rollback').click();
    const typed = preview.getByLabel('Type Switchover ob tenant for network mode to confirm');
    await expect(typed).toBeFocused();
    await typed.fill('Switchover ob tenant for network');
    await expect(confirm).toBeDisabled();
    await typed.fill('Switchover ob tenant for network mode');
    await expect(confirm).toBeEnabled();
  });
});

test.describe('what the pollers say', () => {
  test('a task the server no longer knows (404) stops for good and says so, with a Reload button', async ({ page, request }) => {
    const id = await launch(request, '/api/v2/ob/clusters/6/failover');
    await openConsole(page, `/tasks/${id}`);
    await signIn(page);
    await expect(page.getByTestId('live')).toContainText('Live: updating every second');
    await page.route(`**/api/v2/tasks/instances/${id}`, (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: '{"successful":false,"status":404,"error":{"code":10001,"message":"task not found"}}' }),
    );
    await expect(page.getByTestId('poll-stopped')).toContainText('Updates stopped');
    await expect(page.getByTestId('reconnecting')).toHaveCount(0);
    await expect(page.getByTestId('live')).not.toContainText('Live:');
    await expect(page.getByTestId('failure')).toContainText('Not found (HTTP 404)');
    // Stopped means stopped: nothing more is asked.
    let asked = 0;
    await page.route(`**/api/v2/tasks/instances/${id}`, (route) => {
      asked++;
      return route.fulfill({ status: 404, contentType: 'application/json', body: '{"successful":false,"status":404}' });
    });
    await page.waitForTimeout(3000);
    expect(asked).toBe(0);
    // Reload asks again; once the task is back, it is live again.
    await page.unrouteAll();
    await page.getByTestId('poll-reload').click();
    await expect(page.getByTestId('live')).toContainText('Live: updating every second');
    await expect(page.getByTestId('poll-stopped')).toHaveCount(0);
  });

  test('"Loading…" until the first reply, never "live" before it', async ({ page, request }) => {
    const id = await launch(request, '/api/v2/ob/clusters/6/failover');
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(`**/api/v2/tasks/instances/${id}`, async (route) => {
      await held;
      await route.continue();
    });
    await openConsole(page, `/tasks/${id}`);
    await signIn(page);
    await expect(page.getByTestId('live')).toHaveText('Loading…');
    release();
    await expect(page.getByTestId('live')).toContainText('Live: updating every second');
  });

  test('an empty task list says so in words', async ({ page }) => {
    await openConsole(page, '/tasks?clusterId=424242');
    await signIn(page);
    await expect(page.getByTestId('tasks-empty')).toHaveText('No tasks match.');
  });
});
