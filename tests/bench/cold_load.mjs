// Cold load of the console: from navigation to the sign-in form being usable, with an empty
// cache, in Debian's Chromium, against the release mock serving the release console with its
// precompressed assets (run by `cargo xtask bench`, or alone:
// MOCK_SERVER_BIN=… DIST_DIR=… node tests/bench/cold_load.mjs). Prints `BENCH` lines:
//   BENCH cold_load_<profile> n=1 runs=R median_ms=M bytes=B
import { chromium } from 'playwright-core';
import { startMock } from './mock.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const { base, stop } = await startMock(process.env.BENCH_PORT ?? '18478');

// The slow link: 10 Mbit/s each way, 40 ms latency (Chromium's emulation adds it to
// every request's round trip).
const profiles = [
  { name: 'unthrottled' },
  { name: 'throttled', latency: 40, bytesPerSecond: (10 * 1000 * 1000) / 8 },
];

// The form counts as usable when the wasm has rendered it: the password field exists and the
// submit button is enabled. Leptos attaches handlers in the same task that inserts the nodes.
const readyProbe = () => {
  const mark = () => {
    const pw = document.querySelector('form input[type=password]');
    const submit = document.querySelector('form button[type=submit]');
    if (pw && submit && !submit.disabled) {
      window.__coldReady = performance.now();
      return true;
    }
    return false;
  };
  const obs = new MutationObserver(() => {
    if (mark()) obs.disconnect();
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true });
};

function median(v) {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const profile of profiles) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      // A fresh context is a fresh profile: nothing cached, no storage.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(readyProbe);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      if (profile.latency !== undefined) {
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: profile.latency,
          downloadThroughput: profile.bytesPerSecond,
          uploadThroughput: profile.bytesPerSecond,
        });
      }
      let transferred = 0;
      cdp.on('Network.loadingFinished', (e) => { transferred += e.encodedDataLength; });
      await page.goto(base + '/');
      await page.waitForFunction(() => window.__coldReady !== undefined, null, { timeout: 30_000 });
      times.push(await page.evaluate(() => window.__coldReady));
      bytes = transferred;
      await context.close();
    }
    console.log(`BENCH cold_load_${profile.name} n=1 runs=${runs} median_ms=${median(times).toFixed(1)} bytes=${bytes}`);
  }
} finally {
  await browser.close();
  stop();
}
