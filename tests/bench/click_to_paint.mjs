// Click → painted graph, against the release mock serving the release console (run by
// `cargo xtask bench`, or alone: MOCK_SERVER_BIN=… DIST_DIR=… node tests/bench/click_to_paint.mjs).
// For synthetic tasks of 2,000 and 10,000 steps it opens the task list, clicks the task's link,
// and times from the click to the frame after the first graph node appears (double
// requestAnimationFrame: fetch, decode, model, layout and paint included); median of 5 runs
// after one warm-up. Then it drags the graph and reports the 95th percentile of frame times,
// with the frame rate uncapped so a frame's time is its work, not the wait for vsync; and the
// time to open the table view of all steps. Last, with the mock's clock running, it watches each
// task run for 12 s on its page (polled, steps changing) and reports the main thread's busy
// time per second (Chromium's TaskDuration): what a poll really costs, fetch and decode
// included. Prints `BENCH` lines that xtask/src/bench.rs reads.
import { chromium } from 'playwright-core';
import { startMock } from './mock.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizes = (process.env.BENCH_SIZES ?? '2000,10000').split(',').map(Number);
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p95 = (v) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * 0.95))];
const report = (name, n, count, stat, ms) => console.log(`BENCH ${name} n=${n} runs=${count} ${stat}_ms=${ms.toFixed(2)}`);

async function admin(path, body) {
  const r = await fetch(`${base}/__admin${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

async function signedInPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('failover-console.lang', 'en-US'));
  await page.goto(`${base}/tasks`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  return page;
}

// From the list, click the task's link; resolves with ms from the click to the painted graph.
async function clickToPaint(page, id) {
  await page.goto(`${base}/tasks?clusterId=3000009`);
  const href = `/tasks/${id}`;
  await page.locator(`a[href="${href}"]`).waitFor();
  return page.evaluate((href) => new Promise((resolve) => {
    const link = document.querySelector(`a[href="${href}"]`);
    const done = () => {
      if (!document.querySelector('svg.graph g.node')) return false;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
      return true;
    };
    const mo = new MutationObserver(() => { if (done()) mo.disconnect(); });
    mo.observe(document.body, { childList: true, subtree: true });
    const t0 = performance.now();
    link.click();
  }), href);
}

// Drags the graph for `frames` frames, 12 px a frame, back and forth; returns frame times.
function drag(page, frames) {
  return page.evaluate((frames) => new Promise((resolve) => {
    const svg = document.querySelector('svg.graph');
    const r = svg.getBoundingClientRect();
    let x = r.left + r.width / 2;
    let y = r.top + r.height / 2;
    const ev = (type) => svg.dispatchEvent(new PointerEvent(type, {
      bubbles: true, clientX: x, clientY: y, pointerId: 1, isPrimary: true, button: 0, buttons: 1,
    }));
    ev('pointerdown');
    const stamps = [];
    let i = 0;
    const step = () => {
      stamps.push(performance.now());
      if (i >= frames) {
        ev('pointerup');
        resolve(stamps.slice(1).map((t, j) => t - stamps[j]));
        return;
      }
      const dir = Math.floor(i / 60) % 2 === 0 ? -1 : 1;
      x += dir * 12;
      y += dir * 2;
      ev('pointermove');
      i++;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }), frames);
}

const { base, stop } = await startMock(process.env.BENCH_PORT ?? '18479');
let failed = false;
try {
  await admin('/clock', { paused: true });
  const ids = {};
  for (const n of sizes) ids[n] = (await admin('/tasks/synthetic', { subtasks: n, width: n >= 10000 ? 50 : 20 })).id;

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const page = await signedInPage(browser);
  for (const n of sizes) {
    await clickToPaint(page, ids[n]); // warm-up: caches and JIT, not counted
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await clickToPaint(page, ids[n]));
    console.log(`click_to_paint n=${n}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    console.log(`  nodes in the DOM: ${await page.locator('svg.graph g.node').count()} of ${n}`);
    report('click_to_paint', n, runs, 'median', median(times));
    // The table of every step, opened from the painted graph.
    const table = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const mo = new MutationObserver(() => {
        if (document.querySelector('[data-testid=subtask-row]')) {
          mo.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        }
      });
      mo.observe(document.body, { childList: true, subtree: true });
      document.querySelector('[data-testid=view-table]').click();
    }));
    report('table_open', n, 1, 'median', table);
  }
  await browser.close();

  // Frame times while dragging, frame rate uncapped.
  const free = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...args, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  const dragPage = await signedInPage(free);
  for (const n of sizes) {
    await clickToPaint(dragPage, ids[n]);
    await drag(dragPage, 60); // warm-up
    const frames = await drag(dragPage, 240);
    const slow = frames.filter((f) => f > 16.7).map((f) => f.toFixed(1));
    console.log(`pan n=${n}: frames ${frames.length}, median ${median(frames).toFixed(2)} ms, max ${Math.max(...frames).toFixed(2)} ms, over 16.7 ms: ${slow.length} (${slow.join(', ')})`);
    report('pan_frame', n, frames.length, 'p95', p95(frames));
  }
  await free.close();

  // Watching a running task: the steps move on with the mock's clock, the page polls.
  await admin('/clock', { paused: false });
  const watcher = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const watchPage = await signedInPage(watcher);
  const cdp = await watchPage.context().newCDPSession(watchPage);
  await cdp.send('Performance.enable');
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics
    .find((m) => m.name === 'TaskDuration').value;
  const secs = 12;
  for (const n of sizes) {
    let polls = 0;
    const count = (r) => { if (r.url().endsWith(`/tasks/instances/${ids[n]}`)) polls++; };
    await watchPage.goto(`${base}/tasks/${ids[n]}`);
    await watchPage.locator('svg.graph g.node').first().waitFor({ timeout: 60000 });
    await watchPage.waitForTimeout(3000);
    watchPage.on('response', count);
    const t0 = await busy();
    await watchPage.waitForTimeout(secs * 1000);
    const ms = ((await busy()) - t0) * 1000 / secs;
    watchPage.off('response', count);
    const running = await watchPage.locator('svg.graph g.node.node-running').count();
    if (polls < secs / 3) throw new Error(`watching task ${n}: only ${polls} polls in ${secs} s`);
    console.log(`watch n=${n}: ${polls} polls in ${secs} s, ${running} running steps on screen`);
    console.log(`BENCH watch_busy n=${n} runs=${polls} busy_ms_per_s=${ms.toFixed(2)}`);
  }
  await watcher.close();
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
