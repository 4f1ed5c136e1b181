// Issue 15: time left on a running task, learned from earlier runs; the measured recovery time
// of a finished one.
import { test, expect, Page } from '@playwright/test';
import { apiGet, clock, launch, openConsole, resetMock, signIn, taskFault, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
  await clock(request, { paused: true });
});

/// "1 m 5 s" / "1 分 5 秒" / "45 s" → seconds.
function seconds(text: string): number {
  const m = text.match(/(?:(\d+)\s*(?:m|分)\s*)?(?:(\d+)\s*(?:s|秒))?/u);
  const mins = m?.[1] ? Number(m[1]) : 0;
  const secs = m?.[2] ? Number(m[2]) : 0;
  return mins * 60 + secs;
}

async function etaSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('task-eta').textContent()) ?? '';
  const left = text.match(/≈\s*(.+?),\s*from/)?.[1] ?? text.match(/约\s*(.+?)（/)?.[1] ?? '';
  expect(left, `an estimate in "${text}"`).not.toBe('');
  return seconds(left);
}

/// What the mock's earlier drills of a tenant failover took, launch to end, in seconds.
async function drillSeconds(request: any): Promise<number> {
  const list = await apiGet(request, '/api/v2/tasks/instances?name=Failover%20tenant&status=SUCCESSFUL&size=20');
  const t = list.contents[0];
  return (Date.parse(t.finishTime) - Date.parse(t.startTime)) / 1000;
}

test('a running failover shows the time left from 19 earlier runs; it shrinks as steps finish; the end shows the measured RTO', async ({ page, request }) => {
  const total = await drillSeconds(request);
  expect(total).toBeGreaterThan(5);
  const id = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000031/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.getByTestId('task-eta')).toContainText('from 19 earlier runs');
  const first = await etaSeconds(page);
  expect(Math.abs(first - total)).toBeLessThanOrEqual(total * 0.2);
  // Half-way through, the estimate has shrunk by about what passed.
  const half = Math.round(total / 2);
  await clock(request, { advanceSeconds: half });
  // (once the page has polled the moved task: it may take a poll or two)
  await expect.poll(async () => Math.abs((await etaSeconds(page)) - (total - half))).toBeLessThanOrEqual(total * 0.2);
  expect(await etaSeconds(page)).toBeLessThan(first);
  // At the end: no estimate, the recovery time measured from OCP's own times.
  await clock(request, { advanceSeconds: total });
  await expect(page.getByTestId('task-status')).toContainText('Successful');
  await expect(page.getByTestId('task-eta')).toHaveCount(0);
  const rto = page.getByTestId('task-rto');
  await expect(rto).toContainText('to “Failover to primary tenant”');
  // OCP's own times of this task: launch to its finish time (when OCP noticed the end).
  const t = await apiGet(request, `/api/v2/tasks/instances/${id}`);
  const measured = (Date.parse(t.finishTime) - Date.parse(t.startTime)) / 1000;
  const text = (await rto.textContent()) ?? '';
  // Durations are shown in whole seconds.
  expect(Math.abs(seconds(text.match(/,\s*(.+?) to the end/)?.[1] ?? '') - measured)).toBeLessThan(1);
  const toPromotion = seconds(text.match(/^(.+?) to “/)?.[1] ?? '');
  expect(toPromotion).toBeGreaterThan(0);
  expect(toPromotion).toBeLessThanOrEqual(measured);
  // No objective configured: none judged.
  await expect(page.getByTestId('task-rto-objective')).toHaveCount(0);
});

test('a finished failover is judged against the RTO objective config.json sets for its tenant', async ({ page, request }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: {
        apiBaseUrl: '', requestTimeoutMs: 15000, readAttempts: 3, ocpTimeZone: '+08:00',
        objectives: [{ match: 'nothing*', rtoSecs: 1 }, { match: 'sales_dr', rpoSecs: 30, rtoSecs: 5 }],
      },
    }),
  );
  const id = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000031/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await clock(request, { advanceSeconds: 600 });
  await expect(page.getByTestId('task-status')).toContainText('Successful');
  const t = await apiGet(request, `/api/v2/tasks/instances/${id}`);
  const measured = (Date.parse(t.finishTime) - Date.parse(t.startTime)) / 1000;
  expect(measured).toBeGreaterThan(5);
  // Named by the tenant the task acts on (sales_dr, read from OCP by its id).
  await expect(page.getByTestId('task-rto-objective')).toHaveText(/^RTO objective 5 s: missed by .+$/);
});

test('a failed step: the estimate says the task waits on an operator, in Chinese too', async ({ page, request }) => {
  await taskFault(request, 'Failover to primary tenant', 'fail');
  const id = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000031/failover');
  await page.addInitScript(() => localStorage.setItem('failover-console.lang', 'zh-CN'));
  await page.goto(`/tasks/${id}`);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('admin');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('task-eta')).toContainText('依据 19 次历史运行');
  await clock(request, { advanceSeconds: 60 });
  await expect(page.getByTestId('task-eta')).toHaveText('未知：失败的步骤在等待操作员处理');
});

test('no earlier run of a task: the page says so instead of guessing', async ({ page, request }) => {
  // A generated task has no drills in the list.
  const r = await request.post('/__admin/tasks/synthetic', { data: { subtasks: 20, width: 2 } });
  expect(r.ok(), await r.text()).toBeTruthy();
  const id = (await r.json()).id;
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.getByTestId('task-eta')).toHaveText('unknown: no earlier run of this task finished');
  // Each waiting step says so too, in the table and in its details.
  await page.getByTestId('view-table').click();
  const etas = page.getByTestId('subtask-eta');
  await expect(etas.last()).toHaveText('no history');
  await page.getByTestId('subtask-row').last().getByRole('button').click();
  await expect(page.getByTestId('step-eta')).toHaveText('no history');
});

test('a pending step shows its own ETA, within 20% of what the mock\'s drills took', async ({ page, request }) => {
  // The newest drill, step by step: how long the step took and when it ended after the launch.
  const list = await apiGet(request, '/api/v2/tasks/instances?name=Failover%20tenant&status=SUCCESSFUL&size=20');
  const drill = await apiGet(request, `/api/v2/tasks/instances/${list.contents[0].id}`);
  // Its longest step that does not start first (so it is pending at launch).
  const length = (s: any) => Date.parse(s.finishTime) - Date.parse(s.startTime);
  const sub = drill.subtasks
    .filter((s: any) => s.startTime !== drill.startTime && (s.upstreams ?? []).length > 0)
    .sort((a: any, b: any) => length(b) - length(a))[0];
  expect(sub, 'the drill has a step after the first').toBeTruthy();
  const step: string = sub.name;
  const took = length(sub) / 1000;
  const endsAfter = (Date.parse(sub.finishTime) - Date.parse(drill.startTime)) / 1000;
  expect(took).toBeGreaterThan(0);

  const id = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000031/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.getByTestId('task-eta')).toContainText('from 19 earlier runs');
  await page.getByTestId('view-table').click();
  const row = page.getByTestId('subtask-row').filter({ hasText: step });
  await expect(row.getByTestId('subtask-status')).toContainText('Pending');
  const cell = row.getByTestId('subtask-eta');
  await expect(cell).toHaveText(/^≈ .+ · done in ≈ .+$/);
  const check = (text: string) => {
    const [, take, done] = text.match(/^≈ (.+) · done in ≈ (.+)$/) ?? [];
    // Durations are shown in whole seconds, rounded down: one second more of slack for that.
    expect(Math.abs(seconds(take) - took), `"${text}" vs ${took} s`).toBeLessThanOrEqual(took * 0.2 + 1);
    expect(Math.abs(seconds(done) - endsAfter), `"${text}" vs ${endsAfter} s`).toBeLessThanOrEqual(endsAfter * 0.2 + 1);
  };
  check((await cell.textContent()) ?? '');
  // The step's details say the same.
  await row.getByRole('button', { name: step }).click();
  await expect(page.getByTestId('step-eta')).toHaveText(/^≈ .+ · done in ≈ .+$/);
  check((await page.getByTestId('step-eta').textContent()) ?? '');
  // A finished step has no ETA; at the end none has.
  await clock(request, { advanceSeconds: endsAfter + 1 });
  await expect(row.getByTestId('subtask-status')).toContainText('Successful');
  await expect(cell).toHaveText('');
  await expect(page.getByTestId('step-eta')).toHaveCount(0);
});
