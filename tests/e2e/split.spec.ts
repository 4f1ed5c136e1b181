// Issue 13: the console's wasm is split. The sign-in form needs only the main module; every
// page comes in a chunk of its own, and a chunk that cannot be fetched says so, offers Retry and
// never takes the console down.
import { test, expect, Page, Request } from '@playwright/test';
import { openConsole, resetMock, signIn, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

const wasmFiles = (requests: Request[]) =>
  requests.map((r) => new URL(r.url()).pathname).filter((p) => p.endsWith('.wasm'));

/// Aborts every request for the file names `match` picks while `failing()` says so.
async function failChunks(page: Page, match: RegExp, failing: () => boolean) {
  await page.route(match, (route) => (failing() ? route.abort('internetdisconnected') : route.continue()));
}

test('the sign-in form loads only the main module; pages come in their chunks, served as wasm', async ({ page, request }) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await openConsole(page, '/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // Give a stray fetch the chance to show up before counting.
  await page.waitForLoadState('networkidle');
  const before = wasmFiles(requests);
  expect(before, 'wasm fetched before sign-in').toHaveLength(1);
  expect(before[0]).toMatch(/^\/failover-console-[0-9a-f]{16}_bg\.wasm$/);

  await signIn(page);
  await expect(page.getByTestId('cluster-row')).toHaveCount(8);
  const after = wasmFiles(requests);
  expect(after.some((p) => /^\/split_shell-[0-9a-f]{16}\.wasm$/.test(p)), after.join(' ')).toBeTruthy();
  expect(after.some((p) => /^\/split_clusters-[0-9a-f]{16}\.wasm$/.test(p)), after.join(' ')).toBeTruthy();

  // Another section: its page works.
  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByTestId('task-row').first()).toBeVisible();

  // Idle prefetch: every page's chunk arrives without visiting it.
  await expect.poll(() => wasmFiles(requests).filter((p) => /^\/split_gfc-/.test(p)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  for (const chunk of ['readiness', 'dr', 'tasks', 'drills', 'gfc']) {
    expect(wasmFiles(requests).some((p) => p.startsWith(`/split_${chunk}-`)), `chunk ${chunk} prefetched`).toBeTruthy();
  }

  // Chunks are served as wasm, compressed when the browser accepts it, and cached for good.
  const chunk = wasmFiles(requests).find((p) => p.startsWith('/split_tasks-'))!;
  const r = await request.get(chunk, { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toBe('application/wasm');
  expect(r.headers()['content-encoding']).toBe('br');
  expect(r.headers()['cache-control']).toContain('immutable');
});

test('a page whose chunk cannot be fetched says so and offers Retry; the header stays; Retry shows the page', async ({ page }) => {
  let failing = true;
  // The tasks chunk fails from the start, so its background prefetch fails too (silently).
  await failChunks(page, /\/split_tasks-[0-9a-f]{16}\.wasm$/, () => failing);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openConsole(page, '/');
  await signIn(page);
  await expect(page.getByTestId('cluster-row')).toHaveCount(8);
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);

  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  const failed = page.getByTestId('chunk-failed');
  await expect(failed).toBeVisible();
  await expect(failed.getByRole('heading')).toHaveText('This page could not be downloaded');
  await expect(failed).toContainText("The browser could not fetch this page's code (tasks) from the server");
  // Nothing else is lost: the header and its navigation are still there.
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as admin');
  await expect(page.getByRole('link', { name: 'Clusters', exact: true })).toBeVisible();

  // Retry while still offline: the same message again, no crash.
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('chunk-failed')).toBeVisible();
  await noCrash(page);

  failing = false;
  await page.getByTestId('chunk-retry').click();
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByTestId('task-row').first()).toBeVisible();
  expect(errors, 'uncaught errors in the page').toEqual([]);
});

test('in Chinese, a shell chunk that fails at sign-in says so and Retry brings the console', async ({ page }) => {
  let failing = true;
  await failChunks(page, /\/(split|chunk)_[a-z0-9_]+-[0-9a-f]{16}\.wasm$/, () => failing);
  await page.addInitScript(() => localStorage.setItem('failover-console.lang', 'zh-CN'));
  await page.goto('/clusters');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('admin');
  await page.getByRole('button', { name: '登录' }).click();
  const failed = page.getByTestId('chunk-failed');
  await expect(failed.getByRole('heading')).toHaveText('无法下载此页面');
  await expect(failed).toContainText('（shell）');
  failing = false;
  await failed.getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('cluster-row')).toHaveCount(8);
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
});

test('a chunk download that fails once is fetched again before any error shows', async ({ page }) => {
  // The shell's chunk is asked for the moment sign-in succeeds, before any background prefetch:
  // its first request is the page's own, and it fails.
  let shellRequests = 0;
  await page.route(/\/split_shell-[0-9a-f]{16}\.wasm$/, (route) =>
    ++shellRequests === 1 ? route.abort('internetdisconnected') : route.continue(),
  );
  await openConsole(page, '/');
  await signIn(page);
  await expect(page.getByTestId('cluster-row')).toHaveCount(8);
  expect(shellRequests, 'the failed download was tried again').toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
});

test('on a slow link the background prefetch waits while the page waits for its data', async ({ page }) => {
  // The clusters list is held as if the link were slow; no chunk the page does not need may
  // start downloading meanwhile. Released, the list arrives and the prefetch goes on.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  let listAskedAt = 0;
  await page.route(/\/api\/v2\/ob\/clusters\?/, async (route) => {
    listAskedAt ||= Date.now();
    await held;
    await route.continue();
  });
  const wasm: { path: string; at: number }[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.wasm')) wasm.push({ path, at: Date.now() });
  });
  await openConsole(page, '/');
  await signIn(page);
  await expect.poll(() => listAskedAt, { message: 'the clusters list was asked for' }).toBeGreaterThan(0);
  // Long enough for the browser to be idle several times over.
  await page.waitForTimeout(3_000);
  const during = wasm.filter((w) => w.at > listAskedAt).map((w) => w.path);
  expect(during, 'chunks fetched while the page waited for its data').toEqual([]);

  release();
  await expect(page.getByTestId('cluster-row')).toHaveCount(8);
  await expect
    .poll(() => wasm.filter((w) => /^\/split_gfc-/.test(w.path)).length, { timeout: 15_000, message: 'prefetched after' })
    .toBeGreaterThan(0);
});
