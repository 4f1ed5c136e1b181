// Issue 28 (first part): the recovery plan proposed for a region that failed, on the
// `region-outage` scenario (east down: east_core with three tenants and a standby cluster,
// east_ledger with one tenant and a standby cluster, all standbys in the west).
import { test, expect, Page } from '@playwright/test';
import { openConsole, signIn, noCrash } from './helpers';
import { startScenario, ScenarioMock } from './scenario';

test.afterEach(async ({ page }) => noCrash(page));

let mock: ScenarioMock;
test.beforeAll(async () => {
  mock = await startScenario('region-outage');
});
test.afterAll(async () => {
  await mock?.stop();
});
test.beforeEach(async ({ request }) => {
  expect((await request.post(`${mock.url}/__admin/reset`)).ok()).toBeTruthy();
});

const item = (page: Page, primary: string) => page.locator(`[data-testid=plan-item][data-primary="${primary}"]`);

async function precheckAll(page: Page) {
  await page.goto(`${mock.url}/readiness`);
  await expect(page.getByTestId('readiness-row').first()).toBeVisible();
  await page.getByTestId('precheck-all').click();
  await expect(page.getByTestId('precheck-all')).toBeEnabled({ timeout: 30_000 });
}

test('the region picked proposes standby clusters first, then every tenant; never a target without a passed precheck', async ({ page }) => {
  await openConsole(page, `${mock.url}/recovery`);
  await signIn(page);
  await expect(page.getByTestId('recovery-no-scope')).toBeVisible();
  await page.getByTestId('recovery-region').selectOption('cn-shanghai');
  await expect(page).toHaveURL(/\/recovery\?region=cn-shanghai$/);
  const groups = page.getByTestId('plan-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0).getByTestId('plan-primary')).toHaveText(['east_core', 'east_ledger']);
  await expect(groups.nth(1).getByTestId('plan-primary')).toHaveText(['catalog', 'ledger', 'orders', 'payments']);
  // Nothing prechecked yet: no item has a target, each says why.
  await expect(page.getByTestId('plan-target')).toHaveCount(0);
  await expect(item(page, 'orders')).toContainText('orders_dr: never prechecked');
  await expect(page.getByTestId('recovery-totals')).toHaveText(/^0 to fail over · 6 without a safe target · data at risk: unknown · expected time to recover everything: unknown \(2 launches at a time\)$/);
});

test('Precheck the plan: each primary gets its least lagging safe standby, the operator\'s order is kept, the totals follow', async ({ page, request }) => {
  await openConsole(page, `${mock.url}/recovery?region=cn-shanghai`);
  await signIn(page);
  await expect(page.getByTestId('plan-item')).toHaveCount(6);
  // The operator moves orders into the first group before prechecking.
  await item(page, 'orders').getByRole('button', { name: 'Move orders to the previous group' }).click();
  await expect(page.getByTestId('plan-group').nth(0).getByTestId('plan-primary')).toHaveText(['east_core', 'east_ledger', 'orders']);
  await page.getByTestId('recovery-precheck').click();
  await expect(page.getByTestId('recovery-precheck')).toBeEnabled({ timeout: 30_000 });
  await expect(item(page, 'orders').getByTestId('plan-target')).toHaveText('→ orders_dr (west_core_dr)');
  // Still where the operator put it.
  await expect(page.getByTestId('plan-group').nth(0).getByTestId('plan-primary')).toHaveText(['east_core', 'east_ledger', 'orders']);
  await expect(item(page, 'orders').getByTestId('plan-lag')).toHaveText(/^[34] s behind$/);
  await expect(item(page, 'ledger').getByTestId('plan-lag')).toHaveText('lag unknown');
  await expect(item(page, 'orders').getByTestId('plan-precheck')).toHaveAttribute('href', '/clusters/4000011/tenants/4110001/failover');
  // Every standby of the plan was prechecked: batches per standby cluster, never one per tenant.
  const j = (await (await request.get(`${mock.url}/__admin/journal`)).json()).entries as { method: string; path: string }[];
  const prechecks = j.filter((e) => e.method === 'POST' && /PreCheck$/i.test(e.path));
  expect(prechecks.length).toBeGreaterThan(0);
  expect(prechecks.length).toBeLessThanOrEqual(4);
  // The ledger's lag is unknown: the data at risk is a floor (catalog_dr, 21 minutes), never a figure.
  await expect(page.getByTestId('recovery-totals')).toContainText(/data at risk: at least 21 m/);
  await page.getByRole('button', { name: 'Run group 2 earlier' }).click();
  await expect(page.getByTestId('plan-group').nth(0).getByTestId('plan-primary')).toHaveText(['catalog', 'ledger', 'payments']);
});

test('the board\'s Precheck all feeds the plan too', async ({ page }) => {
  await openConsole(page, `${mock.url}/readiness`);
  await signIn(page);
  await precheckAll(page);
  await page.getByTestId('plan-recovery').click();
  await page.getByTestId('recovery-region').selectOption('cn-shanghai');
  await expect(item(page, 'payments').getByTestId('plan-target')).toHaveText('→ payments_dr (west_core_dr)');
});

test('in Chinese, and from a link naming clusters', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('failover-console.lang', 'zh-CN'));
  await page.goto(`${mock.url}/recovery?clusters=4000002,x`);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('admin');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByRole('heading', { name: '恢复计划', level: 1 })).toBeVisible();
  await expect(page.getByTestId('recovery-clusters')).toHaveText('主集群 #4000002');
  await expect(page.getByTestId('filter-ignored')).toHaveCount(1);
  await expect(page.getByTestId('plan-primary')).toHaveText(['east_ledger', 'ledger']);
  await expect(item(page, 'ledger')).toContainText('无安全目标');
});
