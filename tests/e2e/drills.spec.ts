// The drill ledger (/drills) and a drill's report (/tasks/:id/report): the mock's history of
// drills over 12 months, judged against objectives from config.json, filtered in the URL,
// exported, and one drill's step timeline, printed and in Chinese.
import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import { openConsole, resetMock, signIn } from './helpers';

const auth = { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') };

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

/** config.json with objectives (and whatever else `extra` sets). */
async function withObjectives(page: Page, extra: Record<string, unknown> = {}) {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: {
        apiBaseUrl: '', requestTimeoutMs: 15000, readAttempts: 3, ocpTimeZone: '+08:00',
        objectives: [{ match: 'no-such-*', rtoSecs: 1 }, { match: '*', rpoSecs: 60, rtoSecs: 150 }],
        ...extra,
      },
    }),
  );
}

async function download(page: Page, testid: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return fs.readFileSync((await d.path())!, 'utf-8');
}

test('the ledger lists every drill from OCP with its result, RTO and objective verdict', async ({ page, request }) => {
  await withObjectives(page);
  await openConsole(page, '/drills');
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Drill ledger' })).toBeVisible();
  const count = page.getByTestId('drills-count');
  await expect(count).toHaveText(/^\d+ drills · \d+ succeeded · \d+ failed or rolled back · \d+ over objective$/);
  await expect(page.getByTestId('drills-loading')).toHaveCount(0);
  // What the mock holds: every failover and switchover in its task list.
  const all = await (await request.get('/api/v2/tasks/instances?page=1&size=2000', { headers: auth })).json();
  const drills = all.data.contents.filter((t: { name: string }) => /failover|switchover/i.test(t.name));
  expect(drills.length).toBeGreaterThan(20);
  await expect(count).toContainText(`${drills.length.toLocaleString('en-US')} drills`);
  // Varied results: some rolled back, some failed, some over the objective, some met.
  const text = (await count.textContent()) ?? '';
  const [, , ok, bad, over] = text.match(/^(\d+) drills · (\d+) succeeded · (\d+) failed or rolled back · (\d+) over objective$/)!.map(Number);
  expect(ok).toBeGreaterThan(0);
  expect(bad).toBeGreaterThan(0);
  expect(over).toBeGreaterThan(0);
  const first = page.getByTestId('drill-row').first();
  await expect(first.getByTestId('drill-objective')).toHaveText(/^(met|missed by .+|not measured) \(2 m 30 s\)$/);
  // Launched elsewhere: the RPO at launch is not recorded, never a made-up figure.
  await expect(first.getByTestId('drill-rpo')).toHaveText('not recorded');
  // The summary: one line per standby, each with its last drill and trend.
  await expect(page.getByTestId('summary-row').first()).toBeVisible();
  await expect(page.getByTestId('summary-trend').first()).toHaveAttribute('aria-label', /Measured recovery times of .+ against its objective/);
});

test('filters live in the URL, survive a reload, and the exports hold exactly the rows shown', async ({ page }) => {
  await withObjectives(page);
  await openConsole(page, '/drills');
  await signIn(page);
  await expect(page.getByTestId('drills-count')).toBeVisible();
  await page.getByTestId('ledger-result').selectOption('rolled-back');
  await expect(page).toHaveURL(/\/drills\?result=rolled-back$/);
  await expect(page.getByTestId('drills-count')).toHaveText(/^[1-9]\d* drills · 0 succeeded · [1-9]\d* failed or rolled back · 0 over objective$/);
  for (const r of await page.getByTestId('drill-result').allTextContents()) expect(r).toBe('Rolled back');
  await page.reload();
  await expect(page.getByTestId('ledger-result')).toHaveValue('rolled-back');
  await page.getByTestId('ledger-result').selectOption('');
  await page.getByTestId('ledger-objective').selectOption('missed');
  await expect(page).toHaveURL(/objective=missed/);
  const shown = await page.getByTestId('drill-row').count();
  expect(shown).toBeGreaterThan(0);
  for (const o of await page.getByTestId('drill-objective').allTextContents()) expect(o).toMatch(/^missed by /);
  const csv = await download(page, 'drills-csv');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('ID,Kind,Target,Cluster,Launched,Creator,Result,Intervened,RTO (s),RPO at launch (s),RTO objective (s),RTO objective');
  expect(lines.length - 1).toBe(shown);
  for (const l of lines.slice(1)) expect(l).toMatch(/,missed$/);
  const json = JSON.parse(await download(page, 'drills-json'));
  expect(json.filter).toBe('objective=missed');
  expect(json.drills.length).toBe(shown);
  expect(json.drills[0].rtoObjective.verdict).toBe('missed');
  expect(json.drills[0].rtoSecs).toBeGreaterThan(150);
  // An unknown value in a shared link is named and ignored, never guessed.
  await page.goto('/drills?kind=upgrade');
  await expect(page.getByTestId('filter-ignored')).toHaveText('kind=upgrade in the address was not understood and is ignored.');
});

test('the report of a drill that failed and was retried shows the retry on its timeline, prints without overflow', async ({ page, request }) => {
  await withObjectives(page);
  // The mock's drill that failed at a step and was retried to success.
  const all = await (await request.get('/api/v2/tasks/instances?page=1&size=2000&status=SUCCESSFUL', { headers: auth })).json();
  const task = all.data.contents.find((t: { name: string; operation: string }) => /failover|switchover/i.test(t.name) && t.operation === 'RETRY');
  expect(task, 'a retried drill in the mock').toBeTruthy();
  const where = task.tenant?.name ? `tenant=${encodeURIComponent(task.tenant.name)}` : `cluster=${encodeURIComponent(task.cluster.name)}`;
  await openConsole(page, `/drills?${where}&result=succeeded`);
  await signIn(page);
  const retried = page.locator(`[data-testid="drill-row"][data-task="${task.id}"]`);
  await expect(retried.getByTestId('drill-intervened')).toHaveText('intervened');
  await retried.getByTestId('drill-report-link').click();
  await expect(page).toHaveURL(/\/tasks\/\d+\/report$/);
  await expect(page.getByTestId('report-title')).toHaveText(/^Drill report: .+$/);
  await expect(page.getByTestId('report-facts')).toContainText('Succeeded');
  const marked = page.locator('.gantt-row').filter({ hasText: /retried \(\d+ runs\)/ });
  await expect(marked.first()).toBeVisible();
  await expect(page.getByTestId('report-findings')).toContainText(/ran \d+ times \(retried\)/);
  await expect(page.getByTestId('report-launch')).toHaveText(/Not launched from this browser/);
  // Bars sit on one axis from the launch: the first starts at the left, a later one well
  // to the right, none past the end.
  const lefts = await page.locator('.gantt-bar:not(.none)').evaluateAll((bs) => bs.map((b) => parseFloat((b as HTMLElement).style.left)));
  expect(lefts.length).toBeGreaterThan(3);
  expect(Math.min(...lefts)).toBeLessThan(5);
  expect(Math.max(...lefts)).toBeGreaterThan(40);
  expect(Math.max(...lefts)).toBeLessThanOrEqual(100);
  // Keyboard: Home focuses the first step, ArrowDown the next.
  await page.locator('.gantt-row').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.gantt-row').nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('.gantt-row').last()).toBeFocused();
  // Printed: the console around it is gone and nothing runs off the page (A4 at 96 dpi).
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByTestId('report-print')).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Markdown and JSON: the same facts.
  await page.emulateMedia({ media: 'screen' });
  const md = await download(page, 'report-md');
  expect(md).toMatch(/^# Drill report: /);
  expect(md).toMatch(/retried \(\d+ runs\)/);
  const json = JSON.parse(await download(page, 'report-json'));
  expect(json.timeline.steps.some((s: { mark: string | null }) => /retried/.test(s.mark ?? ''))).toBeTruthy();
});

test('a rolled-back drill is never measured, and its report says it was undone', async ({ page }) => {
  await withObjectives(page);
  await openConsole(page, '/drills?result=rolled-back');
  await signIn(page);
  const row = page.getByTestId('drill-row').first();
  await expect(row.getByTestId('drill-rto')).toHaveText('—');
  await expect(row.getByTestId('drill-objective')).toHaveText(/^not measured /);
  await row.getByTestId('drill-report-link').click();
  await expect(page.getByTestId('report-findings')).toContainText('The task was rolled back');
  await expect(page.getByTestId('report-findings')).toContainText('measured no recovery time');
});

test('the ledger and a report in Chinese', async ({ page }) => {
  await withObjectives(page);
  await page.addInitScript(() => localStorage.setItem('failover-console.lang', 'zh-CN'));
  await page.goto('/drills');
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('admin');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByRole('heading', { name: '演练台账' })).toBeVisible();
  await expect(page.getByTestId('drills-count')).toHaveText(/^\d+ 次演练 · \d+ 次成功 · \d+ 次失败或回滚 · \d+ 次超出目标$/);
  await page.getByTestId('drill-report-link').first().click();
  await expect(page.getByTestId('report-title')).toHaveText(/^演练报告：.+$/);
  await expect(page.getByRole('heading', { name: '步骤时间线' })).toBeVisible();
});

test('the task page links to its report, and a drill older than drillMaxAgeDays is flagged', async ({ page }) => {
  await withObjectives(page, { drillMaxAgeDays: 1 });
  await openConsole(page, '/drills');
  await signIn(page);
  await expect(page.getByTestId('summary-stale').first()).toHaveText('⚠ older than 1 days');
  const id = await page.getByTestId('drill-row').first().getAttribute('data-task');
  await page.goto(`/tasks/${id}`);
  await page.getByTestId('task-report-link').click();
  await expect(page).toHaveURL(`/tasks/${id}/report`);
});
