// The readiness board at scale (issue 25), in Debian's Chromium against the release mock and
// the release console, on the slow link of the cold-load bench (10 Mbit/s, 40 ms), cache cold:
// - on `large-estate` (200 clusters, 2,000 tenants, 1,100 standbys), from the sign-in click to
//   the first board row and to all 1,100 rows, and the API requests that took;
// - a full precheck pass at the mock's default 1 s precheck delay;
// - the board's scroll frames (frame rate uncapped, so a frame's time is its work);
// - the JS heap after 1 and after 10 passes (on a mock with no precheck delay, so ten passes
//   take seconds, not minutes);
// - the demo estate's board from a cold cache, after sign-in.
// Prints `BENCH estate_<measure> value=V` lines (ms, requests or bytes, as the name says).
import { chromium } from 'playwright-core';
import { startMock } from './mock.mjs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const large = ['--scenario', path.join(root, 'mock-server/scenarios/large-estate.json')];
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const slow = { offline: false, latency: 40, downloadThroughput: (10e6) / 8, uploadThroughput: (10e6) / 8 };

const report = (name, value) => console.log(`BENCH estate_${name} value=${value.toFixed(1)}`);

async function journal(base) {
  return (await (await fetch(`${base}/__admin/journal`)).json()).entries;
}

/// A fresh profile on the slow link, at `url`, signed in; returns the page and the time from
/// the sign-in click to `selector` appearing, and to `done` (a page function) holding.
async function signInTo(browser, url, selector, done) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', slow);
  await page.goto(url);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('admin');
  const clickAt = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  await page.locator('form button[type="submit"]').click();
  await page.waitForSelector(selector, { timeout: 60_000 });
  const first = Date.now() - t0;
  // Where the time went (BENCH_TRACE=1): each download after the click, from its start to its end.
  if (process.env.BENCH_TRACE) {
    const lines = await page.evaluate((at) => performance.getEntriesByType('resource')
      .filter((e) => e.startTime >= at - 1)
      .map((e) => `  ${Math.round(e.startTime - at)}..${Math.round(e.responseEnd - at)} ms ${e.transferSize} B ${e.name.replace(/^https?:\/\/[^/]+/, '')}`), clickAt);
    console.log(`trace: first row at ${first} ms after the click\n${lines.join('\n')}`);
  }
  let all = first;
  if (done) {
    await page.waitForFunction(done, null, { timeout: 60_000, polling: 'raf' });
    all = Date.now() - t0;
  }
  return { page, cdp, first, all };
}

const allRows = () => /^1,100 standbys/.test(document.querySelector('[data-testid=board-count]')?.textContent ?? '');

async function pass(page, timeout) {
  const t0 = Date.now();
  await page.getByTestId('precheck-all').click();
  await page.waitForFunction(
    () => /^Prechecked 1,100 of 1,100$/.test(document.querySelector('[data-testid=queue-status]')?.textContent ?? ''),
    null, { timeout, polling: 200 });
  return Date.now() - t0;
}

let failed = false;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
try {
  // 1. Load and a full pass on the large estate, at the mock's default precheck delay.
  {
    const { base, stop } = await startMock(process.env.BENCH_PORT ?? '18481', large);
    try {
      // Three cold loads (a fresh profile each), the median counted; the last page runs the pass.
      const firsts = [];
      const alls = [];
      let page;
      let requests = 0;
      for (let i = 0; i < 3; i++) {
        if (page) await page.context().close();
        const before = (await journal(base)).length;
        const run = await signInTo(browser, `${base}/readiness`, '[data-testid=readiness-row]', allRows);
        page = run.page;
        firsts.push(run.first);
        alls.push(run.all);
        requests = (await journal(base)).slice(before).filter((e) => e.path.startsWith('/api/')).length;
      }
      const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
      console.log(`large estate: first row ${firsts.join(', ')} ms, all 1,100 rows ${alls.join(', ')} ms, ${requests} API requests (sign-in included)`);
      report('first_row_ms', median(firsts));
      report('all_rows_ms', median(alls));
      report('load_requests', requests);
      const took = await pass(page, 180_000);
      const sent = (await journal(base)).filter((e) => e.method === 'POST' && /failoverPreCheck$/.test(e.path)).length;
      console.log(`large estate: full pass ${took} ms, ${sent} precheck requests`);
      report('pass_ms', took);
      report('pass_requests', sent);
      await page.context().close();
    } finally {
      stop();
    }
  }

  // 2. Scroll frames and the heap over ten passes, on a mock with no precheck delay.
  {
    const { base, stop } = await startMock(process.env.BENCH_PORT ?? '18482', [...large, '--precheck-delay-ms', '0']);
    const free = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...args, '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
    try {
      const page = await (await free.newContext()).newPage();
      await page.goto(`${base}/readiness`);
      await page.locator('#username').fill('admin');
      await page.locator('#password').fill('admin');
      await page.locator('form button[type="submit"]').click();
      await page.waitForFunction(allRows, null, { timeout: 60_000 });
      const scroll = (frames) => page.evaluate((frames) => new Promise((resolve) => {
        const el = document.querySelector('.window-scroll');
        const stamps = [];
        let i = 0;
        const step = () => {
          stamps.push(performance.now());
          if (i >= frames) return resolve(stamps.slice(1).map((t, j) => t - stamps[j]));
          // Down then up, 120 px a frame: a fast wheel.
          el.scrollTop += Math.floor(i / (frames / 2)) % 2 === 0 ? 120 : -120;
          i++;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }), frames);
      await scroll(60);
      const frames = (await scroll(300)).sort((a, b) => a - b);
      const p95 = frames[Math.floor(frames.length * 0.95)];
      console.log(`board scroll: ${frames.length} frames, median ${frames[frames.length >> 1].toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${frames[frames.length - 1].toFixed(2)} ms`);
      report('scroll_frame_p95_ms', p95);

      const cdp = await page.context().newCDPSession(page);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      await pass(page, 120_000);
      const after1 = await heap();
      for (let i = 2; i <= 10; i++) {
        await page.waitForFunction(() => !document.querySelector('[data-testid=precheck-all]')?.disabled);
        await pass(page, 120_000);
      }
      const after10 = await heap();
      console.log(`heap after 1 pass ${after1} B, after 10 passes ${after10} B`);
      report('heap_after_1_pass_bytes', after1);
      report('heap_after_10_passes_bytes', after10);
    } finally {
      await free.close();
      stop();
    }
  }

  // 3. The demo estate's board from a cold cache, after sign-in.
  {
    const { base, stop } = await startMock(process.env.BENCH_PORT ?? '18483');
    try {
      const times = [];
      for (let i = 0; i < 3; i++) {
        const { page, first } = await signInTo(browser, `${base}/readiness`, '[data-testid=readiness-row]');
        times.push(first);
        await page.context().close();
      }
      times.sort((a, b) => a - b);
      console.log(`demo board after sign-in: ${times.join(', ')} ms`);
      report('demo_board_ms', times[1]);
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
