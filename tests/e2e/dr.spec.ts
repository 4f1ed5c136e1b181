// Issue 3: prechecks, batch prechecks, failover and switchover for tenants and clusters.
import { test, expect, Page } from '@playwright/test';
import { armFault, journal, launch, openConsole, posts, resetMock, setTenant, signIn, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

async function openTenantAction(page: Page, tenant: string, action: 'Failover…' | 'Switchover…', user = 'admin') {
  await openConsole(page, '/clusters/3000012');
  await signIn(page, user);
  await page.getByTestId('tenant-row').filter({ hasText: tenant }).getByRole('link', { name: action }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
}

test('a passing tenant precheck launches one failover and opens its task', async ({ page, request }) => {
  await openTenantAction(page, 'sales_dr', 'Failover…');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Failover of tenant sales_dr');
  await expect(page).toHaveTitle('Failover of tenant sales_dr · Failover Console');
  await expect(page.getByTestId('user-role')).toHaveText('operator');
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await expect(page.getByTestId('count-blocking')).toHaveText('0 blocking');
  await expect(page.getByTestId('count-warnings')).toHaveText('0 warnings');
  await expect(page.getByText('Every check passed.')).toBeVisible();
  await expect(page.locator('.facts')).toContainText('SERVICE_SALES');
  await expect(page.locator('.facts')).toContainText('2 s behind');

  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('consequence')).toContainText('Its primary sales is abandoned');
  await expect(dialog.getByTestId('consequence')).toContainText('not yet reached this standby is lost');
  const confirm = dialog.getByTestId('confirm-launch');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type sales_dr to confirm').fill('sales_d');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type sales_dr to confirm').fill('sales_dr');
  await dialog.getByLabel('New service name (optional)').fill('SERVICE_SALES_DR');
  await confirm.click();
  await expect(page).toHaveURL(/\/tasks\/12022226$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Failover tenant');
  await expect(page.locator('g.node')).toHaveCount(5);
  // The table follows the edges, not the array: the root first.
  await page.getByTestId('view-table').click();
  await expect(page.getByTestId('subtask-row')).toHaveCount(5);
  await expect(page.getByTestId('subtask-row').first()).toContainText('Reset log restore source');
  expect(await posts(request, '/tenants/2000031/failover')).toBe(1);
});

test('a blocked standby shows its blocking error and offers no launch', async ({ page }) => {
  await openTenantAction(page, 'audit_dr', 'Failover…');
  await expect(page.getByTestId('verdict')).toContainText('Blocked');
  await expect(page.getByTestId('count-blocking')).toHaveText('1 blocking');
  await expect(page.getByTestId('blocking')).toContainText('OBE26107');
  await expect(page.getByTestId('blocking')).toContainText('primary tenant can still be connected');
  await expect(page.getByTestId('launch')).toBeDisabled();
  await expect(page.getByText('The precheck must pass before a launch is offered.')).toBeVisible();
});

test('a warning must be accepted, and a re-run shows what changed', async ({ page, request }) => {
  await openTenantAction(page, 'billing_dr', 'Failover…');
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await expect(page.getByTestId('warnings')).toContainText('OBE26120');
  await expect(page.getByTestId('warnings')).toContainText('45 s behind');

  // The standby catches up; the re-run says the warning is resolved.
  await setTenant(request, 2000032, { lagSecs: 1 });
  await page.getByTestId('rerun').click();
  await expect(page.getByTestId('changes')).toContainText('Resolved: OBE26120');
  await expect(page.getByTestId('count-warnings')).toHaveText('0 warnings');
  // It falls behind again: the warning is back, and the launch lists it for acceptance.
  await setTenant(request, 2000032, { lagSecs: 60 });
  await page.getByTestId('rerun').click();
  await expect(page.getByTestId('changes')).toContainText('New: OBE26120');

  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByLabel('Type billing_dr to confirm').fill('billing_dr');
  const confirm = dialog.getByTestId('confirm-launch');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/I accept: OBE26120/).check();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  expect(await posts(request, '/tenants/2000032/failover')).toBe(1);
});

test('a double click and a held Enter on the confirmation send exactly one POST', async ({ page, request }) => {
  await openTenantAction(page, 'hr_dr', 'Failover…');
  // A slow reply: the button must stay pressed-once while it is in flight.
  await armFault(request, { path: '/api/v2/ob/clusters/3000012/tenants/2000034/failover', method: 'POST', latencyMs: 1500 });
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  const name = dialog.getByLabel('Type hr_dr to confirm');
  await name.fill('hr_dr');
  await dialog.getByTestId('confirm-launch').dblclick();
  await expect(dialog.getByTestId('confirm-launch')).toHaveText('Launching…');
  for (let i = 0; i < 5; i++) await name.press('Enter');
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  expect(await posts(request, '/tenants/2000034/failover')).toBe(1);
});

test('batch precheck with mixed results, filtered, then the passing subset failed over', async ({ page, request }) => {
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  await page.getByRole('link', { name: 'Batch failover precheck' }).click();
  const rows = page.getByTestId('batch-row');
  await expect(rows).toHaveCount(4);
  // Passing first.
  await expect(rows.last()).toHaveAttribute('data-tenant', 'audit_dr');
  await page.getByTestId('filter-verdict').selectOption('blocked');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('OBE26107');
  await page.getByTestId('filter-verdict').selectOption('');
  await page.getByTestId('filter-code').selectOption('OBE26120');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-tenant', 'billing_dr');
  await page.getByTestId('filter-code').selectOption('');
  await page.getByTestId('sort').selectOption('name');
  await expect(rows.first()).toHaveAttribute('data-tenant', 'audit_dr');
  // The blocked tenant cannot be selected.
  await expect(page.getByRole('checkbox', { name: 'audit_dr' })).toBeDisabled();
  await page.getByTestId('select-passing').click();
  await expect(page.getByTestId('launch')).toHaveText('Fail over 3 selected tenants…');
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('consequence')).toContainText('sales_dr');
  await dialog.getByLabel('Type OB424_B to confirm').fill('OB424_B');
  await dialog.getByLabel(/I accept: billing_dr/).check();
  await dialog.getByTestId('confirm-launch').click();
  const launched = page.getByTestId('launched');
  await expect(launched).toContainText('3 tasks started');
  await expect(launched.getByRole('link')).toHaveCount(3);
  expect(await posts(request, '/clusters/3000012/tenants/failover')).toBe(1);
  await launched.getByRole('link').first().click();
  await expect(page.locator('g.node')).toHaveCount(5);
});

test('cluster failover: precheck, confirmation, task', async ({ page, request }) => {
  await openConsole(page, '/clusters/6');
  await signIn(page);
  await page.getByRole('link', { name: 'Cluster failover…' }).click();
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('consequence')).toContainText('The current primary cluster is abandoned');
  await dialog.getByLabel('Type ob3x_standby to confirm').fill('ob3x_standby');
  await dialog.getByTestId('confirm-launch').click();
  await expect(page).toHaveURL(/\/tasks\/171603$/);
  await expect(page.locator('g.node')).toHaveCount(9);
  await page.getByTestId('view-table').click();
  await expect(page.getByTestId('subtask-row').first()).toContainText('Mc lock ob clusters');
  expect(await posts(request, '/clusters/6/failover')).toBe(1);
});

test('a cluster whose primary still answers is blocked from failover', async ({ page }) => {
  await openConsole(page, '/clusters/8/dr/failover');
  await signIn(page);
  await expect(page.getByTestId('verdict')).toContainText('Blocked');
  await expect(page.getByTestId('blocking')).toContainText('is still available');
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('tenant switchover and cluster switchover', async ({ page, request }) => {
  await openTenantAction(page, 'audit_dr', 'Switchover…');
  await expect(page.getByTestId('verdict')).toContainText('Can switch over');
  await page.getByTestId('launch').click();
  let dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('consequence')).toContainText('No data is lost');
  await expect(dialog.getByLabel('New service name (optional)')).toHaveCount(0);
  await dialog.getByLabel('Type audit_dr to confirm').fill('audit_dr');
  await dialog.getByTestId('confirm-launch').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Switchover ob tenant for network mode');
  expect(await posts(request, '/tenants/2000033/switchover')).toBe(1);

  await page.goto('/clusters/8/dr/switchover');
  await expect(page.getByTestId('verdict')).toContainText('Can switch over');
  await page.getByTestId('launch').click();
  dialog = page.getByTestId('confirm-dialog');
  await dialog.getByLabel('Type ob3x_east_dr to confirm').fill('ob3x_east_dr');
  await dialog.getByTestId('confirm-launch').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Switchover OB cluster');
  await expect(page.locator('g.node')).toHaveCount(8);
  expect(await posts(request, '/clusters/8/switchover')).toBe(1);
});

test('a switchover without a reachable primary is blocked', async ({ page }) => {
  await openTenantAction(page, 'hr_dr', 'Switchover…');
  await expect(page.getByTestId('verdict')).toContainText('Blocked');
  await expect(page.getByTestId('blocking')).toContainText('OBE26131');
});

test('the viewer is told before trying that launching needs the operator role', async ({ page, request }) => {
  await openTenantAction(page, 'sales_dr', 'Failover…', 'viewer');
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await expect(page.getByTestId('viewer-notice')).toHaveText(
    'Launching needs the operator role. You are signed in as viewer, who may only read.');
  await expect(page.getByTestId('launch')).toBeDisabled();
  expect(await posts(request, '/failover')).toBe(0);
  // The header says what the account may do, and the page says why at its top.
  await expect(page.getByTestId('user-role')).toHaveText('read only');
  const notice = await page.getByTestId('viewer-notice').boundingBox();
  const verdict = await page.getByTestId('verdict').boundingBox();
  expect(notice!.y).toBeLessThan(verdict!.y);
});

test('a 403 from OCP on launch is shown as such', async ({ page, request }) => {
  await openTenantAction(page, 'sales_dr', 'Failover…');
  await armFault(request, {
    path: '/api/v2/ob/clusters/3000012/tenants/2000031/failover', method: 'POST', status: 403, code: 30014,
    message: 'You are not authorized to perform the corresponding operation. Contact the administrator.',
  });
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByLabel('Type sales_dr to confirm').fill('sales_dr');
  await dialog.getByTestId('confirm-launch').click();
  await expect(dialog.getByTestId('failure')).toContainText('Your account is not permitted to do this (HTTP 403).');
  await expect(dialog.getByTestId('failure')).toContainText('30014');
  await expect(dialog).toContainText('Launching needs the operator role.');
  expect(await posts(request, '/tenants/2000031/failover')).toBe(1);
});

test('a launch whose reply is lost is reported as unknown and not repeated', async ({ page, request }) => {
  await openTenantAction(page, 'sales_dr', 'Failover…');
  await page.route('**/tenants/2000031/failover', (route) => route.abort('connectionreset'));
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByLabel('Type sales_dr to confirm').fill('sales_dr');
  await dialog.getByTestId('confirm-launch').click();
  await expect(dialog.getByTestId('outcome-unknown')).toContainText('The outcome is unknown');
  await expect(dialog.getByTestId('confirm-launch')).toBeDisabled();
  await dialog.getByRole('link', { name: 'Check the task list' }).click();
  await expect(page).toHaveURL(/\/tasks\?clusterId=3000012&tenantId=2000031$/);
  await expect(page.getByTestId('tasks-filter')).toHaveText('Tasks of tenant sales_dr in cluster OB424_B');
  // One click back to every task.
  await page.getByTestId('clear-filter').click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId('tasks-filter')).toHaveCount(0);
  await expect(page.getByTestId('task-row').first()).toBeVisible();
});

test('batch: a selection hidden by a filter is not counted or launched, and the page says so', async ({ page, request }) => {
  await openConsole(page, '/clusters/3000012/batch-failover');
  await signIn(page);
  await expect(page.getByTestId('batch-row')).toHaveCount(4);
  await page.getByTestId('select-passing').click();
  await expect(page.getByTestId('launch')).toHaveText('Fail over 3 selected tenants…');
  await page.getByTestId('filter-code').selectOption('OBE26120');
  await expect(page.getByTestId('launch')).toHaveText('Fail over 1 selected tenants…');
  await expect(page.getByTestId('hidden-selected')).toContainText('2 selected tenant(s) are hidden by the filter');
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('consequence')).toContainText('billing_dr');
  await expect(dialog.getByTestId('consequence')).not.toContainText('sales_dr');
  await dialog.getByLabel('Type OB424_B to confirm').fill('OB424_B');
  await dialog.getByLabel(/I accept: billing_dr/).check();
  await dialog.getByTestId('confirm-launch').click();
  await expect(page.getByTestId('launched')).toContainText('1 tasks started');
  const batch = (await journal(request)).filter((e: any) => e.method === 'POST' && e.path.endsWith('/tenants/failover'));
  expect(batch.length).toBe(1);
});

test('breadcrumbs on the tenant precheck name cluster and tenant, and link back to the cluster', async ({ page }) => {
  await openTenantAction(page, 'sales_dr', 'Failover…');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Clusters', 'OB424_B', 'sales_dr', 'Failover precheck']);
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Failover precheck');
  await crumbs.getByRole('link', { name: 'OB424_B' }).click();
  await expect(page).toHaveURL(/\/clusters\/3000012$/);
  await expect(page.getByTestId('tenant-row')).toHaveCount(4);
  // The cluster pages below a cluster say where they are too, in the page's language.
  await page.goto('/clusters/3000012/batch-failover');
  await expect(crumbs.getByRole('listitem')).toHaveText(['Clusters', 'OB424_B', 'Batch failover']);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('navigation', { name: '当前位置' }).getByRole('listitem')).toHaveText(['集群', 'OB424_B', '批量容灾切换']);
});

test('the verdict says when it was obtained, and a re-run renews it', async ({ page }) => {
  const before = Date.now();
  await openTenantAction(page, 'sales_dr', 'Failover…');
  const checked = page.getByTestId('checked-at');
  // The e2e browser runs in UTC: the zone is named.
  await expect(checked).toHaveText(/^Checked \d\d:\d\d:\d\d today \(UTC\) · just now$/);
  const first = Date.parse((await checked.locator('time').getAttribute('datetime'))!);
  expect(first).toBeGreaterThanOrEqual(before - 1000);
  expect(first).toBeLessThanOrEqual(Date.now());
  await page.waitForTimeout(1100);
  await page.getByTestId('rerun').click();
  await expect(page.getByTestId('precheck-running')).toHaveCount(0);
  await expect
    .poll(async () => Date.parse((await checked.locator('time').getAttribute('datetime'))!))
    .toBeGreaterThan(first);
  // The cluster and batch prechecks say it too.
  await page.goto('/clusters/6/dr/failover');
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect(checked).toContainText('Checked');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem')).toHaveText(['Clusters', 'ob3x_standby', 'Cluster failover']);
  await page.goto('/clusters/3000012/batch-failover');
  await expect(page.getByTestId('batch-row').first()).toBeVisible();
  await expect(checked).toHaveText(/^Checked \d\d:\d\d:\d\d today \(UTC\) · just now$/);
});

test('the age of a verdict is kept current while the page stays open', async ({ page }) => {
  // The page's own clock, moved on: the ticker refreshes the age without a new precheck.
  await page.clock.install();
  await openTenantAction(page, 'sales_dr', 'Failover…');
  const checked = page.getByTestId('checked-at');
  await expect(checked).toContainText('· just now');
  const at = await checked.locator('time').getAttribute('datetime');
  await page.clock.fastForward('03:05');
  await expect(checked).toContainText('· 3 min ago');
  await expect(checked.locator('time')).toHaveAttribute('datetime', at!);
});

test('a viewer reads why launching is unavailable at the top of every page that launches', async ({ page, request }) => {
  const task = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openConsole(page, '/clusters/3000012/tenants/2000031/failover');
  await signIn(page, 'viewer');
  const notice = page.getByTestId('viewer-notice');
  const pages: [string, string][] = [
    ['/clusters/3000012/tenants/2000031/failover', '[data-testid="launch"]'],
    ['/clusters/6/dr/failover', '[data-testid="launch"]'],
    ['/clusters/3000012/batch-failover', '[data-testid="launch"]'],
    [`/tasks/${task}`, '.view-switch'],
    ['/components', '#component-ids'],
  ];
  for (const [to, action] of pages) {
    await page.goto(to);
    await expect(notice, to).toHaveText('Launching needs the operator role. You are signed in as viewer, who may only read.');
    await expect(page.getByTestId('user-role'), to).toHaveText('read only');
    const n = await notice.boundingBox();
    const a = await page.locator(action).first().boundingBox();
    expect(n!.y, `${to}: the notice comes before ${action}`).toBeLessThan(a!.y);
  }
});

test("lag is measured at OCP's time: with the browser's clock an hour fast, standbys read as far behind as OCP says", async ({ page }) => {
  // The console learns OCP's clock from each reply's envelope timestamp; measured by the
  // browser's clock instead, billing_dr would read an hour and more behind.
  await page.clock.install({ time: Date.now() + 3_600_000 });
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  await expect(page.getByTestId('tenant-row').filter({ hasText: 'billing_dr' })).toContainText('45 s behind');
  await page.getByTestId('tenant-row').filter({ hasText: 'sales_dr' }).first().getByRole('link', { name: 'Failover…' }).click();
  await expect(page.locator('.facts')).toContainText('2 s behind');
});
