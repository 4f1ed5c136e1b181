// Issue 2: sign in, list clusters, deep links, errors shown clearly, language.
import { test, expect } from '@playwright/test';
import { armFault, clearFaults, journal, launch, openConsole, resetMock, signIn, noCrash } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

test('signs in and lists the clusters with role, status, region and tenant count', async ({ page }) => {
  await openConsole(page, '/');
  await signIn(page);
  await expect(page).toHaveURL(/\/clusters$/);
  const rows = page.getByTestId('cluster-row');
  await expect(rows).toHaveCount(8);
  // The demo estate spans two regions, as OCP's zones name them.
  await expect(page.getByRole('columnheader', { name: 'Region' })).toBeVisible();
  await expect(rows.filter({ has: page.getByRole('link', { name: 'OB424_P', exact: true }) }).getByTestId('cluster-regions')).toHaveText('cn-hangzhou');
  await expect(rows.filter({ hasText: 'OB424_C' }).getByTestId('cluster-regions')).toHaveText('cn-shanghai');
  const standby = rows.filter({ hasText: 'OB424_B' });
  await expect(standby).toContainText('Standby');
  await expect(standby).toContainText('standby of OB424_P');
  await expect(standby).toContainText('Running');
  await expect(standby).not.toContainText('RUNNING');
  await expect(standby.locator('td.num')).toHaveText('4');
});

test('wrong password is refused in words, empty fields are marked', async ({ page }) => {
  await openConsole(page, '/clusters');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#username-error')).toHaveText('Enter a username.');
  await expect(page.locator('#password-error')).toHaveText('Enter a password.');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('nope');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('OCP rejected this username or password.');
  // The username typed is kept for the next attempt.
  await expect(page.getByLabel('Username')).toHaveValue('admin');
});

test('a deep link survives a reload and the session stays in the tab only', async ({ page }) => {
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('OB424_B');
  await expect(page.getByTestId('cluster-regions')).toHaveText('Region: cn-shanghai');
  await expect(page.getByTestId('tenant-row')).toHaveCount(4);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('OB424_B');
  await expect(page.getByTestId('tenant-row').filter({ hasText: 'billing_dr' })).toContainText('45 s behind');
  const stored = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: Object.keys(sessionStorage) }));
  expect(stored.local).not.toContain('Basic');
  expect(stored.session).toContain('failover-console.session');
});

test('a 500 from OCP shows status, code, message and trace id, and Retry recovers', async ({ page, request }) => {
  await armFault(request, { path: '/api/v2/ob/clusters', status: 500, code: 10010, message: 'An unknown error has occurred.' });
  await openConsole(page, '/clusters');
  await signIn(page);
  const failure = page.getByTestId('failure');
  await expect(failure).toContainText('The server failed to answer the request (HTTP 500).');
  await expect(failure).toContainText('An unknown error has occurred.');
  await expect(failure).toContainText('10010');
  await expect(failure).toContainText(/Trace ID\s*[0-9a-f]{16}/);
  // Reads were retried with backoff before giving up.
  const gets = (await journal(request)).filter((e) => e.path === '/api/v2/ob/clusters');
  expect(gets.length).toBeGreaterThanOrEqual(3);
  await clearFaults(request);
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('cluster-row')).toHaveCount(8);
  await expect(page.getByTestId('failure')).toHaveCount(0);
});

test('an unreachable server is called a network failure and offers a retry', async ({ page }) => {
  await openConsole(page, '/clusters');
  await signIn(page);
  await expect(page.getByTestId('cluster-row')).toHaveCount(8);
  await page.route('**/api/v2/ob/clusters/3000009**', (route) => route.abort('connectionrefused'));
  await page.getByRole('link', { name: 'OB424_P' }).click();
  const failure = page.getByTestId('failure').first();
  await expect(failure).toContainText('Cannot reach the server.');
  await page.unroute('**/api/v2/ob/clusters/3000009**');
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('OB424_P');
});

test('states and roles read as words; in Chinese a standby tenant is 备租户, its cluster 备集群', async ({ page }) => {
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  const sales = page.getByTestId('tenant-row').filter({ hasText: 'sales_dr' });
  await expect(sales).toContainText('Standby');
  await expect(sales).toContainText('Normal');
  await expect(sales).not.toContainText('NORMAL');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(sales).toContainText('备租户');
  await expect(sales).toContainText('正常');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('备集群');
  await expect(page.getByTestId('cluster-regions')).toHaveText('地域: cn-shanghai');
});

test('speaks Chinese on request, and an unknown page says so', async ({ page }) => {
  await openConsole(page, '/clusters');
  await signIn(page);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('集群');
  await expect(page.getByRole('columnheader', { name: '地域' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test.describe('the header on a narrow screen', () => {
  test('at 420 px the header folds into a Menu button that opens and closes by keyboard and on navigation', async ({ page }) => {
    await page.setViewportSize({ width: 420, height: 800 });
    await openConsole(page, '/clusters');
    await signIn(page);
    const toggle = page.getByRole('button', { name: 'Menu' });
    const menu = page.getByTestId('topbar-menu');
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveAttribute('aria-controls', 'topbar-menu');
    await expect(menu).toBeHidden();
    // Keyboard: focus, Enter opens, every item is reachable and on screen.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    for (const item of [
      menu.getByRole('link', { name: 'Readiness' }),
      menu.getByRole('link', { name: 'Clusters' }),
      menu.getByRole('link', { name: 'Tasks' }),
      menu.getByRole('link', { name: 'Components' }),
      menu.getByTestId('signed-in-as'),
      menu.getByTestId('user-role'),
      menu.getByRole('button', { name: '中文' }),
      menu.getByRole('button', { name: 'Sign out' }),
    ]) {
      await expect(item).toBeVisible();
      const box = await item.boundingBox();
      expect(box!.x, `${await item.textContent()} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${await item.textContent()} ends on screen`).toBeLessThanOrEqual(420);
    }
    await expect(menu.getByTestId('user-role')).toHaveText('operator');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Readiness' })).toBeFocused();
    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    // Space opens it too; following a link lands on a page with the menu folded.
    await page.keyboard.press('Space');
    await expect(menu).toBeVisible();
    await menu.getByRole('link', { name: 'Tasks' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(menu).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(inner);
    // Sign out is reachable from the menu and works.
    await toggle.click();
    await menu.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('from 768 px up the header shows everything and no Menu button; the menu words are Chinese in Chinese', async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 800 });
    await openConsole(page, '/clusters');
    await signIn(page);
    await expect(page.getByTestId('menu-toggle')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByTestId('user-role')).toBeVisible();
    await page.getByRole('button', { name: '中文' }).click();
    await page.setViewportSize({ width: 420, height: 800 });
    await expect(page.getByRole('button', { name: '菜单' })).toBeVisible();
  });
});

test('breadcrumbs: the cluster page and a task say where they sit and link back', async ({ page, request }) => {
  await openConsole(page, '/clusters/3000012');
  await signIn(page);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Clusters', 'OB424_B']);
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('OB424_B');
  await crumbs.getByRole('link', { name: 'Clusters' }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveCount(0);
  // A task sits under the task list.
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await page.goto(`/tasks/${id}`);
  await expect(crumbs.getByRole('listitem')).toHaveText(['Tasks', `#${id}`]);
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(`#${id}`);
  await crumbs.getByRole('link', { name: 'Tasks' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId('task-row').first()).toBeVisible();
});
