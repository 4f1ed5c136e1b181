// Issue 15, item 2: the last precheck results per standby kept in this browser, listed newest
// first on the precheck pages, any earlier run compared with the latest.
import { test, expect, Page } from '@playwright/test';
import { armFault, openConsole, resetMock, setTenant, signIn, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

const SALES_DR = '/clusters/3000012/tenants/2000031/failover';
const SALES_PRECHECK = '/api/v2/ob/clusters/3000012/tenants/2000031/failoverPreCheck';
// The API base is the console's own origin ("" in config.json).
const KEY = 'fc.precheck-history:';

async function rerun(page: Page) {
  await page.getByTestId('rerun').click();
  await expect(page.getByTestId('precheck-running')).toHaveCount(0);
}

test('three runs are kept across a reload, and an earlier run is compared with the latest', async ({ page, request }) => {
  await openConsole(page, SALES_DR);
  await signIn(page);
  const rows = page.getByTestId('history-row');
  // Run 1 (on opening): passes, nothing found.
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Passed');
  await expect(rows.first()).toContainText('Latest');
  await expect(rows.first().getByRole('radio')).toHaveCount(0);

  // Run 2: the primary answers again, so the standby is blocked.
  await setTenant(request, 2000031, { primaryReachable: true });
  await rerun(page);
  await expect(page.getByTestId('verdict')).toContainText('Blocked');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Blocked');
  await expect(rows.first()).toContainText('OBE26107');

  // Run 3: the primary is gone but the standby lags a minute: passes with a warning.
  await setTenant(request, 2000031, { primaryReachable: false, lagSecs: 60 });
  await rerun(page);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  // The page still says what changed since the previous run.
  await expect(page.getByTestId('changes')).toContainText('Resolved: OBE26107');
  await expect(page.getByTestId('changes')).toContainText('New: OBE26120');
  await expect(rows).toHaveCount(3);

  // After a reload, the page's own precheck is held back: what is listed came from storage.
  await armFault(request, { path: SALES_PRECHECK, method: 'POST', latencyMs: 6000, times: 1 });
  await page.reload();
  await expect(page.getByTestId('precheck-running')).toBeVisible();
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Passed');
  await expect(rows.nth(0)).toContainText('OBE26120');
  await expect(rows.nth(0).locator('td').nth(4)).toHaveText(/^1 m/);
  await expect(rows.nth(1)).toContainText('Blocked');
  await expect(rows.nth(1)).toContainText('OBE26107');
  await expect(rows.nth(2)).toContainText('Passed');
  for (const i of [0, 1, 2]) await expect(rows.nth(i).getByTestId('time')).toBeVisible();
  await expect(page.getByTestId('history-diff')).toHaveCount(0);

  // By keyboard: Space chooses the blocked run, the arrow key moves to the first run.
  await rows.nth(1).getByRole('radio').focus();
  await page.keyboard.press('Space');
  const diff = page.getByTestId('history-diff');
  await expect(diff).toContainText('Changes from the chosen run to the latest');
  await expect(diff).toContainText('Verdict: Blocked → Passed');
  await expect(diff).toContainText('Resolved: OBE26107');
  await expect(diff).toContainText('New: OBE26120');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2).getByRole('radio')).toBeChecked();
  await expect(diff).not.toContainText('Verdict:');
  await expect(diff).not.toContainText('OBE26107');
  await expect(diff).toContainText('New: OBE26120');

  // The held-back run arrives: a fourth row, newest first, and the chosen run stays chosen.
  await expect(page.getByTestId('verdict')).toContainText('Can fail over', { timeout: 15_000 });
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(3).getByRole('radio')).toBeChecked();
  await expect(diff).toContainText('New: OBE26120');
});

test('the history in Chinese', async ({ page, request }) => {
  await page.addInitScript(() => localStorage.setItem('failover-console.lang', 'zh-CN'));
  await page.goto(SALES_DR);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('admin');
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(1);
  await setTenant(request, 2000031, { primaryReachable: true });
  await rerun(page);
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('heading', { name: '本浏览器中的预检查历史' })).toBeVisible();
  await expect(rows.first()).toContainText('不可切换');
  await expect(rows.first()).toContainText('最新');
  await rows.nth(1).getByRole('radio', { name: '与最新一次比较' }).check();
  const diff = page.getByTestId('history-diff');
  await expect(diff).toContainText('结论：通过 → 不可切换');
  await expect(diff).toContainText('新增：OBE26107');
});

test('garbage under the key costs only itself', async ({ page }) => {
  // Unreadable as a whole: an empty history, then this visit's run.
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('planted')) {
      localStorage.setItem(key, '{"tenant:3000012:2000031": not json');
      sessionStorage.setItem('planted', '1');
    }
  }, KEY);
  await openConsole(page, SALES_DR);
  await signIn(page);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-not-saved')).toHaveCount(0);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
  expect(stored['tenant:3000012:2000031']).toHaveLength(1);
});

test('a bad record is dropped and the readable ones are listed', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('planted')) {
      localStorage.setItem(key, JSON.stringify({
        'tenant:3000012:2000031': [
          { atMs: 'yesterday', verdict: 'pass' },
          { atMs: Date.now() - 3_600_000, verdict: 'blocked', blocking: ['OBE26107'], warnings: [], lagSecs: 3 },
          { atMs: Date.now() - 7_200_000, verdict: 'sideways' },
        ],
        'tenant:3000012:2000032': 'not a list',
      }));
      sessionStorage.setItem('planted', '1');
    }
  }, KEY);
  await openConsole(page, SALES_DR);
  await signIn(page);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Blocked');
  await expect(rows.nth(1)).toContainText('OBE26107');
  await expect(rows.nth(1)).toContainText('1 h ago');
});

test('no result kept yet says so', async ({ page, request }) => {
  await armFault(request, { path: SALES_PRECHECK, method: 'POST', status: 500, code: 10010, message: 'An unknown error has occurred.', times: 5 });
  await openConsole(page, SALES_DR);
  await signIn(page);
  await expect(page.getByTestId('failure')).toContainText('HTTP 500');
  await expect(page.getByTestId('history-empty')).toHaveText('No precheck of this standby is kept in this browser yet.');
  await expect(page.getByTestId('history-row')).toHaveCount(0);
});

test('the cluster DR page keeps its runs too', async ({ page }) => {
  await openConsole(page, '/clusters/8/dr/failover');
  await signIn(page);
  await expect(page.getByTestId('verdict')).toContainText('Blocked');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(1);
  await rerun(page);
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole('radio').check();
  await expect(page.getByTestId('history-diff')).toContainText('Nothing changed between the chosen run and the latest.');
  await page.reload();
  await expect(page.getByTestId('verdict')).toContainText('Blocked');
  await expect(rows).toHaveCount(3);
});
