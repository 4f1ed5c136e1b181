// The drill ledger and a drill report (issue 26), in Debian's Chromium against the release mock
// and the release console:
// - on `drill-history` (1,000 drills over 12 months), signed in on the clusters page over the
//   slow link (10 Mbit/s, 40 ms) with a cold cache, from the click on "Drills" in the header to
//   the first ledger row, and to every drill read (median of 3);
// - the report of a generated 2,000-step task that ran to its end, from the click on "Drill
//   report" on its task page to every step's row painted (unthrottled: the figure is the
//   page's work, not the link; median of 3).
// Prints `BENCH drills_<measure> value=V` lines (ms).
import { chromium } from 'playwright-core';
import { startMock } from './mock.mjs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const slow = { offline: false, latency: 40, downloadThroughput: (10e6) / 8, uploadThroughput: (10e6) / 8 };
const report = (name, value) => console.log(`BENCH drills_${name} value=${value.toFixed(1)}`);
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
const auth = { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') };

async function signIn(page, url) {
  await page.goto(url);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('admin');
  await page.locator('form button[type="submit"]').click();
  await page.waitForSelector('[data-testid=signed-in-as]', { timeout: 60_000 });
}

let failed = false;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
try {
  // 1. The ledger over 1,000 drills, from the header's link, on the slow link.
  {
    const scenario = ['--scenario', path.join(root, 'mock-server/scenarios/drill-history.json')];
    const { base, stop } = await startMock(process.env.BENCH_PORT ?? '18491', scenario);
    try {
      const list = await (await fetch(`${base}/api/v2/tasks/instances?page=1&size=1`, { headers: auth })).json();
      const firsts = [];
      const alls = [];
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', slow);
        await signIn(page, `${base}/clusters`);
        await page.waitForSelector('[data-testid=cluster-row]', { timeout: 60_000 });
        const t0 = Date.now();
        await page.locator('.topnav a[href="/drills"]').click();
        await page.waitForSelector('[data-testid=drill-row]', { timeout: 60_000 });
        firsts.push(Date.now() - t0);
        await page.waitForFunction(() => !document.querySelector('[data-testid=drills-loading]')
          && /^[\d,]+ drills/.test(document.querySelector('[data-testid=drills-count]')?.textContent ?? ''), null, { timeout: 60_000, polling: 'raf' });
        alls.push(Date.now() - t0);
        const count = await page.getByTestId('drills-count').textContent();
        if (i === 0) console.log(`ledger: ${count} (OCP's list holds ${list.data?.page?.totalElements} tasks)`);
        await context.close();
      }
      console.log(`ledger after the click: first row ${firsts.join(', ')} ms, every drill ${alls.join(', ')} ms`);
      report('ledger_first_row_ms', median(firsts));
      report('ledger_all_ms', median(alls));
    } finally {
      stop();
    }
  }

  // 2. The report of a 2,000-step task.
  {
    const { base, stop } = await startMock(process.env.BENCH_PORT ?? '18492');
    try {
      const made = await (await fetch(`${base}/__admin/tasks/synthetic`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subtasks: 2000, width: 20 }),
      })).json();
      const id = made.id;
      // Run it to its end on the simulated clock.
      for (let i = 0; i < 60; i++) {
        await fetch(`${base}/__admin/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 3600 }) });
        const t = await (await fetch(`${base}/api/v2/tasks/instances/${id}`, { headers: auth })).json();
        if (t.data?.status !== 'RUNNING') break;
      }
      const times = [];
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await signIn(page, `${base}/tasks/${id}`);
        await page.waitForSelector('[data-testid=task-report-link]', { timeout: 60_000 });
        const t0 = Date.now();
        await page.getByTestId('task-report-link').click();
        await page.waitForFunction(() => document.querySelectorAll('.gantt-row').length === 2000, null, { timeout: 60_000, polling: 'raf' });
        // Painted: the frame after the rows are in.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        times.push(Date.now() - t0);
        await context.close();
      }
      console.log(`report of 2,000 steps after the click: ${times.join(', ')} ms`);
      report('report_2000_ms', median(times));
    } finally {
      stop();
    }
  }
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
