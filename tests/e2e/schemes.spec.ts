// Issue 27: every operator's screen. The header's colour toggle (as the system, light, dark),
// kept in the browser; print stays light whatever the screen shows; and under forced colours
// (Windows high contrast) every step state of the graph keeps a line of its own. Both schemes
// on every page, axe's contrast check and the 320 px reflow are in a11y.spec.ts.
import { test, expect, Page } from '@playwright/test';
import { clock, launch, noCrash, openConsole, resetMock, signIn, taskFault } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));
test.beforeEach(async ({ request }) => {
  await resetMock(request);
  await clock(request, { paused: true });
});

/// The relative luminance of the page's background (0 black … 1 white).
async function background(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rgb = getComputedStyle(document.documentElement).backgroundColor.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
    const lin = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  });
}

test('the colour toggle pins a scheme across a reload, System follows the OS, and print stays light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openConsole(page, '/clusters');
  await signIn(page);
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  expect(await background(page)).toBeGreaterThan(0.8);
  await expect(page.getByTestId('theme')).toHaveValue('system');

  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBeLessThan(0.05);
  await page.reload();
  await expect(page.getByTestId('theme')).toHaveValue('dark');
  expect(await background(page)).toBeLessThan(0.05);

  // Paper is light.
  await page.emulateMedia({ media: 'print' });
  expect(await background(page)).toBeGreaterThan(0.8);
  await page.emulateMedia({ media: 'screen' });

  // As the system: the operating system's scheme, whichever it is.
  await page.getByTestId('theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await background(page)).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background(page)).toBeLessThan(0.05);
  // Pinned light wins over a dark system.
  await page.getByTestId('theme').selectOption('light');
  expect(await background(page)).toBeGreaterThan(0.8);
});

test('under forced colours every step state keeps a line of its own, and the icons stay', async ({ page, request }) => {
  await taskFault(request, 'Wait standby log sync', 'fail');
  const id = await launch(request, '/api/v2/ob/clusters/3000012/tenants/2000033/switchover');
  await page.emulateMedia({ forcedColors: 'active' });
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.locator('g.node').first()).toBeVisible();
  await clock(request, { advanceSeconds: 30 });
  await expect(page.getByTestId('task-status')).toHaveClass(/node-failed/);
  // Each state's box line: dashes and width, which forced colours leave alone.
  const lines = await page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const g of document.querySelectorAll('g.node')) {
      const state = [...g.classList].find((c) => c.startsWith('node-'));
      const rect = g.querySelector('rect');
      if (!state || !rect || out[state]) continue;
      const s = getComputedStyle(rect);
      out[state] = `${s.strokeDasharray} / ${s.strokeWidth}`;
    }
    return out;
  });
  expect(Object.keys(lines)).toEqual(expect.arrayContaining(['node-successful', 'node-failed', 'node-pending']));
  const distinct = new Set(Object.values(lines));
  expect(distinct.size, JSON.stringify(lines)).toBe(Object.keys(lines).length);
  // And each state its icon, as in every scheme.
  const icons = await page.locator('g.node-failed .node-icon').first().textContent();
  expect(icons).toBe('✖');
  await expect(page.locator('g.node-successful .node-icon').first()).toHaveText('✔');
});
