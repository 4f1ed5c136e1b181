// Issue 15 item 5: alerts while a task is watched. A watched step fails: the tab title and
// favicon change, and with notifications allowed one notification names the step and the task,
// once, not on every poll. Opening a task already failed marks the tab but notifies nothing.
// Permission is asked only from "Notify me". Headless Chromium may not show notifications, so
// `window.Notification` is replaced by a spy that records what the console creates.
import { test, expect, Page, BrowserContext } from '@playwright/test';
import { clock, launch, noCrash, openConsole, resetMock, signIn, taskFault } from './helpers';

test.afterEach(async ({ page }) => noCrash(page));

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

/// The spy: records every notification created; `permission` is the browser's real one unless
/// `fake` says what to start with and what `requestPermission` answers.
async function spyOnNotifications(page: Page, fake?: { start: string; answer: string }) {
  await page.addInitScript((fake) => {
    const real = (window as any).Notification;
    const w = window as any;
    w.__notes = [];
    w.__asked = 0;
    w.__perm = fake?.start;
    class Spy {
      constructor(title: string, opts?: { body?: string; tag?: string }) {
        w.__notes.push({ title, body: opts?.body, tag: opts?.tag });
      }
      static get permission() {
        return fake ? w.__perm : real.permission;
      }
      static requestPermission() {
        w.__asked++;
        if (fake) w.__perm = fake.answer;
        return Promise.resolve(Spy.permission);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Spy, configurable: true, writable: true });
  }, fake);
}

const notes = (page: Page) => page.evaluate(() => (window as any).__notes as { title: string; body: string }[]);
const favicon = (page: Page) => page.locator('link[rel~="icon"]');

async function grant(context: BrowserContext) {
  await context.grantPermissions(['notifications']);
}

test('a watched step fails: title, favicon and one notification naming the step and task', async ({ page, context, request }) => {
  await grant(context);
  await spyOnNotifications(page);
  await clock(request, { paused: true });
  await taskFault(request, 'Failover to Primary', 'fail');
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.getByTestId('task-status')).toContainText('Running');
  await expect(page.getByTestId('notify-state')).toHaveAttribute('data-permission', 'granted');
  await expect(page).toHaveTitle(new RegExp(`^Task #${id} · .+ · Failover Console$`));
  const normalIcon = await favicon(page).getAttribute('href');
  expect(normalIcon).toMatch(/favicon.*\.svg$/);

  await clock(request, { advanceSeconds: 60 });
  await expect(page.getByTestId('task-status')).toContainText('Failed');
  await expect(page).toHaveTitle(new RegExp(`^✖ Failed · Task #${id} · .+ · Failover Console$`));
  await expect(favicon(page)).toHaveAttribute('data-alert', 'failed');
  expect(await favicon(page).getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
  await expect.poll(() => notes(page)).toHaveLength(1);
  const [note] = await notes(page);
  expect(note.title).toMatch(new RegExp(`^✖ Failed · Task #${id} · `));
  expect(note.body).toContain('Step “Failover to Primary” failed');
  expect(note.body).toContain(`Task #${id}`);
  // Later polls of the same failed task say nothing more.
  await page.waitForTimeout(3000);
  expect(await notes(page)).toHaveLength(1);

  // Retried: back to normal, the console's own favicon; then it ends, which alerts once more.
  await page.getByTestId('act-retry-task').click();
  await page.getByTestId('confirm-intervention').click();
  await expect(page.getByTestId('task-status')).toContainText('Running');
  await expect(page).toHaveTitle(new RegExp(`^Task #${id} · `));
  await expect(favicon(page)).toHaveAttribute('href', normalIcon!);
  await clock(request, { advanceSeconds: 120 });
  await expect(page.getByTestId('task-status')).toContainText('Successful', { timeout: 20_000 });
  await expect(page).toHaveTitle(new RegExp(`^✔ Succeeded · Task #${id} · `));
  await expect.poll(() => notes(page)).toHaveLength(2);
  expect((await notes(page))[1].body).toContain('finished successfully');
});

test('a task already failed when opened marks the tab but notifies nothing; in Chinese too', async ({ page, context, request }) => {
  await grant(context);
  await spyOnNotifications(page);
  await clock(request, { paused: true });
  await taskFault(request, 'Failover to Primary', 'fail');
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await clock(request, { advanceSeconds: 60 });
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.getByTestId('task-status')).toContainText('Failed');
  await expect(page).toHaveTitle(new RegExp(`^✖ Failed · Task #${id} · `));
  await expect(favicon(page)).toHaveAttribute('data-alert', 'failed');
  await page.waitForTimeout(2500);
  expect(await notes(page)).toHaveLength(0);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page).toHaveTitle(new RegExp(`^✖ 失败 · 任务 #${id} · `));
  await expect(page.getByTestId('notify-state')).toHaveText(/通知已开启/);
});

test('permission is asked only from "Notify me", and the button says what the browser allows', async ({ page, request }) => {
  await spyOnNotifications(page, { start: 'default', answer: 'granted' });
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.getByTestId('notify-me')).toHaveText('Notify me');
  expect(await page.evaluate(() => (window as any).__asked)).toBe(0);
  await page.getByTestId('notify-me').click();
  await expect(page.getByTestId('notify-state')).toHaveAttribute('data-permission', 'granted');
  expect(await page.evaluate(() => (window as any).__asked)).toBe(1);
});

test('notifications refused: the page says they are blocked, and offers no button', async ({ page, request }) => {
  await spyOnNotifications(page, { start: 'denied', answer: 'denied' });
  const id = await launch(request, '/api/v2/ob/clusters/6/failover');
  await openConsole(page, `/tasks/${id}`);
  await signIn(page);
  await expect(page.getByTestId('notify-state')).toHaveText("Notifications are blocked in this browser's settings");
  await expect(page.getByTestId('notify-me')).toHaveCount(0);
});
