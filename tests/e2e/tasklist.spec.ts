// Issue 15 item 4: the task list filters by status and kind (OCP) and by creator and days (this
// browser, among the tasks loaded), keeps the filter in the URL, and downloads the rows shown as
// CSV. The mock starts with 76 finished drills over the last year, run in turn by admin, ops_chen,
// ops_li and dba_wang: 75 SUCCESSFUL (one of them retried, one rolled back), one FAILED. A list
// of more than 40 rows draws only those near the screen, so long lists are counted by their
// count line, short ones by their rows.
import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import { clock, launch, noCrash, openConsole, resetMock, signIn } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
  // Keeps the launch below RUNNING for the whole test.
  await clock(request, { paused: true });
});

/// Clicks "Download CSV" and returns the file's name and text.
async function downloadCsv(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
}

/// The CSV's records (RFC 4180; these cells hold no quotes or line breaks), BOM checked and cut.
function records(text: string): string[][] {
  expect(text.charCodeAt(0), 'a UTF-8 BOM leads').toBe(0xfeff);
  const lines = text.slice(1).split('\r\n');
  expect(lines.pop(), 'the last record ends with CRLF').toBe('');
  return lines.map((l) => l.split(','));
}

/// The task ids of the rows on screen.
async function shownIds(page: Page): Promise<string[]> {
  const texts = await page.getByTestId('task-row').locator('td:first-child').allInnerTexts();
  return texts.map((t) => t.match(/^#(\d+)/)?.[1] ?? '?');
}

test('filters by status and creator in the URL, and the CSV holds exactly the rows shown', async ({ page, request }) => {
  const running = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openConsole(page, '/tasks');
  await signIn(page);
  const rows = page.getByTestId('task-row');
  const count = page.getByTestId('tasks-count');
  await expect(count).toHaveText('77 tasks · 1 running · 1 failed');

  // Status is OCP's filter: only the successful drills stay.
  await page.getByTestId('filter-status-SUCCESSFUL').check();
  await expect(page).toHaveURL(/\/tasks\?status=SUCCESSFUL$/);
  await expect(count).toHaveText('75 tasks · 0 running · 0 failed');
  await expect(rows.filter({ hasText: `#${running} ` })).toHaveCount(0);
  await expect(page.getByTestId('tasks-filter')).toHaveText('Tasks with status Successful');

  // Creator is this browser's, among what was loaded, and the page says so.
  await page.getByTestId('filter-creator').fill('ops_chen');
  await page.getByTestId('filter-creator').press('Enter');
  await expect(page).toHaveURL(/\/tasks\?status=SUCCESSFUL&creator=ops_chen$/);
  await expect(rows).toHaveCount(19);
  for (const creator of await rows.locator('td:last-child').allInnerTexts()) expect(creator).toBe('ops_chen');
  await expect(page.getByTestId('tasks-scope')).toContainText('filtered in this browser among the 75 tasks loaded: 19 match');

  // A reload keeps the filter.
  await page.reload();
  await expect(rows).toHaveCount(19);
  await expect(page.getByTestId('filter-status-SUCCESSFUL')).toBeChecked();
  await expect(page.getByTestId('filter-creator')).toHaveValue('ops_chen');

  const shown = await shownIds(page);
  const { name, text } = await downloadCsv(page);
  expect(name).toMatch(/^tasks-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const [header, ...data] = records(text);
  expect(header).toEqual(['ID', 'Name', 'Status', 'Creator', 'Cluster', 'Tenant', 'Started', 'Finished', 'Duration (s)']);
  expect(data.map((r) => r[0])).toEqual(shown);
  for (const r of data) {
    expect(r[2]).toBe('SUCCESSFUL');
    expect(r[3]).toBe('ops_chen');
    expect(r[6]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    expect(Number(r[8])).toBeGreaterThan(0);
  }

  // Kind is OCP's name filter: ops_chen's cluster failovers.
  await page.getByTestId('filter-kind').selectOption({ label: 'Cluster failover' });
  await expect(page).toHaveURL(/status=SUCCESSFUL&name=Failover%20OB%20cluster&creator=ops_chen$/);
  await expect(rows).toHaveCount(5);
  const kinds = records((await downloadCsv(page)).text).slice(1);
  expect(kinds.map((r) => r[0])).toEqual(await shownIds(page));
  for (const r of kinds) expect(r[1]).toBe('Failover OB cluster');

  // The clear-filter link clears every filter, the browser's too.
  await page.getByTestId('clear-filter').click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(count).toHaveText('77 tasks · 1 running · 1 failed');
  await expect(page.getByTestId('filter-creator')).toHaveValue('');
  await expect(page.getByTestId('tasks-scope')).toHaveCount(0);
});

test('a range of days keeps the tasks started in it; bad dates in a link are named; Chinese CSV', async ({ page, request }) => {
  const running = await launch(request, '/api/v2/ob/clusters/6/failover');
  // Today in the browser's zone: only the launch started today (the drills are days old).
  await openConsole(page, '/tasks');
  await signIn(page);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.goto(`/tasks?from=${today}&to=2026-02-30`);
  await expect(page.getByTestId('filter-ignored')).toHaveText('to=2026-02-30 in the address was not understood and is ignored.');
  const rows = page.getByTestId('task-row');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`#${running} `);
  await expect(page.getByTestId('filter-from')).toHaveValue(today);

  await page.getByTestId('filter-to').fill(today);
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}$`));
  await expect(page.getByTestId('filter-ignored')).toHaveCount(0);
  await expect(rows).toHaveCount(1);

  // Nothing shown, nothing to download.
  await page.getByTestId('filter-status-FAILED').check();
  await expect(page.getByTestId('tasks-empty')).toBeVisible();
  await expect(page.getByTestId('download-csv')).toBeDisabled();
  await page.getByTestId('filter-status-FAILED').uncheck();
  await expect(rows).toHaveCount(1);

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('download-csv')).toHaveText('下载 CSV');
  await expect(page.getByTestId('tasks-scope')).toContainText('在本浏览器中筛选');
  const [header, row] = records((await downloadCsv(page)).text);
  expect(header).toEqual(['ID', '名称', '状态', '创建者', '集群', '租户', '开始时间', '结束时间', '耗时（秒）']);
  expect(row[0]).toBe(String(running));
  expect(row[2]).toBe('RUNNING');
  expect(row[4]).toBe('ob3x_standby');
  expect(row[8], 'a running task has no duration yet').toBe('');
});

test('the search box and the sort are in the URL, counted, and the CSV follows them', async ({ page, request }) => {
  const running = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openConsole(page, '/tasks');
  await signIn(page);
  const rows = page.getByTestId('task-row');
  await expect(page.getByTestId('tasks-count')).toHaveText('77 tasks · 1 running · 1 failed');
  // Searched in this browser: by creator, by id.
  await page.getByTestId('tasks-search').fill('OPS_CHEN');
  await page.getByTestId('tasks-search').press('Enter');
  await expect(page).toHaveURL(/\/tasks\?q=OPS_CHEN$/);
  // ops_chen ran 19 of the 76 drills, all successful (the status test above counts the same 19).
  await expect(rows).toHaveCount(19);
  await expect(page.getByTestId('tasks-count')).toHaveText('19 tasks · 0 running · 0 failed');
  await expect(page.getByTestId('tasks-scope')).toContainText('among the 77 tasks loaded: 19 match');
  for (const creator of await rows.locator('td:last-child').allInnerTexts()) expect(creator).toBe('ops_chen');
  const { text } = await downloadCsv(page);
  expect(records(text).slice(1).map((r) => r[0])).toEqual(await shownIds(page));
  await page.getByTestId('tasks-search').fill(`#${running}`);
  await page.getByTestId('tasks-search').press('Enter');
  await expect(rows).toHaveCount(1);
  // Longest first: the running task (its time grows until now) is not necessarily first, but
  // the order is kept across a reload.
  await page.getByTestId('tasks-search').fill('');
  await page.getByTestId('tasks-search').press('Enter');
  await page.getByTestId('tasks-sort').selectOption('failed');
  await expect(page).toHaveURL(/\/tasks\?sort=failed$/);
  // The one failed drill comes first, then the running task.
  await expect(rows.nth(0)).toContainText('Failed');
  await expect(rows.nth(1)).toContainText(`#${running} `);
  await page.reload();
  await expect(page.getByTestId('tasks-sort')).toHaveValue('failed');
  await expect(rows.nth(0)).toContainText('Failed');
  await expect(rows.nth(1)).toContainText(`#${running} `);
});
