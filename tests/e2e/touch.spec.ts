// Issue 12: zoom and pan the task graph with two fingers on a touch screen.
import { test, expect } from '@playwright/test';
import { clock, launch, openConsole, resetMock, signIn, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test('two fingers spreading apart zoom the graph in, closing zooms out', async ({ page, request }) => {
  await resetMock(request);
  await clock(request, { paused: true });
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  // The graph's screen, wholly in the window (the fingers go to its middle).
  const svg = page.getByTestId('graph');
  await svg.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await expect(page.locator('g.node').first()).toBeVisible();
  const scale = async () => {
    const t = (await page.locator('svg.graph > g').getAttribute('transform')) ?? '';
    return Number(t.match(/scale\(([\d.]+)\)/)?.[1]);
  };
  const k0 = await scale();
  const box = (await svg.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
  const touch = async (type: string, spread: number, shift = 0) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [
      { x: cx - spread + shift, y: cy, id: 1 },
      { x: cx + spread + shift, y: cy, id: 2 },
    ],
  });
  await touch('touchStart', 20);
  for (const s of [30, 40, 50, 60]) await touch('touchMove', s);
  await touch('touchEnd', 60);
  // Three times the spread, three times the scale (within the zoom limits).
  await expect.poll(scale).toBeGreaterThan(k0 * 2);
  await page.waitForTimeout(300);
  const k1 = await scale();
  // Fingers closing again zoom back out (not below the legible floor).
  await touch('touchStart', 60);
  for (const s of [50, 40, 30]) await touch('touchMove', s);
  await touch('touchEnd', 30);
  await expect.poll(scale).toBeLessThan(k1 * 0.75);
  // A pinch is no click: no step was opened by it.
  await expect(page.getByTestId('step-details')).toHaveCount(0);
});
