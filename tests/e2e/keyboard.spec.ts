// Issue 12: the task graph at the keyboard and to a screen reader; its orientation and the
// critical path of the remaining work. The first test drives a whole tenant failover with
// `page.keyboard` alone: no click, no mouse.
import { test, expect, Locator, Page } from '@playwright/test';
import { arrived, clock, openConsole, posts, resetMock, taskFault, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
  await clock(request, { paused: true });
});

const node = (page: Page, name: string) => page.locator(`g.node[data-name="${name}"]`);
/// A step as a screen reader and the keyboard meet it: the button over its drawing.
const step = (page: Page, name: string) => node(page, name).getByRole('button');

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement).catch(() => false);

/// Presses Tab (or Shift+Tab) until `target` has the focus, as an operator would; fails after
/// `max` presses.
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  expect(await isFocused(target), `reached ${target} within ${max} presses of Tab`).toBeTruthy();
}

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return { name: el?.closest('[data-name]')?.getAttribute('data-name') ?? null, label: el?.getAttribute('aria-label') ?? null, testid: el?.getAttribute('data-testid') ?? null };
});

test('a tenant failover launched, watched and a failed step retried with the keyboard alone', async ({ page, request }) => {
  await taskFault(request, 'Failover to primary tenant', 'fail');
  await openConsole(page, '/clusters/3000012');
  // Sign in.
  await tabTo(page, page.getByLabel('Username'));
  await page.keyboard.type('admin');
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type('admin');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as admin');
  // The tenant's failover precheck runs on opening it.
  const failover = page.getByTestId('tenant-row').filter({ hasText: 'sales_dr' }).getByRole('link', { name: 'Failover…' });
  await tabTo(page, failover);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict')).toContainText('Can fail over');
  // Launch through the type-to-confirm dialog: it opens on the name field.
  await tabTo(page, page.getByTestId('launch'));
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByLabel('Type sales_dr to confirm')).toBeFocused();
  await page.keyboard.type('sales_dr');
  await tabTo(page, dialog.getByTestId('confirm-launch'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tasks\/12022226$/);
  // A five-step chain is drawn top to bottom.
  await expect(page.locator('g.node')).toHaveCount(5);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-orientation', 'tb');
  // Watch it: the armed fault fails the second step.
  await clock(request, { advanceSeconds: 60 });
  await expect(page.getByTestId('task-status')).toContainText('Failed');
  await expect(node(page, 'Failover to primary tenant')).toHaveClass(/node-failed/);
  const failed = step(page, 'Failover to primary tenant');
  // Said once, politely.
  await expect(page.getByTestId('announcer')).toContainText('Step Failover to primary tenant failed');
  await expect(page.getByTestId('announcer')).toContainText('Task failed');
  // Into the graph: the failed step is its tab stop, named with its state and duration.
  await tabTo(page, failed);
  await expect(failed).toHaveAttribute('aria-label', /^Failover to primary tenant, failed, \d+ s$/);
  // Arrows follow the edges (top to bottom: up is upstream, down downstream), Tab the order.
  await page.keyboard.press('ArrowUp');
  await expect(step(page, 'Reset log restore source')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(step(page, 'Reset log restore source')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(failed).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(step(page, 'Upgrade tenant data version')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(failed).toBeFocused();
  // Enter opens its details and takes the keyboard there; its Retry comes next.
  await page.keyboard.press('Enter');
  const details = page.getByTestId('step-details');
  await expect(details).toBeFocused();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Failover to primary tenant');
  // Escape from anywhere in the details brings the keyboard back to the step; Enter goes in again.
  await tabTo(page, details.getByTestId('act-retry'), { max: 10 });
  await page.keyboard.press('Escape');
  await expect(failed).toBeFocused();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Failover to primary tenant');
  await page.keyboard.press('Enter');
  await expect(details).toBeFocused();
  await tabTo(page, details.getByTestId('act-retry'), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intervention')).toContainText('Retry Failover to primary tenant');
  // In the preview, Escape closes the preview only: the keyboard stays in the details.
  await tabTo(page, page.getByTestId('cancel-intervention'), { max: 10 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('intervention')).toHaveCount(0);
  expect(await isFocused(failed)).toBeFalsy();
  await tabTo(page, details.getByTestId('act-retry'), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intervention')).toContainText('Retry Failover to primary tenant');
  await tabTo(page, page.getByTestId('confirm-intervention'), { max: 10 });
  expect(await posts(request, '/retry')).toBe(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intervention')).toHaveCount(0);
  await arrived(request, 'POST', '/retry');
  // The task continues to its end.
  await clock(request, { advanceSeconds: 120 });
  await expect(node(page, 'Failover to primary tenant')).toHaveClass(/node-successful/);
  await expect(page.getByTestId('task-status')).toContainText('Successful');
  await expect(page.getByTestId('task-progress')).toHaveText('5 of 5 steps done');
  await expect(page.getByTestId('announcer')).toContainText('Task successful');
});

test.describe('at 1280 × 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a nine-step chain flows top to bottom and fits whole with labels of at least 12 px; the toggle overrides', async ({ page, request }) => {
    const r = await request.post('/__admin/tasks/synthetic', { data: { subtasks: 9, width: 1 } });
    const { id } = await r.json();
    await openConsole(page, `/tasks/${id}`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('admin');
    await page.keyboard.press('Enter');
    await expect(page.locator('g.node')).toHaveCount(9);
    const graph = page.getByTestId('graph');
    await expect(graph).toHaveAttribute('data-orientation', 'tb');
    const inside = async () => {
      const g = (await graph.boundingBox())!;
      const boxes = await page.locator('g.node rect').evaluateAll((els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }));
      return boxes.every((b) => b.x >= g.x - 0.5 && b.y >= g.y - 0.5 && b.x + b.w <= g.x + g.width + 0.5 && b.y + b.h <= g.y + g.height + 0.5)
        && boxes.every((b) => b.h >= 38 * 12 / 13 - 0.5);
    };
    await expect.poll(inside, { message: 'all nine steps on screen, none smaller than 12 px labels allow' }).toBe(true);
    // Left to right, forced: the same chain now runs off the side (it scrolls instead).
    await page.getByTestId('orientation').selectOption('lr');
    await expect(graph).toHaveAttribute('data-orientation', 'lr');
    await expect.poll(inside).toBe(false);
    await page.getByTestId('orientation').selectOption('auto');
    await expect(graph).toHaveAttribute('data-orientation', 'tb');
    await expect.poll(inside).toBe(true);
  });
});

test('the critical path of the remaining work is marked and moves as steps finish', async ({ page, request }) => {
  // A cluster failover (9 steps, not a chain): the longest chain still to run is marked.
  const r = await request.post('/api/v2/ob/clusters/6/failover', { headers: { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') } });
  const id = (await r.json()).data.id;
  await openConsole(page, `/tasks/${id}`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin');
  await page.keyboard.press('Enter');
  await expect(page.locator('g.node')).toHaveCount(9);
  await expect(page.getByTestId('legend-critical')).toHaveText('Critical path of the remaining work');
  // Nothing has finished: the path starts at the first step and every marked step is unfinished.
  await expect(node(page, 'Mc lock ob clusters')).toHaveClass(/critical/);
  const marked = page.locator('g.node.critical');
  expect(await marked.count()).toBeGreaterThan(2);
  expect(await page.locator('path.edge.critical').count()).toBe((await marked.count()) - 1);
  await expect(page.locator('g.node.critical.node-successful')).toHaveCount(0);
  // Each step's accessible name says its state and how long it has run.
  await expect(step(page, 'Mc lock ob clusters')).toHaveAttribute('aria-label', /^Mc lock ob clusters, running, \d+ s$/);
  await expect(step(page, 'Wait node')).toHaveAttribute('aria-label', 'Wait node, pending');
  // The first step finishes: it leaves the path, which now starts further on.
  const before = await marked.count();
  await clock(request, { advanceSeconds: 12 });
  await expect(node(page, 'Mc lock ob clusters')).toHaveClass(/node-successful/);
  await expect(node(page, 'Mc lock ob clusters')).not.toHaveClass(/critical/);
  await expect(step(page, 'Mc lock ob clusters')).toHaveAttribute('aria-label', /^Mc lock ob clusters, successful, \d+ s$/);
  await expect.poll(() => marked.count()).toBeLessThan(before);
  expect(await marked.count()).toBeGreaterThan(0);
  await expect(page.locator('g.node.critical.node-successful')).toHaveCount(0);
  expect(await page.locator('path.edge.critical').count()).toBe((await marked.count()) - 1);
});

test('a task of 2,000 steps: the keyboard walks past the edge of the screen, and the minimap moves the view', async ({ page, request }) => {
  const r = await request.post('/__admin/tasks/synthetic', { data: { subtasks: 2000, width: 20 } });
  const { id } = await r.json();
  await openConsole(page, `/tasks/${id}`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin');
  await page.keyboard.press('Enter');
  await expect(page.locator('g.node').first()).toBeVisible();
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-orientation', 'tb');
  // Culled, and layer 30 is far below the screen.
  await expect(page.locator('g.node[data-name^="Step 30."]')).toHaveCount(0);
  // Into the graph: the tab stop is the first step; down follows the edges layer by layer.
  await tabTo(page, graph);
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('Step 0.0');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await focused(page)).name).toMatch(/^Step 30\.\d+$/);
  const name = (await focused(page)).name!;
  const reached = step(page, name);
  await expect(reached).toBeFocused();
  // Panned to before it was focused: it is on screen, not just in the DOM.
  const g = (await graph.boundingBox())!;
  const b = (await reached.boundingBox())!;
  expect(b.y >= g.y && b.y + b.height <= g.y + g.height + 1).toBeTruthy();
  // Still culled: a screenful, not 2,000 nodes.
  expect(await page.locator('g.node').count()).toBeLessThan(400);
  // The minimap: a click near its bottom brings the last layers into view.
  const mini = page.getByTestId('minimap');
  await expect(mini).toBeVisible();
  const m = (await mini.boundingBox())!;
  // Where the graph is drawn on the page: the drawing's box moves and scales with the view.
  const transform = () => page.locator('svg.graph').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return `${r.x.toFixed(1)} ${r.y.toFixed(1)} ${r.width.toFixed(1)}`;
  });
  const before = await transform();
  await page.mouse.click(m.x + m.width / 2, m.y + m.height - 2);
  await expect.poll(transform).not.toBe(before);
  await expect(page.locator('g.node[data-name^="Step 99."]').first()).toBeVisible();
});

test('a resized window keeps the step in hand on screen, without laying the graph out again', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const r = await request.post('/__admin/tasks/synthetic', { data: { subtasks: 2000, width: 20 } });
  const { id } = await r.json();
  await openConsole(page, `/tasks/${id}`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin');
  await page.keyboard.press('Enter');
  await expect(page.locator('g.node').first()).toBeVisible();
  const graph = page.getByTestId('graph');
  // Walk 30 layers down and a few steps across, then open the step: it is selected.
  await tabTo(page, graph);
  await page.keyboard.press('Tab');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  const name = (await focused(page)).name!;
  expect(name).toMatch(/^Step 3[01]\.\d+$/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-details').getByRole('heading', { level: 2 })).toHaveText(name);
  const placed = () => node(page, name).getAttribute('transform');
  const where = await placed();
  const inside = async () => {
    const g = (await graph.boundingBox())!;
    const b = await step(page, name).boundingBox();
    return !!b && b.x >= g.x - 1 && b.y >= g.y - 1 && b.x + b.width <= g.x + g.width + 1 && b.y + b.height <= g.y + g.height + 1;
  };
  expect(await inside()).toBeTruthy();
  // A phone held upright, then a short wide window: the step stays on screen each time.
  for (const size of [{ width: 420, height: 800 }, { width: 1280, height: 420 }, { width: 700, height: 600 }]) {
    await page.setViewportSize(size);
    await expect.poll(inside, { message: `step ${name} on screen at ${size.width}×${size.height}` }).toBeTruthy();
    // Where it is in the layout did not change: no new layout, only the view moved.
    expect(await placed()).toBe(where);
    expect(await page.locator('g.node').count()).toBeLessThan(400);
  }
});

test('a resized window keeps the middle of the view where it was', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const r = await request.post('/__admin/tasks/synthetic', { data: { subtasks: 2000, width: 20 } });
  const { id } = await r.json();
  await openConsole(page, `/tasks/${id}`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin');
  await page.keyboard.press('Enter');
  await expect(page.locator('g.node').first()).toBeVisible();
  const graph = page.getByTestId('graph');
  // Pan away from the first step (the tab stop) with the keyboard on the graph itself.
  await tabTo(page, graph);
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
  await expect(step(page, 'Step 0.0')).not.toBeInViewport();
  // The layout point at the middle of the graph's screen, read from where the drawing is.
  const middle = () => page.evaluate(() => {
    const screen = document.querySelector('[data-testid=graph]')!.getBoundingClientRect();
    const svg = document.querySelector('svg.graph')!;
    const g = svg.querySelector('g.node')!;
    const [x, y] = (g.getAttribute('transform') ?? '').match(/-?[\d.]+/g)!.map(Number);
    // The step's box (layout width 190, core/src/layout.rs NODE_W) gives the scale.
    const box = g.querySelector('rect')!.getBoundingClientRect();
    const k = box.width / 190;
    const mx = screen.x + screen.width / 2;
    const my = screen.y + screen.height / 2;
    return { x: x + (mx - box.x) / k, y: y + (my - box.y) / k };
  });
  const before = await middle();
  await page.setViewportSize({ width: 900, height: 700 });
  await expect.poll(async () => {
    const after = await middle();
    return Math.abs(after.x - before.x) < 2 && Math.abs(after.y - before.y) < 2;
  }).toBeTruthy();
  await expect(graph).toBeVisible();
});
