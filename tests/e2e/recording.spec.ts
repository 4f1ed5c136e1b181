// Issue 14: recording from a real OCP. The suite's mock plays the real OCP (with a tenant renamed
// and lagging, so its answers differ from the demo data); a second mock records from it
// (`--record-from`) while the console is browsed through it; a third replays the folder
// (`--stubs`). The pages must look the same on the replay, and the folder hold no credential.
import { test, expect, Page, Browser } from '@playwright/test';
import { spawn, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openConsole, resetMock, setTenant, signIn, noCrash } from './helpers';

const root = path.resolve(__dirname, '../..');
const bin = process.env.MOCK_SERVER_BIN ?? path.join(root, 'target/debug/mock-server');
const dist = process.env.DIST_DIR ?? path.join(root, 'dist');
const ocp = `http://127.0.0.1:${process.env.E2E_PORT ?? '18080'}`;

const started: ChildProcess[] = [];

/// Starts a mock with `args` on a free port; resolves to its base URL once it listens.
function startMock(args: string[]): Promise<string> {
  const child = spawn(bin, ['--dist', dist, '--port', '0', '--precheck-delay-ms', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/mock-server listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`mock-server exited (${code}): ${err}`)));
  });
}

function stop(child: ChildProcess | undefined) {
  if (child && child.exitCode === null) child.kill();
}

test.afterAll(() => started.forEach(stop));

interface Seen {
  clusters: string[];
  heading: string;
  tenants: string[];
  verdict: string;
  facts: string;
}

/// Browses clusters → cluster OB424_B → failover of the renamed tenant on `base`, in a fresh
/// browser context (the session lives in the tab), and returns what the operator sees. The
/// console measures lag from the SCN OCP sent to the browser's clock, so both runs read the
/// same fixed clock: a replay shows the lag as it was when recorded, not as it would be now.
async function browse(browser: Browser, base: string, now: number): Promise<Seen> {
  const context = await browser.newContext({ baseURL: base });
  const page: Page = await context.newPage();
  try {
    await page.clock.setFixedTime(now);
    await openConsole(page, '/');
    await signIn(page);
    const rows = page.getByTestId('cluster-row');
    await expect(rows).toHaveCount(8);
    const clusters = await rows.allInnerTexts();
    await rows.filter({ hasText: 'OB424_B' }).getByRole('link', { name: 'OB424_B' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('OB424_B');
    const tenantRows = page.getByTestId('tenant-row');
    await expect(tenantRows).toHaveCount(4);
    await expect(tenantRows.filter({ hasText: 'sales_recorded' })).toContainText(/\d+ s behind/);
    const tenants = await tenantRows.allInnerTexts();
    const heading = await page.getByRole('heading', { level: 1 }).innerText();
    await tenantRows.filter({ hasText: 'sales_recorded' }).getByRole('link', { name: 'Failover…' }).click();
    await expect(page.getByTestId('verdict')).toContainText('Can fail over');
    await expect(page.locator('.facts')).toContainText(/\d+ s behind/);
    const verdict = await page.getByTestId('verdict').innerText();
    const facts = await page.locator('.facts').innerText();
    await noCrash(page);
    return { clusters, heading, tenants, verdict, facts };
  } finally {
    await context.close();
  }
}

test('browsing through a recording mock, then replaying its folder, shows the same pages', async ({ browser, request }) => {
  await resetMock(request);
  // The browser's clock for both runs: now, so the SCNs OCP computes during the recording are
  // at most a few seconds after it and the lag reads about 50 s on both.
  const now = Date.now();
  await setTenant(request, 2000031, { name: 'sales_recorded', lagSecs: 50 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recording-e2e-'));
  try {
    const recorderUrl = await startMock(['--record-from', ocp, '--stubs', path.join(dir, 'stubs')]);
    const recorded = await browse(browser, recorderUrl, now);
    stop(started.pop());

    const files = fs.readdirSync(path.join(dir, 'stubs')).sort();
    expect(files).toContain('0001-GET-api-v2-iam-current-user.json');
    expect(files.some((f) => /-POST-api-v2-ob-clusters-3000012-tenants-2000031-failoverPreCheck\.json$/.test(f))).toBeTruthy();
    const basic = Buffer.from('admin:admin').toString('base64');
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, 'stubs', f), 'utf8');
      expect(text, f).not.toContain(basic);
      expect(text.toLowerCase(), f).not.toContain('authorization');
      expect(text.toLowerCase(), f).not.toContain('cookie');
    }

    // The suite's mock is back to the demo data: only the recording knows "sales_recorded".
    await resetMock(request);
    const replayUrl = await startMock(['--stubs', path.join(dir, 'stubs')]);
    const replayed = await browse(browser, replayUrl, now);
    expect(replayed).toEqual(recorded);
    // Every API request of the replay was answered by a stub.
    const journal = (await (await request.get(`${replayUrl}/__admin/journal`)).json()).entries as { path: string; stub?: string }[];
    expect(journal.length).toBeGreaterThan(0);
    expect(journal.filter((e) => !e.stub).map((e) => e.path)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
