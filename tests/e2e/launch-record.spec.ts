// Issue 15 item 4: the launch record. What was on screen at launch (the precheck's counts, the
// warnings accepted, the lag then), the operator and the reason are kept in this browser with
// the new task and shown on its page, in both languages, across a reload; a task launched
// elsewhere shows no made-up record.
import { test, expect, Page } from '@playwright/test';
import { launch, noCrash, openConsole, resetMock, signIn } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

async function confirmLaunch(page: Page, name: string, reason: string) {
  await page.getByTestId('launch').click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByLabel('Reason (optional)').fill(reason);
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  return dialog;
}

test('a tenant failover keeps its launch record, shown on the task page and after a reload', async ({ page }) => {
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  await page.getByTestId('tenant-row').filter({ hasText: 'billing_dr' }).getByRole('link', { name: 'Failover…' }).click();
  await expect(page.getByTestId('warnings')).toContainText('OBE26120');
  const dialog = await confirmLaunch(page, 'billing_dr', '  Region A power loss, ticket INC-4711  ');
  await dialog.getByLabel(/I accept: OBE26120/).check();
  await dialog.getByTestId('confirm-launch').click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);

  const record = page.getByTestId('launch-record');
  const expected = /^Launch record: Launched by admin at \d\d:\d\d:\d\d today \(UTC[^)]*\) after precheck: 0 blocking, 1 warning accepted \(OBE26120\), 4\d s behind\. Reason: Region A power loss, ticket INC-4711$/;
  await expect(record).toHaveText(expected);
  await page.reload();
  await expect(page.getByTestId('task-status')).toBeVisible();
  await expect(record).toHaveText(expected);

  await page.getByRole('button', { name: '中文' }).click();
  await expect(record).toHaveText(/^发起记录: 由 admin 于 今天 \d\d:\d\d:\d\d \(UTC[^)]*\) 发起，发起前预检查：0 个阻断项，已接受 1 个警告（OBE26120），落后 4\d 秒。原因：Region A power loss, ticket INC-4711$/);
});

test('a cluster failover without a reason: the record says who and when, no reason', async ({ page }) => {
  await openConsole(page, '/clusters/6');
  await signIn(page);
  await page.getByRole('link', { name: 'Cluster failover…' }).click();
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  const dialog = await confirmLaunch(page, 'ob3x_standby', '   ');
  await dialog.getByTestId('confirm-launch').click();
  await expect(page).toHaveURL(/\/tasks\/171603$/);
  await expect(page.getByTestId('launch-record')).toHaveText(
    /^Launch record: Launched by admin at \d\d:\d\d:\d\d today \(UTC[^)]*\) after precheck: 0 blocking, no warnings\.$/,
  );
});

test('a batch failover gives each task its own tenant precheck in its record', async ({ page }) => {
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  await page.getByRole('link', { name: 'Batch failover precheck' }).click();
  await expect(page.getByTestId('batch-row')).toHaveCount(4);
  await page.getByTestId('select-passing').click();
  const dialog = await confirmLaunch(page, 'OB424_B', 'drill 2026-11');
  await dialog.getByLabel(/I accept: billing_dr/).check();
  await dialog.getByTestId('confirm-launch').click();
  const links = page.getByTestId('launched').getByRole('link');
  await expect(links).toHaveCount(3);
  // Each link reads "<task name> #<task id> (<tenant id>)": billing_dr is tenant 2000032.
  const ids = (await links.allTextContents()).map((l) => {
    const m = l.match(/#(\d+) \((\d+)\)/);
    expect(m, l).not.toBeNull();
    return { task: m![1], tenant: m![2] };
  });
  for (const { task, tenant } of ids) {
    await page.goto(`/tasks/${task}`);
    const record = page.getByTestId('launch-record');
    await expect(record).toContainText('Reason: drill 2026-11');
    if (tenant === '2000032') {
      await expect(record).toContainText('0 blocking, 1 warning accepted (OBE26120)');
    } else {
      await expect(record).toContainText('0 blocking, no warnings');
    }
  }
  expect(ids.some((i) => i.tenant === '2000032')).toBeTruthy();
});

test('a task launched elsewhere shows no record, never a made-up one', async ({ page, request }) => {
  const id = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000031/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.getByTestId('task-status')).toBeVisible();
  await expect(page.getByTestId('launch-record')).toHaveCount(0);
  await expect(page.getByTestId('launch-record-none')).toContainText('launched elsewhere');
});
