// Shared steps: reset the mock, arm faults, read the journal, sign in.
import { APIRequestContext, Page, expect } from '@playwright/test';

export async function resetMock(request: APIRequestContext) {
  const r = await request.post('/__admin/reset');
  expect(r.ok()).toBeTruthy();
}

export interface Fault {
  path?: string;
  method?: string;
  status?: number;
  code?: number;
  message?: string;
  latencyMs?: number;
  times?: number;
  kind?: 'malformed' | 'truncated' | 'reset' | 'hang';
}

export async function armFault(request: APIRequestContext, fault: Fault) {
  const r = await request.post('/__admin/faults', { data: fault });
  expect(r.ok(), await r.text()).toBeTruthy();
}

export async function clearFaults(request: APIRequestContext) {
  await request.delete('/__admin/faults');
}

/// The requests the mock's journal holds, oldest first (`GET /__admin/journal` answers
/// `{capacity, dropped, entries}`; a test's few requests never reach the 10,000 it keeps).
export async function journal(request: APIRequestContext): Promise<{ method: string; path: string; status: number }[]> {
  const r = await request.get('/__admin/journal');
  expect(r.ok(), await r.text()).toBeTruthy();
  return (await r.json()).entries;
}

export async function signIn(page: Page, user = 'admin', password = user) {
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in as ${user}`);
}

/// Open the console in English, whatever the browser's language.
export async function openConsole(page: Page, path = '/') {
  await page.addInitScript(() => {
    if (!localStorage.getItem('failover-console.lang')) localStorage.setItem('failover-console.lang', 'en-US');
  });
  await page.goto(path);
}

export async function setTenant(request: APIRequestContext, id: number, patch: { primaryReachable?: boolean; lagSecs?: number | null; status?: string; name?: string }) {
  const r = await request.post(`/__admin/tenants/${id}`, { data: patch });
  expect(r.ok(), await r.text()).toBeTruthy();
}

export async function posts(request: APIRequestContext, pathEnd: string): Promise<number> {
  return (await journal(request)).filter((e) => e.method === 'POST' && e.path.endsWith(pathEnd)).length;
}

export async function clock(request: APIRequestContext, change: { paused?: boolean; speed?: number; advanceSeconds?: number }) {
  const r = await request.post('/__admin/clock', { data: change });
  expect(r.ok(), await r.text()).toBeTruthy();
}

export async function taskFault(request: APIRequestContext, subtaskName: string, kind: 'fail' | 'hang', times = 1, message?: string) {
  const r = await request.post('/__admin/task-faults', { data: { subtaskName, kind, times, message } });
  expect(r.ok(), await r.text()).toBeTruthy();
}

const ADMIN_AUTH = { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') };

/// Launches through the API as the operator and returns the task id.
export async function launch(request: APIRequestContext, path: string): Promise<number> {
  const r = await request.post(path, { headers: ADMIN_AUTH });
  expect(r.ok(), await r.text()).toBeTruthy();
  return (await r.json()).data.id;
}

export async function apiGet(request: APIRequestContext, path: string): Promise<any> {
  const r = await request.get(path, { headers: ADMIN_AUTH });
  expect(r.ok(), await r.text()).toBeTruthy();
  return (await r.json()).data;
}

/// After every test: the console never fell over to its panic screen.
export async function noCrash(page: Page) {
  expect(await page.locator('#crash').count(), 'the console hit a panic').toBe(0);
}

/// Waits until the mock's journal shows at least `count` requests of `method` whose path ends
/// with `pathEnd`. A test steps the paused clock only after the request it depends on has
/// arrived (the journal records a request on arrival); otherwise the step can land before it.
export async function arrived(request: APIRequestContext, method: string, pathEnd: string, count = 1) {
  await expect
    .poll(async () => (await journal(request)).filter((e) => e.method === method && e.path.endsWith(pathEnd)).length, {
      message: `${method} …${pathEnd} reached the mock ${count} time(s)`,
    })
    .toBeGreaterThanOrEqual(count);
}
