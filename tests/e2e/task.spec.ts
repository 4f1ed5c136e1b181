// Issue 4: the live task graph, driven by the mock's clock; interventions; reconnecting.
import { test, expect, Page } from '@playwright/test';
import { apiGet, arrived, clock, journal, launch, openConsole, posts, resetMock, signIn, taskFault, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
  await clock(request, { paused: true });
});

const node = (page: Page, name: string) => page.locator(`g.node[data-name="${name}"]`);

async function openTask(page: Page, id: number) {
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.locator('g.node').first()).toBeVisible();
}

test('a cluster failover followed from launch to SUCCESSFUL; polling stops at the end', async ({ page, request }) => {
  await openConsole(page, '/clusters/6/dr/failover');
  await signIn(page);
  await page.getByTestId('launch').click();
  await page.getByLabel('Type ob3x_standby to confirm').fill('ob3x_standby');
  await page.getByTestId('confirm-launch').click();
  await expect(page).toHaveURL(/\/tasks\/171603$/);
  await expect(page).toHaveTitle('Task #171603 · Failover OB cluster · Failover Console');
  await expect(page.locator('g.node')).toHaveCount(9);
  await expect(node(page, 'Mc lock ob clusters')).toHaveClass(/node-running/);
  await expect(node(page, 'Wait node')).toHaveClass(/node-pending/);
  await expect(page.getByTestId('task-progress')).toHaveText('0 of 9 steps done');
  await expect(page.getByTestId('live')).toContainText('Live');
  await clock(request, { advanceSeconds: 12 });
  await expect(node(page, 'Mc lock ob clusters')).toHaveClass(/node-successful/);
  await expect(page.getByTestId('task-progress')).not.toHaveText('0 of 9 steps done');
  await clock(request, { advanceSeconds: 120 });
  await expect(page.getByTestId('task-status')).toContainText('Successful');
  await expect(page.getByTestId('task-progress')).toHaveText('9 of 9 steps done');
  await expect(page.locator('g.node.node-successful')).toHaveCount(9);
  await expect(page.getByTestId('not-polling')).toBeVisible();
  // No more polls once it ended.
  const count = async () => (await journal(request)).filter((e) => e.path === '/api/v2/tasks/instances/171603').length;
  const before = await count();
  await page.waitForTimeout(2500);
  expect(await count()).toBe(before);
  // The standby cluster is primary now.
  await page.goto('/clusters');
  await expect(page.getByTestId('cluster-row').filter({ hasText: 'ob3x_standby' })).toContainText('Primary');
});

test('a failed step is retried from the graph, then another one skipped', async ({ page, request }) => {
  await taskFault(request, 'Failover to Primary', 'fail');
  await taskFault(request, 'Sync all cluster info', 'fail');
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openTask(page, id);
  await clock(request, { advanceSeconds: 60 });
  await expect(page.getByTestId('task-status')).toContainText('Failed');
  await expect(node(page, 'Failover to Primary')).toHaveClass(/node-failed/);
  // The failure surfaces by itself: the failed step is selected and its log shown.
  await expect(page.getByTestId('step-details')).toContainText('Failover to Primary');
  await expect(node(page, 'Failover to Primary')).toHaveClass(/selected/);
  await expect(page.getByTestId('step-log')).toContainText('injected fault');
  await page.getByTestId('act-retry').click();
  // The preview marks what will re-run before anything is sent.
  await expect(page.getByTestId('intervention')).toContainText('Retry Failover to Primary');
  await expect(node(page, 'Failover to Primary')).toHaveClass(/impact-rerun/);
  await expect(node(page, 'Mc unlock ob clusters')).toHaveClass(/impact-rerun/);
  await expect(node(page, 'Mc lock ob clusters')).not.toHaveClass(/impact-/);
  expect(await posts(request, '/retry')).toBe(0);
  await page.getByTestId('confirm-intervention').click();
  await expect(page.getByTestId('intervention')).toHaveCount(0);
  expect(await posts(request, `/subtasks/202628/retry`)).toBe(1);
  await clock(request, { advanceSeconds: 60 });
  await expect(node(page, 'Failover to Primary')).toHaveClass(/node-successful/);
  await expect(node(page, 'Sync all cluster info')).toHaveClass(/node-failed/);
  // The second failure, off screen at a legible zoom, picked in the table; back on the
  // graph it is drawn and brought into view.
  await page.getByTestId('view-table').click();
  await page.getByTestId('subtask-row').getByRole('button', { name: 'Sync all cluster info' }).click();
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(node(page, 'Sync all cluster info')).toHaveClass(/selected/);
  await page.getByTestId('act-skip').click();
  await expect(node(page, 'Sync all cluster info')).toHaveClass(/impact-skip/);
  await page.getByTestId('confirm-intervention').click();
  await expect(page.getByTestId('intervention')).toHaveCount(0);
  await clock(request, { advanceSeconds: 60 });
  await expect(page.getByTestId('task-status')).toContainText('Successful');
  expect(await posts(request, `/subtasks/202620/skip`)).toBe(1);
});

test('a failed task is rolled back, its steps undone in reverse order', async ({ page, request }) => {
  await taskFault(request, 'Wait standby log sync', 'fail');
  const id = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000033/switchover');
  await openTask(page, id);
  await clock(request, { advanceSeconds: 30 });
  await expect(page.getByTestId('task-status')).toContainText('Failed');
  await page.getByTestId('act-rollback').click();
  await expect(page.getByTestId('intervention')).toContainText('undone in the numbered order');
  await expect(node(page, 'Wait standby log sync')).toContainText('↶1');
  await expect(node(page, 'Check tenant switchover status')).toContainText('↶2');
  // A rollback ends the attempt: it is typed to confirm, like a launch.
  await expect(page.getByTestId('confirm-intervention')).toBeDisabled();
  await page.getByLabel('Type Switchover ob tenant for network mode to confirm').fill('Switchover ob tenant for network mode');
  await page.getByTestId('confirm-intervention').click();
  await expect(page.getByTestId('intervention')).toHaveCount(0);
  await clock(request, { advanceSeconds: 30 });
  await expect(page.getByTestId('task-status')).toContainText('Successful');
  await expect(page.locator('g.node.node-pending')).toHaveCount(5);
  const t = await apiGet(request, `/api/v2/tasks/instances/${id}`);
  expect(t.operation).toBe('ROLLBACK');
  const fin = (n: string) => t.subtasks.find((s: any) => s.name === n).finishTime;
  expect(fin('Wait standby log sync') < fin('Check tenant switchover status')).toBeTruthy();
  expect(await posts(request, `/instances/${id}/rollback`)).toBe(1);
});

test('a refused rollback (20004) is explained', async ({ page, request }) => {
  await taskFault(request, 'Switchover primary to standby', 'fail');
  const id = await launch(request, '/api/v2/ob/clusters/8/switchover');
  await openTask(page, id);
  await clock(request, { advanceSeconds: 60 });
  await expect(page.getByTestId('task-status')).toContainText('Failed');
  await page.getByTestId('act-rollback').click();
  await page.getByLabel('Type Switchover OB cluster to confirm').fill('Switchover OB cluster');
  await page.getByTestId('confirm-intervention').click();
  await expect(page.getByTestId('rollback-refused')).toContainText('cannot be undone');
  await expect(page.getByTestId('intervention').getByTestId('failure')).toContainText('20004');
  await expect(page.getByTestId('confirm-intervention')).toBeDisabled();
  expect(await posts(request, `/instances/${id}/rollback`)).toBe(1);
});

test('the network drops mid-run: the graph stays, "reconnecting" shows, and it recovers', async ({ page, request }) => {
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openTask(page, id);
  await expect(page.getByTestId('live')).toContainText('Live');
  await page.route(`**/api/v2/tasks/instances/${id}`, (route) => route.abort('internetdisconnected'));
  await expect(page.getByTestId('reconnecting')).toContainText(/Last updated \d+ s ago, reconnecting/);
  await expect(page.locator('g.node')).toHaveCount(9);
  await clock(request, { advanceSeconds: 15 });
  await page.unroute(`**/api/v2/tasks/instances/${id}`);
  await expect(page.getByTestId('reconnecting')).toHaveCount(0, { timeout: 20_000 });
  await expect(node(page, 'Mc lock ob clusters')).toHaveClass(/node-successful/);
});

test('a step past its timeout is marked overdue; a running step can be canceled', async ({ page, request }) => {
  await taskFault(request, 'Mc lock ob clusters', 'hang');
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openTask(page, id);
  await clock(request, { advanceSeconds: 75 });
  await expect(node(page, 'Mc lock ob clusters')).toHaveClass(/overdue/);
  await node(page, 'Mc lock ob clusters').click();
  await expect(page.getByTestId('overdue')).toBeVisible();
  await page.getByTestId('act-cancel').click();
  await expect(node(page, 'Mc lock ob clusters')).toHaveClass(/impact-stop/);
  await page.getByTestId('confirm-intervention').click();
  await arrived(request, 'POST', '/cancel');
  await clock(request, { advanceSeconds: 2 });
  await expect(page.getByTestId('task-status')).toContainText('Failed');
  await expect(page.getByTestId('step-status')).toContainText('Failed');
});

test('a task of 2,000 subtasks: only what is on screen is drawn, labels stay legible, keys pan and zoom; the table lists every step', async ({ page, request }) => {
  const r = await request.post('/__admin/tasks/synthetic', { data: { subtasks: 2000, width: 20 } });
  const { id } = await r.json();
  await openTask(page, id);
  // Culled: a screenful (plus a margin) is in the DOM, not 2,000 nodes.
  const drawn = await page.locator('g.node').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(400);
  await node(page, 'Step 0.3').click();
  await expect(page.getByTestId('step-details')).toContainText('Step 0.3');
  await expect(node(page, 'Step 0.3')).toHaveClass(/selected/);
  // Fit cannot show 100 columns legibly: it stops where a 13 px label is 12 px on screen.
  await page.getByTestId('fit').click();
  const box = await node(page, 'Step 0.3').locator('rect').boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(38 * 12 / 13 - 0.5);
  await expect(node(page, 'Step 99.19')).toHaveCount(0);
  // Keys on the focused graph: + zooms in, an arrow pans.
  // Where the graph is drawn on the page: the drawing's box moves and scales with the view.
  const transform = () => page.locator('svg.graph').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return `${r.x.toFixed(1)} ${r.y.toFixed(1)} ${r.width.toFixed(1)}`;
  });
  const before = await transform();
  await page.getByTestId('graph').focus();
  await page.keyboard.press('+');
  await expect.poll(transform).not.toBe(before);
  const zoomed = await transform();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(transform).not.toBe(zoomed);
  await page.keyboard.press('0');
  // The last step, picked in the table, is drawn and brought into view on the graph.
  await page.getByTestId('view-table').click();
  await expect(page.getByTestId('subtask-row')).toHaveCount(2000);
  await page.getByTestId('subtask-row').last().getByRole('button').click();
  await page.getByRole('tab', { name: 'Graph' }).click();
  const last = node(page, 'Step 99.19');
  await expect(last).toHaveClass(/selected/);
  const lb = await last.boundingBox();
  const svg = await page.getByTestId('graph').boundingBox();
  expect(lb && svg && lb.x >= svg.x && lb.x + lb.width <= svg.x + svg.width + 1).toBeTruthy();
});

test('dragging a 2,000-step graph across many screens: the steps follow the mouse and those it reaches are drawn', async ({ page, request }) => {
  const r = await request.post('/__admin/tasks/synthetic', { data: { subtasks: 2000, width: 20 } });
  const { id } = await r.json();
  await openTask(page, id);
  const screen = page.getByTestId('graph');
  await screen.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const s = (await screen.boundingBox())!;
  const onScreen = () => page.locator('g.node').evaluateAll((els, s) => els.filter((e) => {
    const b = e.getBoundingClientRect();
    return b.right > s.x && b.left < s.x + s.width && b.bottom > s.y && b.top < s.y + s.height;
  }).map((e) => e.getAttribute('data-name')), s);
  const first = (await onScreen())[0];
  expect(first).toBeTruthy();
  const before = (await node(page, first!).boundingBox())!;
  const [cx, cy] = [s.x + s.width / 2, s.y + s.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  // A short way: the step moves with the mouse, exactly.
  for (let dx = 20; dx <= 200; dx += 20) await page.mouse.move(cx - dx, cy);
  await expect.poll(async () => Math.round((await node(page, first!).boundingBox())!.x - before.x)).toBe(-200);
  // Then far past what was rendered around the screen: the steps there are drawn.
  for (let dx = 240; dx <= 2400; dx += 40) await page.mouse.move(cx - dx, cy - dx / 20);
  await page.mouse.up();
  await expect.poll(async () => (await onScreen()).length).toBeGreaterThan(5);
  expect((await onScreen()).includes(first!)).toBe(false);
  // Still culled, and a drag is no click: no step opened.
  expect(await page.locator('g.node').count()).toBeLessThan(400);
  await expect(page.getByTestId('step-details')).toHaveCount(0);
  // Where it stopped, it is drawn at the view's scale (crisp, not a stretched picture).
  const svg = (await page.locator('svg.graph').boundingBox())!;
  const scale = Number(((await page.locator('svg.graph > g').getAttribute('transform')) ?? '').match(/scale\(([\d.]+)\)/)?.[1]);
  const styleScale = await page.locator('svg.graph').evaluate((e) => (e as SVGSVGElement).style.transform);
  expect(styleScale).toMatch(/scale\(1(\.0+)?\)$/);
  expect(svg.width).toBeGreaterThan(0);
  expect(scale).toBeGreaterThan(0.9);
});

test('the poller pauses in a hidden tab and resumes when it is shown again', async ({ page, request }) => {
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openTask(page, id);
  const polls = async () => (await journal(request)).filter((e) => e.method === 'GET' && e.path === `/api/v2/tasks/instances/${id}`).length;
  await expect.poll(polls).toBeGreaterThan(2);
  // The browser hides the tab (as when the operator switches to another one).
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(1500); // let an in-flight poll land
  const hidden = await polls();
  await page.waitForTimeout(4000);
  expect(await polls(), 'no poll while hidden').toBeLessThanOrEqual(hidden);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(polls, { timeout: 15_000 }).toBeGreaterThan(hidden + 1);
});

// Issue 12: times in the operator's zone (the browser's, not OCP's +08:00), named, with the
// exact time on hover; durations and operations in words.
test.describe('times, durations and operations read as words', () => {
  test.describe('English, in UTC+5:30', () => {
    test.use({ timezoneId: 'Asia/Kolkata' });
    test('the task page names the zone, keeps the exact time on hover, and counts in minutes', async ({ page, request }) => {
      await taskFault(request, 'Mc lock ob clusters', 'hang');
      const id = await launch(request, '/api/v2/ob/clusters/6/failover');
      await openTask(page, id);
      const started = page.getByTestId('task-started').getByTestId('time');
      await expect(started).toHaveText(/^\d{2}:\d{2}:\d{2} (today|yesterday) \(UTC\+5:30\) · just now$/);
      // OCP wrote it at +08:00; that exact text is on hover.
      await expect(started).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
      await expect(page.getByTestId('task-operation')).toHaveText('Execute');
      await clock(request, { advanceSeconds: 80 });
      // 80 s of OCP's clock; the page's one-second ticker may trail the last poll by under 1 s.
      await expect(page.getByTestId('task-elapsed')).toHaveText(/^1 m (19|2\d) s$/);
      await expect(started).toHaveText(/\(UTC\+5:30\) · 1 min ago$/);
      await node(page, 'Mc lock ob clusters').click();
      const details = page.getByTestId('step-details');
      await expect(details.getByTestId('step-started')).toHaveText(/^\d{2}:\d{2}:\d{2} (today|yesterday) \(UTC\+5:30\) · 1 min ago$/);
      await expect(details).toContainText('Timeout1 m');
      await page.getByTestId('view-table').click();
      await expect(page.getByTestId('subtasks').locator('th').filter({ hasText: 'Started' })).toHaveText('Started (UTC+5:30)');
      await expect(page.getByTestId('subtask-row').first()).toContainText('Execute');
      // The related tasks are named, not filtered by raw ids.
      await page.getByRole('link', { name: 'Related tasks' }).click();
      await expect(page.getByTestId('tasks-filter')).toHaveText('Tasks of cluster ob3x_standby');
      // The list judges ages and durations by OCP's clock too (here 80 s ahead of the browser's).
      await expect(page.getByTestId('task-row').first()).toContainText(/\d{2}:\d{2}:\d{2} (today|yesterday) · 1 min ago1 m (19|2\d) s/);
      await expect(page.getByTestId('task-row').first()).toContainText('▶ Running');
    });
  });

  test.describe('Chinese, in UTC+8', () => {
    test.use({ timezoneId: 'Asia/Shanghai' });
    test('the task page in Chinese: 今天 hh:mm:ss (UTC+8), elapsed 1 分 2x 秒', async ({ page, request }) => {
      await taskFault(request, 'Mc lock ob clusters', 'hang');
      const id = await launch(request, '/api/v2/ob/clusters/6/failover');
      await openTask(page, id);
      await page.getByRole('button', { name: '中文' }).click();
      await clock(request, { advanceSeconds: 80 });
      const started = page.getByTestId('task-started').getByTestId('time');
      await expect(started).toHaveText(/^(今天|昨天) \d{2}:\d{2}:\d{2} \(UTC\+8\) · 1 分钟前$/);
      await expect(started).toHaveAttribute('title', /\+08:00$/);
      await expect(page.getByTestId('task-elapsed')).toHaveText(/^1 分 (19|2\d) 秒$/);
      await expect(page.getByTestId('task-operation')).toHaveText('执行');
      await page.getByRole('link', { name: '相关任务' }).click();
      await expect(page.getByTestId('tasks-filter')).toHaveText('集群 ob3x_standby 的任务');
    });
  });
});
