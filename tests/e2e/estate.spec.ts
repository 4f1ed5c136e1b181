// Issue 25: the readiness board on a large estate (mock-server/scenarios/large-estate.json:
// 200 clusters, 2,000 tenants, 1,100 standbys), and a pass that OCP throttles
// (scenarios/throttled-estate.json: a small generated estate behind a rate limit).
import { test, expect, Page, APIRequestContext } from '@playwright/test';
import { openConsole, signIn, noCrash } from './helpers';
import { startScenario, ScenarioMock } from './scenario';

interface Entry {
  method: string;
  path: string;
  status?: number;
  time: string;
  seq: number;
}

async function journal(request: APIRequestContext, url: string): Promise<Entry[]> {
  const r = await request.get(`${url}/__admin/journal`);
  const body = await r.json();
  expect(body.dropped).toBe(0);
  return body.entries;
}

const prechecks = (entries: Entry[]) =>
  entries.filter((e) => e.method === 'POST' && /failoverPreCheck$/.test(e.path));

const rows = (page: Page) => page.getByTestId('readiness-row');

test.describe('a large estate', () => {
  let mock: ScenarioMock | undefined;
  test.beforeAll(async () => {
    mock = await startScenario('large-estate');
  });
  test.afterAll(async () => {
    await mock?.stop();
  });
  test.beforeEach(async ({ request }) => {
    expect((await request.post(`${mock!.url}/__admin/reset`)).ok()).toBeTruthy();
  });
  test.afterEach(async ({ page }) => noCrash(page));

  test('the board reads 1,100 standbys in a few requests, draws only the rows near the screen, and counts them', async ({ page, request }) => {
    await openConsole(page, `${mock!.url}/readiness`);
    await signIn(page);
    await expect(page.getByTestId('board-count')).toHaveText(/^1,100 standbys · 1,100 not ready · \d{3} lag unknown$/);
    // A few requests for the whole estate: the clusters and every tenant, one page each.
    const gets = (await journal(request, mock!.url)).filter((e) => e.method === 'GET' && e.path.startsWith('/api/'));
    expect(gets.length).toBeLessThanOrEqual(30);
    expect(gets.map((e) => e.path)).toContain('/api/v2/ob/tenants');
    expect(gets.filter((e) => /^\/api\/v2\/ob\/clusters\/\d+\/tenants$/.test(e.path))).toHaveLength(0);
    // Windowed: far fewer rows drawn than listed, and the table says how many there are.
    const drawn = await rows(page).count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(120);
    await expect(page.locator('table.readiness-grid')).toHaveAttribute('aria-rowcount', '1101');
    // Scrolled to the end, the last rows are drawn with their place in the whole list.
    await page.locator('.window-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.locator('[data-testid="readiness-row"][aria-rowindex="1101"]')).toHaveCount(1);
  });

  test('search, sort and the filter live in the URL and survive a reload', async ({ page, request }) => {
    await openConsole(page, `${mock!.url}/readiness`);
    await signIn(page);
    await expect(page.getByTestId('board-count')).toContainText('1,100 standbys');
    await page.getByTestId('board-search').fill('c017');
    await page.getByTestId('board-search').press('Enter');
    await expect(page).toHaveURL(/\/readiness\?q=c017$/);
    // The standby cluster c017_dr and its ten standby tenants.
    await expect(rows(page)).toHaveCount(11);
    await expect(page.getByTestId('board-count')).toContainText('Showing 11 of 1,100');
    await page.getByTestId('sort').selectOption('age');
    await expect(page).toHaveURL(/sort=age/);
    // A new search or sort reads nothing again: one read of the clusters so far.
    const clusterReads = async () =>
      (await journal(request, mock!.url)).filter((e) => e.method === 'GET' && e.path === '/api/v2/ob/clusters').length;
    expect(await clusterReads()).toBe(1);
    await page.reload();
    await expect(page.getByTestId('board-search')).toHaveValue('c017');
    await expect(page.getByTestId('sort')).toHaveValue('age');
    await expect(rows(page)).toHaveCount(11);
    // By region: every standby in cn-shanghai (the standbys of the cn-hangzhou primaries).
    await page.getByTestId('board-search').fill('CN-SHANGHAI');
    await page.getByTestId('board-search').press('Enter');
    await expect(page.getByTestId('board-count')).toContainText('Showing 220 of 1,100');
  });

  test('cancel mid-pass: nothing more is sent once the requests in flight finish', async ({ page, request }) => {
    await openConsole(page, `${mock!.url}/readiness`);
    await signIn(page);
    await expect(page.getByTestId('board-count')).toContainText('1,100 standbys');
    await page.getByTestId('precheck-all').click();
    await expect(page.getByTestId('queue-status')).toHaveText(/^Prechecking: [1-9][\d,]* of 1,100 answered/);
    await page.getByTestId('cancel-queue').click();
    await expect(page.getByTestId('queue-status')).toHaveText(/^Canceled after [\d,]+ of 1,100$/);
    const sent = prechecks(await journal(request, mock!.url)).length;
    expect(sent).toBeLessThan(200);
    await page.waitForTimeout(1500);
    expect(prechecks(await journal(request, mock!.url)).length).toBe(sent);
  });
});

test.describe('a pass that OCP throttles', () => {
  let mock: ScenarioMock | undefined;
  test.beforeAll(async () => {
    mock = await startScenario('scenarios/throttled-estate.json');
  });
  test.afterAll(async () => {
    await mock?.stop();
  });
  test.afterEach(async ({ page }) => noCrash(page));

  test('429s halve the width and the board waits as Retry-After asks before sending again; every standby is answered', async ({ page, request }) => {
    await openConsole(page, `${mock!.url}/readiness`);
    await signIn(page);
    await expect(page.getByTestId('board-count')).toContainText('60 standbys');
    await page.waitForTimeout(1100); // a fresh second of the mock's limit
    await page.getByTestId('precheck-all').click();
    await expect(page.getByTestId('queue-status')).toContainText('OCP asked the console to slow down');
    await expect(page.getByTestId('queue-status')).toHaveText('Prechecked 60 of 60', { timeout: 40_000 });
    const entries = prechecks(await journal(request, mock!.url));
    const refused = entries.filter((e) => e.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    // Never more than one request per standby cluster per pass, but for those sent again after a 429.
    expect(entries.length - refused.length).toBe(20);
    // After a 429 nothing new is sent until its Retry-After (1 s) has passed; a request already
    // on its way when the 429 arrived may land just after it.
    const at = (e: Entry) => Date.parse(e.time);
    for (const r of refused) {
      const early = entries.filter((e) => at(e) > at(r) + 150 && at(e) < at(r) + 900);
      expect(early, `sent during the pause after #${r.seq}`).toHaveLength(0);
    }
    await expect(rows(page).filter({ has: page.getByTestId('row-problem') })).toHaveCount(0);
  });
});

// A cluster of 500 tenants (scenarios/big-cluster.json: c001 and its standby c001_dr, 500
// tenants each): its page and its batch precheck read every tenant in one request, draw only
// the rows near the screen, and keep the search and sort in the URL.
test.describe('a cluster of 500 tenants', () => {
  let mock: ScenarioMock | undefined;
  test.beforeAll(async () => {
    mock = await startScenario('scenarios/big-cluster.json');
  });
  test.afterAll(async () => {
    await mock?.stop();
  });
  test.beforeEach(async ({ request }) => {
    expect((await request.post(`${mock!.url}/__admin/reset`)).ok()).toBeTruthy();
  });
  test.afterEach(async ({ page }) => noCrash(page));

  async function openStandbyCluster(page: Page) {
    await openConsole(page, `${mock!.url}/clusters`);
    await signIn(page);
    await page.getByTestId('cluster-row').filter({ hasText: 'c001_dr' }).getByRole('link', { name: 'c001_dr' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('c001_dr');
  }

  test('its page scrolls, searches and sorts with only the rows near the screen drawn', async ({ page, request }) => {
    await openStandbyCluster(page);
    await expect(page.getByTestId('tenants-count')).toHaveText(/^500 tenants · 500 standbys · \d+ lag unknown$/);
    // One request for the 500: OCP's largest page.
    const lists = (await journal(request, mock!.url)).filter((e) => e.method === 'GET' && /^\/api\/v2\/ob\/clusters\/\d+\/tenants$/.test(e.path));
    expect(lists).toHaveLength(1);
    const tenantRows = page.getByTestId('tenant-row');
    const drawn = await tenantRows.count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(120);
    await expect(page.locator('table.tenants-grid')).toHaveAttribute('aria-rowcount', '501');
    // Scrolled to the end: the last tenant, with its place in the whole list.
    await page.locator('.window-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = page.locator('[data-testid="tenant-row"][aria-rowindex="501"]');
    await expect(last).toContainText('c001_t500_dr');
    await expect(last.getByRole('link', { name: 'Failover…' })).toBeVisible();
    // Search in the URL; the count says how many are shown.
    await page.getByTestId('tenants-search').fill('T250');
    await page.getByTestId('tenants-search').press('Enter');
    await expect(page).toHaveURL(/\/clusters\/\d+\?q=T250$/);
    await expect(tenantRows).toHaveCount(1);
    await expect(tenantRows).toContainText('c001_t250_dr');
    await expect(page.getByTestId('tenants-count')).toContainText('Showing 1 of 500');
    // Sort by lag, most behind first, kept across a reload with the search cleared.
    await page.getByTestId('tenants-search').fill('');
    await page.getByTestId('tenants-search').press('Enter');
    await page.getByTestId('tenants-sort').selectOption('lag');
    await expect(page).toHaveURL(/\/clusters\/\d+\?sort=lag$/);
    await page.reload();
    await expect(page.getByTestId('tenants-sort')).toHaveValue('lag');
    await expect(page.getByTestId('tenants-count')).toContainText('500 tenants');
    // The first rows are the standbys whose lag is unknown or the furthest behind.
    const first = await tenantRows.first().innerText();
    expect(first).toMatch(/unknown|min|h /);
  });

  test('its batch precheck covers 500 standby tenants in one request, counted, searched and windowed', async ({ page, request }) => {
    await openStandbyCluster(page);
    await page.getByRole('link', { name: 'Batch failover precheck' }).click();
    await expect(page.getByTestId('batch-count')).toHaveText(/^500 standby tenants · \d+ pass · \d+ blocked · \d+ no verdict$/);
    const batches = (await journal(request, mock!.url)).filter((e) => e.method === 'POST' && /failoverPreCheck$/.test(e.path));
    expect(batches).toHaveLength(1);
    const batchRows = page.getByTestId('batch-row');
    expect(await batchRows.count()).toBeLessThan(120);
    await expect(page.locator('table.batch-grid')).toHaveAttribute('aria-rowcount', '501');
    await page.getByTestId('batch-search').fill('t499');
    await page.getByTestId('batch-search').press('Enter');
    await expect(page).toHaveURL(/batch-failover\?q=t499$/);
    await expect(batchRows).toHaveCount(1);
    await expect(page.getByTestId('batch-count')).toContainText('Showing 1 of 500');
    await page.getByTestId('sort').selectOption('name');
    await expect(page).toHaveURL(/batch-failover\?sort=name&q=t499$/);
    await page.reload();
    await expect(batchRows).toHaveCount(1);
    await expect(page.getByTestId('batch-search')).toHaveValue('t499');
  });
});
