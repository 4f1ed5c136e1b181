// Issue 15, item 1: the readiness board, against a mock of its own (scenarios/readiness.json):
// primary tenant sales with two standbys that can fail over, sales_dr_a 10 s behind and
// sales_dr_b 40 s; hr_dr and both standby clusters blocked (their primaries still answer).
import { test, expect, Page, APIRequestContext, Locator } from '@playwright/test';
import { openConsole, signIn, noCrash } from './helpers';
import { startScenario, ScenarioMock } from './scenario';

let mock: ScenarioMock | undefined;
test.beforeAll(async () => {
  mock = await startScenario('scenarios/readiness.json');
});
test.afterAll(async () => {
  await mock?.stop();
});
test.beforeEach(async ({ request }) => {
  const r = await request.post(`${url()}/__admin/reset`);
  expect(r.ok()).toBeTruthy();
});
test.afterEach(async ({ page }) => noCrash(page));

const url = () => mock!.url;
const PRECHECK = /failoverPreCheck$/;

async function admin(request: APIRequestContext, path: string, data: object) {
  const r = await request.post(`${url()}/__admin/${path}`, { data });
  expect(r.ok(), await r.text()).toBeTruthy();
}

async function prechecksSent(request: APIRequestContext): Promise<number> {
  const r = await request.get(`${url()}/__admin/journal`);
  const entries: { method: string; path: string }[] = (await r.json()).entries;
  return entries.filter((e) => e.method === 'POST' && PRECHECK.test(e.path)).length;
}

async function journalPrechecks(request: APIRequestContext): Promise<string[]> {
  const r = await request.get(`${url()}/__admin/journal`);
  const entries: { method: string; path: string }[] = (await r.json()).entries;
  return entries.filter((e) => e.method === 'POST' && PRECHECK.test(e.path)).map((e) => e.path);
}

/** The console's config.json with `extra` over the defaults. */
function config(extra: object) {
  return { apiBaseUrl: '', requestTimeoutMs: 15000, readAttempts: 3, ocpTimeZone: '+08:00', ...extra };
}

async function openBoard(page: Page) {
  await openConsole(page, `${url()}/readiness`);
  await signIn(page);
  await expect(page.getByTestId('readiness-row').first()).toBeVisible();
}

const rows = (page: Page) => page.getByTestId('readiness-row');
const row = (page: Page, name: string): Locator =>
  rows(page).filter({ has: page.getByRole('rowheader').getByText(name, { exact: true }) });
const recommended = (page: Page) => rows(page).filter({ has: page.getByTestId('recommended') });

async function names(page: Page): Promise<string[]> {
  return (await rows(page).getByRole('rowheader').getByRole('link').allTextContents()).map((s) => s.trim());
}

async function precheckAll(page: Page, total = 5) {
  await page.getByTestId('precheck-all').click();
  await expect(page.getByTestId('queue-status')).toHaveText(`Prechecked ${total} of ${total}`);
}

test('the board is the first item of the header and lists every standby with its primary, lag and RPO', async ({ page }) => {
  await openConsole(page, `${url()}/clusters`);
  await signIn(page);
  const nav = page.locator('nav.topnav a');
  await expect(nav.first()).toHaveText('Readiness');
  await nav.first().click();
  await expect(page).toHaveURL(/\/readiness$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Failover readiness');
  await expect(page.getByText('The board runs failover prechecks')).toBeVisible();
  await expect(page.getByTestId('recheck-every')).toContainText('every 5 min');

  await expect(rows(page)).toHaveCount(5);
  const a = row(page, 'sales_dr_a');
  await expect(a.locator('td').nth(0)).toHaveText('shop_dr_a');
  await expect(a.locator('td').nth(1)).toHaveText('Standby tenant');
  await expect(a.locator('td').nth(2)).toHaveText('sales · shop_p');
  await expect(a.getByTestId('lag')).toHaveText(/^1[01] s behind$/);
  await expect(a.getByTestId('rpo')).toHaveText(/^up to 1[01] s of writes at risk$/);
  await expect(row(page, 'sales_dr_b').getByTestId('lag')).toHaveText(/^4[01] s behind$/);
  const cluster = row(page, 'shop_dr_b');
  await expect(cluster.locator('td').nth(1)).toHaveText('Standby cluster');
  await expect(cluster.locator('td').nth(2)).toHaveText('shop_p');
  await expect(cluster.getByTestId('lag')).toHaveText('lag unknown');
  // Nothing is ready (nor recommended) without a passing precheck.
  for (const v of await rows(page).getByTestId('verdict').allTextContents()) expect(v).toBe('Never prechecked in this browser');
  await expect(recommended(page)).toHaveCount(0);
  await expect(rows(page).and(page.locator('[data-ready="true"]'))).toHaveCount(0);
});

test('Precheck all sends one batch per standby cluster, several at once, with visible progress; verdicts, ages, codes and the recommended target appear', async ({ page, request }) => {
  // The standby cluster shop_dr_a's own precheck is held 1.5 s so the pass's progress can be read.
  await admin(request, 'faults', { path: '/api/v2/ob/clusters/7000002/failoverPreCheck', method: 'POST', latencyMs: 1500, times: 1 });
  await openBoard(page);
  await page.getByTestId('precheck-all').click();
  await expect(page.getByTestId('queue-status')).toHaveText(/^Prechecking: [0-4] of 5 answered, [1-4] in flight$/);
  await expect(page.getByTestId('precheck-all')).toBeDisabled();
  await expect(row(page, 'shop_dr_a').getByTestId('row-running')).toHaveText('Prechecking…');
  await expect(page.getByTestId('queue-status')).toHaveText('Prechecked 5 of 5');
  // Two standby clusters, one batch for shop_dr_a's two standby tenants, one single precheck
  // for shop_dr_b's only one: four requests for five rows.
  const sent = await journalPrechecks(request);
  expect(sent.sort()).toEqual([
    '/api/v2/ob/clusters/7000002/failoverPreCheck',
    '/api/v2/ob/clusters/7000002/tenants/failoverPreCheck',
    '/api/v2/ob/clusters/7000003/failoverPreCheck',
    '/api/v2/ob/clusters/7000003/tenants/7120001/failoverPreCheck',
  ]);

  await expect(row(page, 'sales_dr_a').getByTestId('verdict')).toHaveText('✔ Can fail over');
  await expect(row(page, 'sales_dr_a').getByTestId('age')).toHaveText('just now');
  await expect(row(page, 'sales_dr_b').getByTestId('verdict')).toHaveText('✔ Can fail over');
  await expect(row(page, 'sales_dr_b').getByTestId('blocking')).toHaveText('—');
  await expect(row(page, 'hr_dr').getByTestId('verdict')).toHaveText('✖ Blocked');
  await expect(row(page, 'hr_dr').getByTestId('blocking')).toHaveText('OBE26107');
  await expect(row(page, 'shop_dr_a').getByTestId('verdict')).toHaveText('✖ Blocked');
  // sales' most recent standby that passed: sales_dr_a (10 s behind, against 40 s).
  await expect(recommended(page)).toHaveCount(1);
  await expect(row(page, 'sales_dr_a').getByTestId('recommended')).toHaveText('Recommended');
  // Ages grow with time.
  await page.clock.install();
  await page.clock.fastForward('02:05');
  await expect(row(page, 'sales_dr_a').getByTestId('age')).toHaveText('2 min ago');
});

test('the recommended target moves when lag changes, on the periodic re-check the page clock drives', async ({ page, request }) => {
  await page.clock.install();
  await openBoard(page);
  await precheckAll(page);
  await expect(row(page, 'sales_dr_a').getByTestId('recommended')).toBeVisible();
  // The countdown starts with the run just done.
  await expect(page.getByTestId('next-recheck')).toHaveText(/^Prechecked again in (5 m|4 m [1-5]?\d s)\.$/);

  // sales_dr_a falls behind: 90 s, now more than sales_dr_b's 40 s.
  await admin(request, 'tenants/7110001', { lagSecs: 90 });
  const before = await prechecksSent(request);
  // Nothing happens before the interval is up…
  await page.clock.fastForward('04:00');
  await page.waitForTimeout(500);
  expect(await prechecksSent(request)).toBe(before);
  await expect(page.getByTestId('next-recheck')).toHaveText(/^Prechecked again in [1-5]?\d s\.$/);
  // …and at 5 minutes the board prechecks everything again by itself. The browser's clock is
  // then put back to the real time so the lags read from syncScn match the mock's.
  await page.clock.fastForward('01:00');
  await page.clock.setSystemTime(Date.now());
  await expect(page.getByTestId('queue-status')).toHaveText('Prechecked 5 of 5');
  await expect.poll(() => prechecksSent(request)).toBe(before + 4);
  // Counting again from the run it started; never more than the interval, though the page's
  // clock was just set back past that start.
  await expect(page.getByTestId('next-recheck')).toHaveText(/^Prechecked again in (5 m|4 m [1-5]?\d s)\.$/);
  await expect(row(page, 'sales_dr_a').getByTestId('lag')).toHaveText(/^1 m 3[01] s behind$/);
  await expect(row(page, 'sales_dr_a').getByTestId('rpo')).toHaveText(/^up to 1 m 3[01] s of writes at risk$/);
  await expect(recommended(page)).toHaveCount(1);
  await expect(row(page, 'sales_dr_b').getByTestId('recommended')).toBeVisible();
  await expect(row(page, 'sales_dr_a').getByTestId('recommended')).toHaveCount(0);
});

test('no re-check in a hidden tab; it runs when the tab is shown again', async ({ page, request }) => {
  await page.clock.install();
  await openBoard(page);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.fastForward('06:00');
  await page.waitForTimeout(800);
  expect(await prechecksSent(request)).toBe(0);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.runFor(1500);
  await expect(page.getByTestId('queue-status')).toHaveText('Prechecked 5 of 5');
  expect(await prechecksSent(request)).toBe(4);
});

test('"Only not ready" and both sorts; a precheck run on the tenant page shows on the board', async ({ page }) => {
  // One precheck at a time, so the verdicts' ages follow the pass's order (least recently
  // checked first: shop_dr_a, then the batch with hr_dr, then shop_dr_b).
  await page.route('**/config.json', (route) => route.fulfill({ json: config({ precheckConcurrency: 1 }) }));
  // A precheck run on sales_dr_b's own page is kept in the shared history.
  await openConsole(page, `${url()}/clusters/7000003/tenants/7120001/failover`);
  await signIn(page);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  await page.getByRole('link', { name: 'Readiness' }).click();
  await expect(rows(page)).toHaveCount(5);
  await expect(row(page, 'sales_dr_b').getByTestId('verdict')).toHaveText('✔ Can fail over');
  await expect(row(page, 'sales_dr_b').getByTestId('recommended')).toBeVisible();

  // Most behind first: the standby clusters (lag unknown), then 40, 10 and 5 s.
  expect(await names(page)).toEqual(['shop_dr_a', 'shop_dr_b', 'sales_dr_b', 'sales_dr_a', 'hr_dr']);
  // Oldest precheck first: never prechecked ones, sales_dr_b last.
  await page.getByTestId('sort').selectOption('age');
  expect(await names(page)).toEqual(['shop_dr_a', 'sales_dr_a', 'hr_dr', 'shop_dr_b', 'sales_dr_b']);

  await page.getByTestId('not-ready-only').check();
  expect(await names(page)).toEqual(['shop_dr_a', 'sales_dr_a', 'hr_dr', 'shop_dr_b']);
  await precheckAll(page);
  // After the run only the blocked ones are left.
  expect(await names(page)).toEqual(['shop_dr_a', 'hr_dr', 'shop_dr_b']);
  await page.getByTestId('not-ready-only').uncheck();
  await expect(rows(page)).toHaveCount(5);
});

test("a row's link opens that standby's precheck page, whose history holds the board's run", async ({ page }) => {
  await openBoard(page);
  await precheckAll(page);
  await row(page, 'sales_dr_a').getByRole('link', { name: 'sales_dr_a' }).click();
  await expect(page).toHaveURL(/\/clusters\/7000002\/tenants\/7110001\/failover$/);
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  // The board's run and the page's own.
  await expect(page.getByTestId('history-row')).toHaveCount(2);

  await page.getByRole('link', { name: 'Readiness' }).click();
  await row(page, 'shop_dr_b').getByRole('link', { name: 'shop_dr_b' }).click();
  await expect(page).toHaveURL(/\/clusters\/7000003\/dr\/failover$/);
  await expect(page.getByTestId('history-row')).toHaveCount(2);
});

test('cancel stops the pass after the requests in flight', async ({ page, request }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: config({ precheckConcurrency: 1 }) }));
  await admin(request, 'faults', { path: '/api/v2/ob/clusters/7000002/failoverPreCheck', method: 'POST', latencyMs: 2000, times: 1 });
  await openBoard(page);
  await page.getByTestId('precheck-all').click();
  await expect(page.getByTestId('queue-status')).toHaveText('Prechecking: 0 of 5 answered, 1 in flight');
  await expect(page.getByTestId('row-waiting')).toHaveCount(4);
  await page.getByTestId('cancel-queue').click();
  await expect(page.getByTestId('queue-status')).toHaveText('Canceled: finishing 1 in flight; nothing after them will start');
  await expect(page.getByTestId('row-waiting')).toHaveCount(0);
  // The request in flight finishes and its result is kept; nothing else is sent.
  await expect(page.getByTestId('queue-status')).toHaveText('Canceled after 1 of 5');
  await expect(row(page, 'shop_dr_a').getByTestId('verdict')).toHaveText('✖ Blocked');
  await page.waitForTimeout(1000);
  expect(await prechecksSent(request)).toBe(1);
  await expect(row(page, 'sales_dr_a').getByTestId('verdict')).toHaveText('Never prechecked in this browser');
  await expect(page.getByTestId('precheck-all')).toBeEnabled();
});

test('without the estate-wide tenant list each cluster is read on its own; one whose tenants fail costs only its rows, and says why', async ({ page, request }) => {
  await admin(request, 'faults', { path: '/api/v2/ob/tenants', method: 'GET', status: 404 });
  await admin(request, 'faults', { path: '/api/v2/ob/clusters/7000003/tenants', method: 'GET', status: 404, times: 1 });
  await openBoard(page);
  const broken = rows(page).filter({ has: page.getByTestId('row-problem') });
  await expect(broken).toHaveCount(1);
  await expect(broken).toContainText('shop_dr_b');
  await expect(broken).toContainText('Its standby tenants are unknown: the tenant list could not be loaded');
  await expect(row(page, 'sales_dr_b')).toHaveCount(0);
  await expect(row(page, 'sales_dr_a')).toHaveCount(1);
  const r = await request.get(`${url()}/__admin/journal`);
  const entries: { method: string; path: string }[] = (await r.json()).entries;
  const perCluster = entries.filter((e) => e.method === 'GET' && /^\/api\/v2\/ob\/clusters\/\d+\/tenants$/.test(e.path));
  expect(perCluster).toHaveLength(3);
  // Precheck all skips it: four standbys.
  await precheckAll(page, 4);
});

test('no countdown while the standbys could not be loaded: no re-check would start', async ({ page, request }) => {
  await admin(request, 'faults', { path: '/api/v2/ob/clusters', method: 'GET', status: 404, times: 1 });
  await openConsole(page, `${url()}/readiness`);
  await signIn(page);
  await expect(page.getByTestId('failure')).toBeVisible();
  await expect(page.getByTestId('recheck-every')).toContainText('every 5 min');
  await expect(page.getByTestId('next-recheck')).toHaveText('');
  // Loaded on Retry: the countdown appears.
  await page.getByTestId('failure').getByRole('button', { name: 'Retry' }).click();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('next-recheck')).toHaveText(/^Prechecked again in \d+ m( [1-5]?\d s)?\.$/);
});

test('in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('failover-console.lang', 'zh-CN'));
  await page.goto(`${url()}/readiness`);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('admin');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('容灾切换就绪状态');
  await expect(page.locator('nav.topnav a').first()).toHaveText('就绪状态');
  await expect(rows(page)).toHaveCount(5);
  const a = row(page, 'sales_dr_a');
  await expect(a.getByTestId('lag')).toHaveText(/^落后 1[01] 秒$/);
  await expect(a.getByTestId('rpo')).toHaveText(/^最多 1[01] 秒 的写入可能丢失$/);
  await expect(a.locator('td').nth(1)).toHaveText('备租户');
  await expect(row(page, 'shop_dr_a').getByTestId('lag')).toHaveText('延迟未知');
  await page.getByTestId('precheck-all').click();
  await expect(page.getByTestId('queue-status')).toHaveText('已预检查 5/5 个');
  await expect(page.getByTestId('next-recheck')).toHaveText(/^距下次自动重新预检查还有 (5 分|4 分 [1-5]?\d 秒)。$/);
  await expect(a.getByTestId('verdict')).toHaveText('✔ 可以容灾切换');
  await expect(a.getByTestId('age')).toHaveText('刚刚');
  await expect(a.getByTestId('recommended')).toHaveText('推荐');
  await expect(row(page, 'hr_dr').getByTestId('verdict')).toHaveText('✖ 不可切换');
  await page.getByTestId('not-ready-only').check();
  await expect(rows(page)).toHaveCount(3);
});

test('readinessIntervalMin in config.json sets the period; an invalid value warns and 5 is used', async ({ page, request }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: config({ readinessIntervalMin: 2 }) }));
  await page.clock.install();
  await openBoard(page);
  await expect(page.getByTestId('recheck-every')).toContainText('every 2 min');
  await page.clock.fastForward('01:50');
  await page.waitForTimeout(500);
  expect(await prechecksSent(request)).toBe(0);
  await page.clock.fastForward('00:15');
  await expect.poll(() => prechecksSent(request)).toBe(4);
  await expect(page.getByTestId('queue-status')).toHaveText('Prechecked 5 of 5');

  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.unroute('**/config.json');
  await page.route('**/config.json', (route) => route.fulfill({ json: config({ readinessIntervalMin: 'soon' }) }));
  await page.reload();
  await expect(page.getByTestId('recheck-every')).toContainText('every 5 min');
  expect(warnings.join('\n')).toContain('readinessIntervalMin "soon" is not a whole number of minutes from 1 to 1440; using 5');
  // The rest of the configuration still applies: no failure banner.
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('objectives from config.json: each standby held to its RPO, an invalid entry skipped and said', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: config({
        objectives: [
          { match: 'sales_dr_a', rpoSecs: 5, rtoSecs: 600 },
          { match: 'nothing', rpoSecs: 'ten' },
          { match: 'sales*', rpoSecs: 60 },
        ],
      }),
    }),
  );
  await openBoard(page);
  await precheckAll(page);
  // sales_dr_a (10 s behind) misses its 5 s objective: not ready, not recommended; sales_dr_b
  // (40 s) is within the 60 s of "sales*" and takes over.
  const a = row(page, 'sales_dr_a');
  await expect(a.getByTestId('rpo-objective')).toHaveText(/^RPO 5 s exceeded: 1[01] s behind$/);
  await expect(a).toHaveAttribute('data-ready', 'false');
  await expect(a.getByTestId('recommended')).toHaveCount(0);
  const b = row(page, 'sales_dr_b');
  await expect(b.getByTestId('rpo-objective')).toHaveText('RPO objective 1 m: met');
  await expect(b).toHaveAttribute('data-ready', 'true');
  await expect(b.getByTestId('recommended')).toBeVisible();
  // A standby no pattern matches has no objective shown.
  await expect(row(page, 'shop_dr_b').getByTestId('rpo-objective')).toHaveCount(0);
  expect(warnings.join('\n')).toContain('objectives[1].rpoSecs');
});
