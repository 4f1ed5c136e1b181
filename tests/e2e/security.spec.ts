// Issue 6 (part): the console runs under a strict CSP, and text from the API is never markup.
import { test, expect } from '@playwright/test';
import { armFault, arrived, clock, openConsole, resetMock, setTenant, signIn, taskFault, launch, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

test('strict security headers, and no CSP violation while using the console', async ({ page, request }) => {
  const r = await request.get('/clusters');
  const h = r.headers();
  const csp = h['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'sha256-");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['cache-control']).toBe('no-cache');
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error('Refused to: ' + e.violatedDirective));
  });
  await openConsole(page, '/clusters');
  await signIn(page);
  await expect(page.getByTestId('cluster-row')).toHaveCount(8);
  await page.getByRole('link', { name: 'OB424_B' }).click();
  await expect(page.getByTestId('tenant-row')).toHaveCount(4);
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await page.goto(`/tasks/${id}`);
  await expect(page.locator('g.node')).toHaveCount(9);
  await page.goto('/components');
  await expect(page.getByLabel('Component ids')).toBeVisible();
  expect(violations).toEqual([]);
  // Hashed assets are cached for good.
  const js = await page.evaluate(() => (document.querySelector('link[rel=modulepreload]') as HTMLLinkElement).href);
  expect((await request.get(js)).headers()['cache-control']).toContain('immutable');
});

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

test('names, check messages, logs and error messages from the API render as text', async ({ page, request }) => {
  await clock(request, { paused: true });
  await setTenant(request, 2000031, { name: `sales_dr${PAYLOAD}` });
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  await expect(page.getByTestId('tenant-row').first()).toContainText(PAYLOAD);
  await page.getByTestId('tenant-row').first().getByRole('link', { name: 'Failover…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PAYLOAD);
  // An error message carrying markup.
  await armFault(request, { path: '/api/v2/ob/clusters/3000012/tenants/2000031/failoverPreCheck', status: 400, code: 10001, message: `bad ${PAYLOAD}` });
  await page.getByTestId('rerun').click();
  await expect(page.getByTestId('failure').first()).toContainText(`bad ${PAYLOAD}`);
  // A subtask log carrying markup.
  await taskFault(request, 'Mc lock ob clusters', 'fail', 1, `disk full ${PAYLOAD}`);
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await page.goto(`/tasks/${id}`);
  await clock(request, { advanceSeconds: 10 });
  await expect(page.getByTestId('step-log')).toContainText(`ERROR Subtask failed: disk full ${PAYLOAD}`);
  // GFC check messages quote the component's name.
  await request.post('/__admin/gfc/components/7922', { data: { name: `web${PAYLOAD}`, outcomes: { VIP: 'FAIL' } } });
  await page.goto('/components');
  await page.getByLabel('Component ids').fill('7922');
  await page.getByRole('button', { name: 'Find components' }).click();
  await page.getByLabel('Reason').fill('xss');
  await page.getByTestId('run-checks').click();
  await arrived(request, 'POST', '/gfc/failover/doPreFailBackCheck');
  await clock(request, { advanceSeconds: 30 });
  await expect(page.getByTestId('gfc-failures')).toContainText(`The VIP of web${PAYLOAD} does not answer`);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});
