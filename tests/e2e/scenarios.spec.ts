// Issue 14: the ready scenarios (mock-server/scenarios/), each in a mock of its own started with
// `--scenario NAME`, as the operator sees them.
import { test, expect, Page, APIRequestContext } from '@playwright/test';
import { openConsole, signIn, noCrash } from './helpers';
import { startScenario, ScenarioMock } from './scenario';

test.afterEach(async ({ page }) => noCrash(page));

/// Runs the describe block's tests against a mock started in `name`, reset before each test.
function inScenario(name: string): () => ScenarioMock {
  let mock: ScenarioMock | undefined;
  test.beforeAll(async () => {
    mock = await startScenario(name);
  });
  test.afterAll(async () => {
    await mock?.stop();
  });
  test.beforeEach(async ({ request }) => {
    const r = await request.post(`${mock!.url}/__admin/reset`);
    expect(r.ok()).toBeTruthy();
  });
  return () => mock!;
}

async function open(page: Page, mock: ScenarioMock, path: string) {
  await openConsole(page, `${mock.url}${path}`);
  await signIn(page);
}

async function journal(request: APIRequestContext, mock: ScenarioMock): Promise<{ method: string; path: string; status: number }[]> {
  const r = await request.get(`${mock.url}/__admin/journal`);
  expect(r.ok()).toBeTruthy();
  return (await r.json()).entries;
}

const tenant = (page: Page, name: string) => page.getByTestId('tenant-row').filter({ hasText: name });

test.describe('region outage', () => {
  const mock = inScenario('region-outage');

  test('the primaries show unavailable, their standbys lag differently, and failover is allowed', async ({ page }) => {
    await open(page, mock(), '/clusters');
    const rows = page.getByTestId('cluster-row');
    await expect(rows).toHaveCount(4);
    const row = (name: string) => rows.filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row('east_core')).toContainText('Unavailable');
    await expect(row('east_ledger')).toContainText('Unavailable');
    const standby = row('west_core_dr');
    await expect(standby).toContainText('standby of east_core');
    await expect(standby).toContainText('Running');
    // The outage is a region's: the dead primaries in one, their standbys in the other.
    await expect(row('east_core').getByTestId('cluster-regions')).toHaveText('cn-shanghai');
    await expect(standby.getByTestId('cluster-regions')).toHaveText('cn-chengdu');

    await page.goto(`${mock().url}/clusters/4000001`);
    await expect(page.getByTestId('tenant-row')).toHaveCount(3);
    for (const name of ['orders', 'payments', 'catalog']) await expect(tenant(page, name)).toContainText('Unavailable');

    await page.goto(`${mock().url}/clusters/4000011`);
    await expect(page.getByTestId('tenant-row')).toHaveCount(3);
    await expect(tenant(page, 'orders_dr')).toContainText(/\D[34] s behind/);
    await expect(tenant(page, 'payments_dr')).toContainText(/1 m 3[56] s behind/);
    await expect(tenant(page, 'catalog_dr')).toContainText(/21 m( 1 s)? behind/);

    // No primary answers, so nothing blocks a failover of the closest standby.
    await tenant(page, 'orders_dr').getByRole('link', { name: 'Failover…' }).click();
    await expect(page.getByTestId('verdict')).toContainText('Can fail over');
    await expect(page.getByTestId('count-blocking')).toHaveText('0 blocking');

    await page.goto(`${mock().url}/clusters/4000012`);
    await expect(tenant(page, 'ledger_dr')).toContainText('unknown');
  });
});

test.describe('lagging standby', () => {
  const mock = inScenario('lagging-standby');

  test('one standby shows minutes behind while the others are within seconds', async ({ page }) => {
    await open(page, mock(), '/clusters/5000002');
    await expect(page.getByTestId('tenant-row')).toHaveCount(3);
    await expect(tenant(page, 'report_dr')).toContainText(/9 m( 1 s)? behind/);
    await expect(tenant(page, 'trade_dr')).toContainText(/\D[12] s behind/);
    await expect(tenant(page, 'risk_dr')).toContainText(/\D[23] s behind/);
    // Its precheck warns about the lag before a switchover.
    await tenant(page, 'report_dr').getByRole('link', { name: 'Switchover…' }).click();
    await expect(page.getByTestId('verdict')).toBeVisible();
    await expect(page.getByTestId('warnings')).toContainText('OBE26120');
    await expect(page.getByTestId('warnings')).toContainText('540 s behind');
  });
});

test.describe('flaky network', () => {
  const mock = inScenario('flaky-network');

  test('the console loads the clusters through the seeded failures and slow replies', async ({ page, request }) => {
    await open(page, mock(), '/clusters');
    await expect(page.getByTestId('cluster-row')).toHaveCount(8);
    await page.getByRole('link', { name: 'OB424_B', exact: true }).click();
    await expect(page.getByTestId('tenant-row')).toHaveCount(4);
    await page.goBack();
    await expect(page.getByTestId('cluster-row')).toHaveCount(8);
    await expect(page.getByTestId('failure')).toHaveCount(0);
    // The failures were real: the journal holds injected 503s that reads retried past.
    const entries = (await journal(request, mock())).filter((e) => e.path.startsWith('/api/'));
    const failed = entries.filter((e) => e.status === 503);
    expect(failed.length, JSON.stringify(entries)).toBeGreaterThan(0);
    for (const f of failed) {
      const later = entries.slice(entries.indexOf(f) + 1);
      expect(later.some((e) => e.method === f.method && e.path === f.path && e.status === 200), `${f.path} was retried`).toBeTruthy();
    }
  });
});

test.describe('big task', () => {
  const mock = inScenario('big-task');

  test('the 2,000-step failover opens from the task list, its graph culled and its table complete', async ({ page }) => {
    await open(page, mock(), '/tasks');
    const row = page.getByTestId('task-row').filter({ hasText: 'Failover of standby cluster OB424_B (2,000 steps)' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('/2000');
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Failover of standby cluster OB424_B (2,000 steps)');
    await expect(page.locator('g.node').first()).toBeVisible();
    const drawn = await page.locator('g.node').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(400);
    await page.getByTestId('view-table').click();
    await expect(page.getByTestId('subtask-row')).toHaveCount(2000);
  });
});

test.describe('drill history', () => {
  const mock = inScenario('drill-history');

  test('a year of drills in the task list, and the objectives the scenario serves in config.json', async ({ page, request }) => {
    // The scenario's keys over the built config.json: its objectives, the build's other keys.
    const config = await (await request.get(`${mock().url}/config.json`)).json();
    expect(config.objectives.map((o: { match: string }) => o.match)).toEqual(['pay*', 'trade_dr', 'ledger_dr', '*']);
    expect(config.apiBaseUrl).toBe('');
    const list = await (await request.get(`${mock().url}/api/v2/tasks/instances?size=1`, { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } })).json();
    expect(list.data.page.totalElements).toBe(1000);

    // The console reads them: each standby is held to the first objective its names match.
    await open(page, mock(), '/readiness');
    const row = (name: string) =>
      page.getByTestId('readiness-row').filter({ has: page.getByRole('rowheader').getByText(name, { exact: true }) });
    await expect(row('pay_dr').getByTestId('rpo-objective')).toHaveText('RPO objective 10 s: met');
    // risk_dr and report_dr by their cluster's name (trade_dr), billing_dr by ledger_dr's.
    await expect(row('risk_dr').getByTestId('rpo-objective')).toHaveText('RPO objective 30 s: met');
    await expect(row('billing_dr').getByTestId('rpo-objective')).toHaveText('RPO objective 30 s: met');
    await expect(row('report_dr').getByTestId('rpo-objective')).toHaveText('RPO 30 s exceeded: 9 m behind');
    await expect(row('report_dr')).toHaveAttribute('data-ready', 'false');
  });
});
