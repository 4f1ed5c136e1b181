// Issue 6: the fault matrix (each main page under each fault: a specific message, what was shown
// stays, reads retried, recovery on its own once the fault is cleared), lost writes, and a
// session that ends mid-work.
import { test, expect, Page, APIRequestContext, Locator } from '@playwright/test';
import { armFault, clearFaults, clock, journal, launch, openConsole, posts, resetMock, signIn, Fault, noCrash } from './helpers';

// Short timeouts so a hang is noticed quickly: the console reads config.json at start-up.
async function fastConfig(page: Page) {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ apiBaseUrl: '', requestTimeoutMs: 2000, readAttempts: 2 }) }));
}

interface PageCase {
  name: string;
  /// Opens the page with its content shown; returns the API path prefix its reads use.
  open: (page: Page, request: APIRequestContext) => Promise<string>;
  /// Prechecks read through a POST without side effects.
  method?: string;
  content: (page: Page) => Locator;
  /// Makes the page read again (a refresh, a re-run); nothing for pages that poll by themselves.
  reread?: (page: Page) => Promise<void>;
}

test.afterEach(async ({ page }) => noCrash(page));

const pages: PageCase[] = [
  {
    name: 'clusters',
    open: async (page) => {
      await openConsole(page, '/clusters');
      await signIn(page);
      await expect(page.getByTestId('cluster-row')).toHaveCount(8);
      return '/api/v2/ob/clusters';
    },
    content: (page) => page.getByTestId('cluster-row').first(),
    reread: (page) => page.getByTestId('refresh').click(),
  },
  {
    name: 'tenant precheck',
    open: async (page) => {
      await openConsole(page, '/clusters/3000012/tenants/2000031/failover');
      await signIn(page);
      await expect(page.getByTestId('verdict')).toContainText('Can fail over');
      return '/api/v2/ob/clusters/3000012/tenants/2000031/failoverPreCheck';
    },
    content: (page) => page.getByTestId('verdict'),
    method: 'POST',
    reread: (page) => page.getByTestId('rerun').click(),
  },
  {
    name: 'batch precheck',
    open: async (page) => {
      await openConsole(page, '/clusters/3000012/batch-failover');
      await signIn(page);
      await expect(page.getByTestId('batch-row')).toHaveCount(4);
      return '/api/v2/ob/clusters/3000012/tenants/failoverPreCheck';
    },
    content: (page) => page.getByTestId('batch-row').first(),
    method: 'POST',
    reread: (page) => page.getByTestId('rerun').click(),
  },
  {
    name: 'task graph',
    open: async (page, request) => {
      await clock(request, { paused: true });
      const id = await launch(request, '/api/v2/ob/clusters/6/failover');
      await openConsole(page, `/tasks/${id}`);
      await signIn(page);
      await expect(page.locator('g.node')).toHaveCount(9);
      return `/api/v2/tasks/instances/${id}`;
    },
    content: (page) => page.locator('g.node').first(),
  },
  {
    name: 'GFC precheck',
    open: async (page, request) => {
      await clock(request, { paused: true });
      await openConsole(page, '/components');
      await signIn(page);
      await page.getByLabel('Component ids').fill('7922');
      await page.getByRole('button', { name: 'Find components' }).click();
      await page.getByLabel('Reason').fill('matrix');
      await page.getByTestId('run-checks').click();
      await expect(page.getByTestId('check-grid')).toContainText('Pending');
      return '/gfc/failover/getPreCheckStatus';
    },
    content: (page) => page.getByTestId('check-grid'),
  },
];

const faults: { name: string; fault: Fault; says: RegExp }[] = [
  { name: 'HTTP 500', fault: { status: 500, code: 10010, message: 'An unknown error has occurred.' }, says: /HTTP 500/ },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, says: /reply could not be read/ },
  { name: 'truncated body', fault: { kind: 'truncated' }, says: /reply could not be read/ },
  { name: 'connection reset', fault: { kind: 'reset' }, says: /Cannot reach the server/ },
  { name: 'hang', fault: { kind: 'hang' }, says: /did not answer within 2 s/ },
];

for (const p of pages) {
  for (const f of faults) {
    test(`${p.name} under ${f.name}: says so, keeps what it showed, recovers by itself`, async ({ page, request }) => {
      await resetMock(request);
      await fastConfig(page);
      const path = await p.open(page, request);
      await armFault(request, { ...f.fault, path, method: p.method ?? 'GET' });
      if (p.reread) await p.reread(page);
      await expect(page.getByTestId('failure').first()).toContainText(f.says, { timeout: 20_000 });
      await expect(p.content(page)).toBeVisible();
      await clearFaults(request);
      await expect(page.getByTestId('failure')).toHaveCount(0, { timeout: 40_000 });
      await expect(p.content(page)).toBeVisible();
    });
  }
}

test('a launch whose reply is lost is not repeated; the task list shows it started', async ({ page, request }) => {
  await resetMock(request);
  await openConsole(page, '/clusters/3000012/tenants/2000031/failover');
  await signIn(page);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await armFault(request, { path: '/api/v2/ob/clusters/3000012/tenants/2000031/failover', method: 'POST', kind: 'reset' });
  await page.getByTestId('launch').click();
  await page.getByLabel('Type sales_dr to confirm').fill('sales_dr');
  await page.getByTestId('confirm-launch').click();
  await expect(page.getByTestId('outcome-unknown')).toContainText('The outcome is unknown');
  await page.waitForTimeout(1500);
  expect(await posts(request, '/tenants/2000031/failover')).toBe(1);
  await page.getByRole('link', { name: 'Check the task list' }).click();
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(page.getByTestId('task-row')).toContainText('Failover tenant');
});

test('a task intervention whose reply times out is reported as unknown and not resent', async ({ page, request }) => {
  await resetMock(request);
  await fastConfig(page);
  await clock(request, { paused: true });
  await request.post('/__admin/task-faults', { data: { subtaskName: 'Failover to Primary', kind: 'fail' } });
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await clock(request, { advanceSeconds: 60 });
  await expect(page.getByTestId('task-status')).toContainText('Failed');
  await armFault(request, { path: `/api/v2/tasks/instances/${id}/retry`, method: 'POST', kind: 'hang' });
  await page.getByTestId('act-retry-task').click();
  await page.getByTestId('confirm-intervention').click();
  await expect(page.getByTestId('outcome-unknown')).toBeVisible({ timeout: 10_000 });
  expect(await posts(request, `/instances/${id}/retry`)).toBe(1);
  // The retry did take effect on the server: the graph shows it.
  await clock(request, { advanceSeconds: 60 });
  await expect(page.getByTestId('task-status')).toContainText('Successful', { timeout: 20_000 });
});

test('a 401 mid-work opens sign-in over the page; nothing typed is lost', async ({ page, request }) => {
  await resetMock(request);
  await openConsole(page, '/components');
  await signIn(page);
  await page.getByLabel('Reason').fill('half-typed reason');
  await page.getByLabel('Component ids').fill('7922');
  await armFault(request, { path: '/gfc/failover/searchByComponentIds', status: 401, code: 0, message: 'Session expired', times: 1 });
  await page.getByRole('button', { name: 'Find components' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Your session has ended');
  await expect(dialog.getByLabel('Username')).toHaveValue('admin');
  await dialog.getByLabel('Password').fill('admin');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\/components$/);
  await expect(page.getByLabel('Reason')).toHaveValue('half-typed reason');
  await page.getByRole('button', { name: 'Find components' }).click();
  await expect(page.getByTestId('component-row')).toHaveCount(1);
});

test('a 403 names what is not permitted and the role needed', async ({ page, request }) => {
  await resetMock(request);
  await openConsole(page, '/clusters/3000012/tenants/2000031/failover');
  await signIn(page, 'viewer');
  await expect(page.getByTestId('viewer-notice')).toContainText('Launching needs the operator role');
  // The server agrees when asked directly.
  const r = await request.post('/api/v2/ob/clusters/3000012/tenants/2000031/failover', {
    headers: { Authorization: 'Basic ' + Buffer.from('viewer:viewer').toString('base64') },
  });
  expect(r.status()).toBe(403);
  expect((await r.json()).error.code).toBe(30014);
  expect((await journal(request)).filter((e) => e.method === 'POST' && e.status === 200).length).toBe(0);
});
