// Issue 5: component failover/failback (GFC) against the mock, driven by its clock.
import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import { arrived, clock, journal, openConsole, resetMock, signIn, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
  await clock(request, { paused: true });
});

function tomorrowLocal(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T10:30`;
}

async function findComponents(page: Page, ids: string) {
  await openConsole(page, '/components');
  await signIn(page);
  await page.getByLabel('Component ids').fill(ids);
  await page.getByRole('button', { name: 'Find components' }).click();
}

const cell = (page: Page, component: string, check: string) =>
  page.getByTestId('check-row').filter({ hasText: `(${component})` }).locator(`td[data-check="${check}"]`);

test('failover of several components with mixed checks: warning acknowledged, launched, followed, reported', async ({ page, request }) => {
  await findComponents(page, '7922; 7923\n7924 99999');
  await expect(page.getByTestId('component-row')).toHaveCount(3);
  await expect(page.getByTestId('not-found')).toHaveText('Not found: 99999');
  await expect(page.getByTestId('component-row').first().getByTestId('component-state')).toContainText('Automatic AUTO');
  await page.getByLabel('Reason').fill('DFW core switch replacement');
  await page.getByLabel('ticket 7922').fill('CHG0042');
  await page.getByLabel('Estimated failback time').fill(tomorrowLocal());
  await expect(page.getByTestId('failback-utc')).toContainText('UTC');
  await page.getByTestId('run-checks').click();
  // Not started yet is a normal state: the grid shows every check pending.
  await expect(cell(page, '7922', 'VIP')).toContainText('Pending');
  await expect(page.getByTestId('failure')).toHaveCount(0);
  await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck');
  await clock(request, { advanceSeconds: 30 });
  await expect(cell(page, '7924', 'PEAK_TIME')).toContainText('Warning');
  await expect(cell(page, '7922', 'VIP')).toContainText('Pass');
  await expect(page.getByTestId('launch')).toBeDisabled();
  await expect(page.getByTestId('launch-hint')).toHaveText('Acknowledge every warning to go ahead.');
  await page.getByTestId('gfc-warnings').getByRole('checkbox').check();
  await expect(page.getByTestId('launch')).toBeEnabled();
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('consequence')).toContainText('meet-api-a (7924)');
  await dialog.getByLabel('Type failover to confirm').fill('failover');
  await dialog.getByTestId('confirm-launch').click();
  await expect(page).toHaveURL(/\/components\/operations\/[0-9a-f]+\?ids=7922,7923,7924&mark=failover$/);
  await expect(page.getByTestId('op-row')).toHaveCount(3);
  const launches = (await journal(request)).filter((e) => e.method === 'POST' && e.path === '/gfc/failover/doFailoverback');
  expect(launches.length).toBe(1);
  await clock(request, { advanceSeconds: 20 });
  await expect(page.getByTestId('not-polling')).toHaveText('Every operation has ended.');
  await expect(page.getByTestId('op-state')).toHaveText(['✔ Done', '✔ Done', '✔ Done']);
  await page.getByTestId('report-link').click();
  await expect(page.getByTestId('report-rows').locator('tbody tr')).toHaveCount(3);
  // GFC's UTC failback time reads in the operator's zone, named; GFC's own text is on hover.
  const failback = page.getByTestId('report-failback').getByTestId('time');
  await expect(failback).toHaveText(/^10:30:00 tomorrow \(UTC([+-]\d{1,2}(:\d{2})?)?\)$/);
  await expect(failback).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
  await expect(page.getByTestId('report-rows').locator('tbody tr').first()).toContainText('Done');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('sessionId,mark,componentId,componentName,fromDc,toDc,stateBefore,stateAfter,result,startTime,endTime,ticket,message');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain(',failover,7922,meet-web-a,DFW,ORD,AUTO,MANU,DONE,');
  expect(lines[1]).toContain(',CHG0042,');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  const report = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  expect(report.reason).toBe('DFW core switch replacement');
  expect(report.operations.map((o: any) => o.componentId)).toEqual([7922, 7923, 7924]);
});

test('a failing check blocks the launch; only the failed check is re-run', async ({ page, request }) => {
  await findComponents(page, '7922,7925');
  await page.getByLabel('Reason').fill('test');
  await page.getByLabel('Estimated failback time').fill(tomorrowLocal());
  await page.getByTestId('run-checks').click();
  await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck');
  await clock(request, { advanceSeconds: 30 });
  await expect(cell(page, '7925', 'VIP')).toContainText('Fail');
  await expect(page.getByTestId('gfc-failures')).toContainText('does not answer from ORD');
  await expect(page.getByTestId('launch')).toBeDisabled();
  await expect(page.getByTestId('launch-hint')).toContainText('A failed check blocks the launch');
  // Fixed on the GFC side; re-run just that one.
  await request.post('/__admin/gfc/components/7925', { data: { outcomes: { VIP: 'PASS' } } });
  await page.getByTestId('rerun-failed').click();
  await expect(cell(page, '7925', 'VIP')).toContainText('Pending');
  await expect(cell(page, '7922', 'VIP')).toContainText('Pass');
  await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck', 2);
  await clock(request, { advanceSeconds: 10 });
  await expect(cell(page, '7925', 'VIP')).toContainText('Pass');
  await expect(page.getByTestId('launch')).toBeEnabled();
});

test('failback of components needs no failback time and returns them', async ({ page, request }) => {
  await findComponents(page, '359 181');
  await page.getByText('Failback: return to the home data center').click();
  await expect(page.getByLabel('Estimated failback time')).toHaveCount(0);
  await page.getByLabel('Reason').fill('DFW back in service');
  await page.getByTestId('run-checks').click();
  await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck');
  await clock(request, { advanceSeconds: 30 });
  await expect(page.getByTestId('launch')).toBeEnabled();
  await page.getByTestId('launch').click();
  await page.getByLabel('Type failback to confirm').fill('failback');
  await page.getByTestId('confirm-launch').click();
  await expect(page).toHaveURL(/mark=failback$/);
  await arrived(request, 'POST', '/gfc/failover/doFailoverback');
  await clock(request, { advanceSeconds: 20 });
  await expect(page.getByTestId('op-state')).toHaveText(['✔ Done', '✔ Done']);
  await expect(page.getByTestId('op-row').first()).toContainText('IAD → SJC');
  await expect(page.getByTestId('op-row').first()).toContainText('→ Automatic (AUTO)');
});

test('in Chinese the confirmation asks for the Chinese word, and the English one does not unlock it', async ({ page, request }) => {
  await findComponents(page, '359 181');
  await page.getByText('Failback: return to the home data center').click();
  await page.getByLabel('Reason').fill('DFW back in service');
  await page.getByTestId('run-checks').click();
  await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck');
  await clock(request, { advanceSeconds: 30 });
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toContainText('2 个组件的 回切');
  const word = dialog.getByLabel('输入 回切 以确认');
  await word.fill('failback');
  await expect(dialog.getByTestId('confirm-launch')).toBeDisabled();
  await word.fill('回切');
  await dialog.getByTestId('confirm-launch').click();
  await expect(page).toHaveURL(/mark=failback$/);
  await arrived(request, 'POST', '/gfc/failover/doFailoverback');
  const launches = (await journal(request)).filter((e) => e.method === 'POST' && e.path === '/gfc/failover/doFailoverback');
  expect(launches.length).toBe(1);
});

test('a legacy backend answering 500 before the first result is waited out', async ({ page, request }) => {
  await request.post('/__admin/gfc/mode', { data: { legacy500: true } });
  await findComponents(page, '7922');
  await page.getByLabel('Reason').fill('test');
  await page.getByLabel('Estimated failback time').fill(tomorrowLocal());
  await page.getByTestId('run-checks').click();
  await expect(page.getByTestId('not-ready')).toBeVisible();
  await expect(page.getByTestId('failure')).toHaveCount(0);
  const fives = (await journal(request)).filter((e) => e.path === '/gfc/failover/getPreCheckStatus' && e.status === 500);
  expect(fives.length).toBeGreaterThan(0);
  await clock(request, { advanceSeconds: 30 });
  await expect(cell(page, '7922', 'VIP')).toContainText('Pass', { timeout: 15_000 });
  await expect(page.getByTestId('not-ready')).toHaveCount(0);
});

test('invalid input is marked next to its field, in words', async ({ page }) => {
  await findComponents(page, '7922');
  await page.getByTestId('run-checks').click();
  await expect(page.getByTestId('error-reason')).toHaveText('Give the reason for this move.');
  await expect(page.getByTestId('error-estFailbackTime')).toHaveText('A failover needs an estimated failback time.');
  await page.getByLabel('Estimated failback time').fill('2020-01-01T10:00');
  await expect(page.getByTestId('error-estFailbackTime')).toHaveText('The estimated failback time must be in the future.');
  await page.getByLabel('Reason').fill('ok');
  await expect(page.getByTestId('error-reason')).toHaveCount(0);
  await expect(page.getByTestId('launch')).toBeDisabled();
});

test('a launch is listed under recent sessions after navigating away, and reopens its operations', async ({ page, request }) => {
  // Whatever an older build or a hand left in storage costs only itself.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('failover-console.gfc-recent:', '[{"sessionId": 7}, "junk", {"sessionId": "old1", "mark": "sideways"}]');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await findComponents(page, '359 181');
  await expect(page.getByTestId('gfc-recent')).toHaveCount(0);
  await page.getByText('Failback: return to the home data center').click();
  await page.getByLabel('Reason').fill('DFW back in service');
  await page.getByTestId('run-checks').click();
  await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck');
  await clock(request, { advanceSeconds: 30 });
  await page.getByTestId('launch').click();
  await page.getByLabel('Type failback to confirm').fill('failback');
  await page.getByTestId('confirm-launch').click();
  await expect(page).toHaveURL(/\/components\/operations\/[0-9a-f]+\?ids=359,181&mark=failback$/);
  const operations = page.url();
  const session = new URL(operations).pathname.split('/').pop()!;
  await expect(page.getByTestId('op-row')).toHaveCount(2);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Components', `Operations of session ${session}`]);
  await expect(page).toHaveTitle('Operations: failback · Failover Console');

  // Away, then back to the section's first page through the header.
  await page.getByRole('link', { name: 'Clusters', exact: true }).first().click();
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  await page.getByRole('link', { name: 'Components' }).click();
  const rows = page.getByTestId('gfc-recent-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(session);
  await expect(rows.first()).toContainText('failback');
  await expect(rows.first()).toContainText('(359)');
  await expect(rows.first()).toContainText('(181)');
  await expect(rows.first().getByTestId('time')).toHaveText(/today \(UTC\) · just now$/);
  // A reload keeps it (localStorage, this browser).
  await page.reload();
  await rows.first().getByTestId('gfc-recent-open').click();
  await expect(page).toHaveURL(operations);
  await expect(page.getByTestId('op-row')).toHaveCount(2);
  await arrived(request, 'POST', '/gfc/failover/doFailoverback');
  await clock(request, { advanceSeconds: 20 });
  await expect(page.getByTestId('op-state')).toHaveText(['✔ Done', '✔ Done']);
  // The trail leads back to the list; forgetting it empties it.
  await crumbs.getByRole('link', { name: 'Components' }).click();
  await page.getByTestId('gfc-recent-forget').click();
  await expect(page.getByTestId('gfc-recent')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('failover-console.gfc-recent:'))).toBeNull();
});
