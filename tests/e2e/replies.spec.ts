// Issue 10: replies shaped like those of other OCP installations, replayed by the mock from
// stub files (tests/e2e/replies/*.json, the format `mock-server --stubs` reads), through the
// real pages. Each test asserts what the operator sees: the verdict, "—" for an unreadable
// field, the failure in words; never "Can fail over" on a reply that does not prove it.
import { test, expect, Page, APIRequestContext } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { apiGet, clock, journal, launch, noCrash, openConsole, resetMock, signIn, taskFault } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

/// Loads a recorded reply and installs it; `rewrite` adjusts the stub (e.g. a real task id).
async function replay(request: APIRequestContext, name: string, rewrite?: (stub: any) => void): Promise<string> {
  const stub = JSON.parse(fs.readFileSync(path.join(__dirname, 'replies', `${name}.json`), 'utf8'));
  rewrite?.(stub);
  const r = await request.post('/__admin/stubs', { data: stub });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()).id;
}

async function stubHits(request: APIRequestContext, id: string): Promise<number> {
  return (await journal(request)).filter((e: any) => e.stub === id).length;
}

async function tenantPrecheck(page: Page, action: 'failover' | 'switchover' = 'failover') {
  await openConsole(page, `/clusters/3000012/tenants/2000031/${action}`);
  await signIn(page);
}

const NO_RESULTS = 'OCP returned no check results';

test('"data": {} is No verdict, launch disabled, run again offered', async ({ page, request }) => {
  const id = await replay(request, '01-tenant-precheck-data-empty');
  await tenantPrecheck(page);
  await expect(page.getByTestId('verdict')).toContainText('No verdict');
  await expect(page.getByTestId('verdict')).not.toContainText('Can fail over');
  await expect(page.getByTestId('no-verdict')).toContainText(NO_RESULTS);
  await expect(page.getByText('Every check passed.')).toHaveCount(0);
  await expect(page.getByTestId('launch')).toBeDisabled();
  await page.getByTestId('rerun').click();
  await expect.poll(() => stubHits(request, id)).toBe(2);
  await expect(page.getByTestId('verdict')).toContainText('No verdict');
});

test('an empty result list without "valid" is No verdict', async ({ page, request }) => {
  await replay(request, '02-tenant-precheck-empty-list-no-valid');
  await tenantPrecheck(page);
  await expect(page.getByTestId('verdict')).toContainText('No verdict');
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('an SCN sent as "" costs only that field: "—" with the raw value', async ({ page, request }) => {
  await replay(request, '03-tenant-precheck-scn-empty-string');
  await tenantPrecheck(page);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  const scn = page.locator('.facts').getByTestId('unreadable');
  await expect(scn).toHaveText('—');
  await expect(scn).toHaveAttribute('title', 'OCP sent a value that could not be read: ""');
  await expect(page.locator('.facts')).toContainText('SERVICE_SALES');
  await expect(page.getByTestId('launch')).toBeEnabled();
});

test('a warning with neither code nor message is named and must be accepted', async ({ page, request }) => {
  await replay(request, '04-tenant-precheck-unnamed-warning');
  await tenantPrecheck(page);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await expect(page.getByTestId('warnings')).toContainText('Unnamed check (OCP sent no code or message)');
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Unnamed check (OCP sent no code or message)');
  await dialog.getByLabel('Type sales_dr to confirm').fill('sales_dr');
  await expect(dialog.getByTestId('confirm-launch')).toBeDisabled();
});

test('a null check result blocks and is shown, not dropped', async ({ page, request }) => {
  await replay(request, '05-tenant-precheck-null-result');
  await tenantPrecheck(page);
  await expect(page.getByTestId('verdict')).toContainText('Blocked');
  await expect(page.getByTestId('blocking')).toContainText('Unreadable check result; OCP sent: null');
  // "warning": "true" as a string still reads as a warning.
  await expect(page.getByTestId('warnings')).toContainText('OBE26120');
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('a reply starting with a UTF-8 BOM is read', async ({ page, request }) => {
  await replay(request, '06-tenant-precheck-bom');
  await tenantPrecheck(page);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
});

test('a switchover whose second standby fails is blocked, naming that standby', async ({ page, request }) => {
  await replay(request, '07-switchover-second-standby-fails');
  await tenantPrecheck(page, 'switchover');
  await expect(page.getByTestId('verdict')).toContainText('Blocked');
  await expect(page.getByTestId('blocked-standbys')).toContainText('sales_dr2');
  await expect(page.getByTestId('blocking')).toContainText('[sales_dr2] The standby tenant is RESTORING');
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('a batch precheck with no tenant is No verdict', async ({ page, request }) => {
  await replay(request, '08-batch-precheck-empty');
  await openConsole(page, '/clusters/3000012/batch-failover');
  await signIn(page);
  await expect(page.getByTestId('verdict')).toContainText('No verdict');
  await expect(page.getByTestId('no-verdict')).toContainText('no check results');
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('batch rows: a null row stays visible and blocked, a row without "valid" has no verdict', async ({ page, request }) => {
  const id = await replay(request, '09-batch-precheck-odd-rows');
  await openConsole(page, '/clusters/3000012/batch-failover');
  await signIn(page);
  const rows = page.getByTestId('batch-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'sales_dr' })).toContainText('Passed');
  const billing = rows.filter({ hasText: 'billing_dr' });
  await expect(billing).toContainText('No verdict');
  await expect(billing.getByRole('checkbox')).toBeDisabled();
  const unreadable = rows.filter({ has: page.getByTestId('unreadable') });
  await expect(unreadable).toContainText('Blocked');
  await expect(unreadable.getByRole('checkbox')).toBeDisabled();
  await page.getByTestId('select-passing').click();
  await expect(page.getByTestId('launch')).toContainText('1');
  await billing.getByTestId('row-rerun').click();
  await expect.poll(() => stubHits(request, id)).toBe(2);
});

test('a cluster precheck without a result is No verdict', async ({ page, request }) => {
  await replay(request, '10-cluster-precheck-no-result');
  await openConsole(page, '/clusters/3000012/dr/failover');
  await signIn(page);
  await expect(page.getByTestId('verdict')).toContainText('No verdict');
  await expect(page.getByTestId('no-verdict')).toContainText(NO_RESULTS);
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('"contents": null is an empty list, not an error', async ({ page, request }) => {
  await replay(request, '11-cluster-list-null-contents');
  await openConsole(page, '/clusters');
  await signIn(page);
  await expect(page.locator('.empty')).toBeVisible();
  await expect(page.getByTestId('failure')).toHaveCount(0);
});

test('cluster list: odd fields cost only themselves, an unknown status is shown raw and marked', async ({ page, request }) => {
  await replay(request, '12-cluster-list-odd-fields');
  await openConsole(page, '/clusters');
  await signIn(page);
  const rows = page.getByTestId('cluster-row');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('rows-unreadable')).toContainText('1 item(s)');
  // (OB424_B's row names OB424_A as its primary: pick the row by its own link.)
  const a = rows.filter({ has: page.getByRole('link', { name: 'OB424_A', exact: true }) });
  await expect(a.getByTestId('unrecognised')).toContainText('3 (unrecognised)');
  await expect(a.getByTestId('unreadable')).toHaveAttribute('title', /"many"/);
  await expect(a).toContainText('424');
  await expect(rows.filter({ has: page.getByRole('link', { name: 'OB424_B', exact: true }) }).getByTestId('unrecognised')).toContainText('HIBERNATING');
  // The id sent as a string still links.
  await expect(a.getByRole('link', { name: 'OB424_A' })).toHaveAttribute('href', '/clusters/3000009');
});

test('tenant list: an unreadable SCN is "—", never a made-up lag', async ({ page, request }) => {
  await replay(request, '13-tenants-odd-fields');
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  const sales = page.getByTestId('tenant-row').filter({ hasText: 'sales_dr' });
  await expect(sales.getByTestId('unreadable')).toHaveAttribute('title', /""/);
  const billing = page.getByTestId('tenant-row').filter({ hasText: 'billing_dr' });
  await expect(billing.getByTestId('unrecognised')).toContainText('7');
  await expect(billing.getByTestId('unreadable')).toHaveAttribute('title', /"scn":1/);
});

test("a proxy's HTML 502 page names the status, the type and its first line", async ({ page, request }) => {
  await replay(request, '14-proxy-502-html');
  await openConsole(page, '/clusters');
  await signIn(page);
  await expect(page.getByTestId('failure')).toContainText('HTTP 502, text/html instead of JSON: “502 Bad Gateway”', { timeout: 20_000 });
});

test('a sign-in page answering 200 is not read as a verdict', async ({ page, request }) => {
  await replay(request, '15-login-page-200');
  await tenantPrecheck(page);
  await expect(page.getByTestId('failure')).toContainText('“Company SSO: please sign in”', { timeout: 20_000 });
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('HTTP 200 with "successful": false is a failure with OCP\'s code, message and trace id', async ({ page, request }) => {
  await replay(request, '16-successful-false-at-200');
  await tenantPrecheck(page);
  const failure = page.getByTestId('failure');
  await expect(failure).toContainText('10010');
  await expect(failure).toContainText('租户 sales_dr 的主租户信息不存在');
  await expect(failure).toContainText('0bc49000675d41af');
  await expect(page.getByTestId('verdict')).toHaveCount(0);
});

test('a task with objects for ids, epoch times and an unknown status still opens', async ({ page, request }) => {
  await replay(request, '17-task-odd-fields');
  await replay(request, '19-log-null');
  await openConsole(page, '/tasks/171603');
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Failover OB cluster');
  await expect(page.locator('g.node')).toHaveCount(2);
  await expect(page.locator('body')).toContainText('#7');
  // clusterId arrived as {id, name}: the task still knows its cluster.
  await expect(page.locator('a[href*="clusterId=3000012"]').first()).toBeVisible();
  await page.getByTestId('view-table').click();
  const row = page.getByTestId('subtask-row').filter({ hasText: 'Remove standby cluster' });
  await expect(row.getByTestId('subtask-status')).toContainText('5 (unrecognised)');
  // No action is offered on a status the console cannot read.
  await row.getByRole('button', { name: 'Remove standby cluster' }).click();
  await expect(page.getByTestId('act-retry')).toHaveCount(0);
  await expect(page.getByTestId('act-skip')).toHaveCount(0);
  await expect(page.getByTestId('act-cancel')).toHaveCount(0);
});

test('an empty 204 answering a skip is success, not "outcome unknown"', async ({ page, request }) => {
  await clock(request, { paused: true });
  await taskFault(request, 'Sync all cluster info', 'fail');
  const task = await launch(request, '/api/v2/ob/clusters/6/failover');
  await clock(request, { advanceSeconds: 30 });
  const t = await apiGet(request, `/api/v2/tasks/instances/${task}`);
  const sub = t.subtasks.find((s: any) => s.name === 'Sync all cluster info');
  expect(sub.status).toBe('FAILED');
  const id = await replay(request, '18-skip-answers-204', (s) => {
    s.request.path = `/api/v2/tasks/instances/${task}/subtasks/${sub.id}/skip`;
  });
  await openConsole(page, `/tasks/${task}`);
  await signIn(page);
  await page.locator('g.node[data-name="Sync all cluster info"]').click();
  await page.getByTestId('act-skip').click();
  await page.getByTestId('confirm-intervention').click();
  await expect(page.getByTestId('intervention')).toHaveCount(0);
  await expect(page.getByText('The outcome is unknown')).toHaveCount(0);
  expect(await stubHits(request, id)).toBe(1);
});

test('GFC: an unreadable or unknown check status is shown and never lets the launch through', async ({ page, request }) => {
  await clock(request, { paused: true });
  await replay(request, '20-gfc-check-status-odd');
  await openConsole(page, '/components');
  await signIn(page);
  await page.getByLabel('Component ids').fill('7922 7923');
  await page.getByRole('button', { name: 'Find components' }).click();
  await expect(page.getByTestId('component-row')).toHaveCount(2);
  await page.getByLabel('Reason').fill('replayed reply');
  await page.getByLabel('ticket 7922').fill('CHG1');
  await page.getByLabel('ticket 7923').fill('CHG2');
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  await page.getByLabel('Estimated failback time').fill(`${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T10:30`);
  await page.getByTestId('run-checks').click();
  const cell = (component: string, check: string) =>
    page.getByTestId('check-row').filter({ hasText: `(${component})` }).locator(`td[data-check="${check}"]`);
  await expect(cell('7922', 'VIP')).toContainText('Pass');
  await expect(cell('7923', 'VIP')).toContainText('Unknown');
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('a task whose graph cannot be drawn lists its steps, the failed first, with their actions', async ({ page, request }) => {
  await clock(request, { paused: true });
  await taskFault(request, 'Sync all cluster info', 'fail');
  const task = await launch(request, '/api/v2/ob/clusters/6/failover');
  await clock(request, { advanceSeconds: 30 });
  const body = { successful: true, data: await apiGet(request, `/api/v2/tasks/instances/${task}`) };
  const failed = body.data.subtasks.find((s: any) => s.status === 'FAILED');
  expect(failed.name).toBe('Sync all cluster info');
  // Another OCP's reply: a null among one step's upstreams.
  const last = body.data.subtasks[body.data.subtasks.length - 1];
  last.upstreams = [null];
  const stub = await request.post('/__admin/stubs', {
    data: { request: { method: 'GET', path: `/api/v2/tasks/instances/${task}` }, response: { status: 200, body: body } },
  });
  expect(stub.status(), await stub.text()).toBe(201);

  await openConsole(page, `/tasks/${task}`);
  await signIn(page);
  // The message names the field that made the graph impossible.
  await expect(page.getByTestId('graph-error')).toContainText(`subtask ${last.id}: \`upstreams\` holds null`);
  const steps = page.getByTestId('undrawable-step');
  await expect(steps).toHaveCount(body.data.subtasks.length);
  await expect(steps.first()).toHaveAttribute('data-status', 'failed');
  await expect(steps.first()).toContainText('Sync all cluster info');
  await expect(page.getByTestId('graph')).toBeHidden();
  // Its actions work as on the graph: a preview that says what cannot be shown, one send.
  await steps.first().getByTestId('act-retry').click();
  await expect(page.getByTestId('intervention')).toContainText('which steps run after it cannot be shown');
  await page.getByTestId('confirm-intervention').click();
  await expect(page.getByTestId('intervention')).toHaveCount(0);
  const retries = (await journal(request)).filter((e) => e.method === 'POST' && e.path === `/api/v2/tasks/instances/${task}/subtasks/${failed.id}/retry`);
  expect(retries).toHaveLength(1);
});
