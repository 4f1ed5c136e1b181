// The operator's main path in one browser engine other than Chromium, driven over W3C WebDriver
// (selenium-webdriver) against a fresh mock serving the built console:
//
//   node tests/engines/main-path.mjs firefox|webkit
//
// firefox: Debian's Firefox ESR through geckodriver (crates.io, installed by `cargo xtask setup`
// into target/tools/bin). webkit: Debian's WebKitGTK (Safari's engine) through WebKitWebDriver,
// driving WebKitGTK's MiniBrowser. The browsers run on an Xvfb display of the script's own
// (WebKitGTK has no headless mode; Firefox runs there too, as an operator's would), or on
// $DISPLAY with ENGINES_SHOW=1, to watch.
//
// Environment: MOCK_SERVER_BIN (default target/debug/mock-server), DIST_DIR (default dist),
// GECKODRIVER (default target/tools/bin/geckodriver, then PATH), WEBKIT_WEBDRIVER
// (default WebKitWebDriver), ENGINES_TIMEOUT_MS (one wait, default 20000), ENGINES_DEADLINE_MS
// (the whole run, default 150000: a browser that hangs fails the run instead of the gate).
//
// Prints `PASS`/`FAIL` per step and closes with `ENGINE: N passed, N failed`; exits 1 on any
// failure. Each scenario stops at its first failed step; the steps it did not reach count as failed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key } from 'selenium-webdriver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const engine = process.argv[2];
if (engine !== 'firefox' && engine !== 'webkit') {
  console.error('usage: node tests/engines/main-path.mjs firefox|webkit');
  process.exit(2);
}
const TIMEOUT = Number(process.env.ENGINES_TIMEOUT_MS ?? 20000);
const DEADLINE = Number(process.env.ENGINES_DEADLINE_MS ?? 150000);
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// ---------------------------------------------------------------- processes

/** Every process started here, killed (with its group: the browsers the drivers start) at exit. */
const children = [];
function start(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...opts });
  child.on('error', () => {}); // reported by whoever waits for it
  children.push(child);
  return child;
}
function stopAll() {
  for (const c of children.reverse()) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  }
}
process.on('exit', stopAll);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

/** Resolves with the first match of `re` in the child's output (stdout or stderr). */
function waitOutput(child, re, what, ms = 30000) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${ms} ms: ${seen.slice(-2000)}`)), ms);
    const on = (d) => {
      seen += d;
      const m = seen.match(re);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}): ${seen.slice(-2000)}`));
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${what} could not start: ${e.message}`));
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitHttp(url, what, child, ms = 30000) {
  const until = Date.now() + ms;
  let failed;
  child.on('error', (e) => (failed = e.message));
  child.on('exit', (code) => (failed = `exited (${code})`));
  for (;;) {
    if (failed) throw new Error(`${what} ${failed}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`${what} did not answer at ${url} in ${ms} ms`);
    await sleep(200);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

async function startXvfb() {
  // -displayfd: Xvfb picks a free display and writes its number on that descriptor.
  const x = start('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
  const m = await waitOutput(x, /^(\d+)\s*$/m, 'Xvfb');
  return `:${m[1]}`;
}

async function startMock() {
  const bin = process.env.MOCK_SERVER_BIN ?? path.join(root, 'target/debug/mock-server');
  const dist = process.env.DIST_DIR ?? path.join(root, 'dist');
  const mock = start(bin, ['--dist', dist, '--port', '0', '--precheck-delay-ms', '300']);
  const m = await waitOutput(mock, /mock-server listening on (http:\/\/\S+)/, 'the mock');
  return m[1];
}

async function startDriver(env) {
  const port = await freePort();
  let child;
  if (engine === 'firefox') {
    const local = path.join(root, 'target/tools/bin/geckodriver');
    const bin = process.env.GECKODRIVER ?? (fs.existsSync(local) ? local : which('geckodriver'));
    if (!bin) throw new Error('no geckodriver: run `cargo xtask setup`');
    child = start(bin, ['--port', String(port), '--host', '127.0.0.1', '--log', 'warn'], { env });
  } else {
    const bin = process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver';
    child = start(bin, [`--port=${port}`, '--host=local'], { env });
  }
  let log = '';
  child.stdout.on('data', (d) => (log = (log + d).slice(-4000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  await waitHttp(`http://127.0.0.1:${port}/status`, `${engine}'s driver`, child);
  return { url: `http://127.0.0.1:${port}`, log: () => log };
}

function capabilities() {
  if (engine === 'firefox') {
    return {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-width', '1280', '-height', '900'],
        // Firefox shows JSON in its viewer, where a page script cannot run: openConsole sets
        // the language on config.json, so plain text it is.
        prefs: { 'intl.accept_languages': 'en-US', 'devtools.jsonview.enabled': false },
      },
    };
  }
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
}

// ---------------------------------------------------------------- the mock's controls

let base = '';
async function admin(method, p, body) {
  const r = await fetch(`${base}/__admin/${p}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!r.ok) throw new Error(`${method} /__admin/${p}: ${r.status} ${await r.text()}`);
  return r;
}
const clock = (change) => admin('POST', 'clock', change);
const taskFault = (subtaskName, kind = 'fail', times = 1) => admin('POST', 'task-faults', { subtaskName, kind, times });
async function posts(pathEnd) {
  const j = await (await admin('GET', 'journal')).json();
  return j.entries.filter((e) => e.method === 'POST' && e.path.endsWith(pathEnd)).length;
}
async function launchApi(p) {
  const r = await fetch(`${base}${p}`, {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') },
  });
  if (!r.ok) throw new Error(`POST ${p}: ${r.status} ${await r.text()}`);
  return (await r.json()).data.id;
}

// ---------------------------------------------------------------- the page

let driver;

/** Polls `probe` (an async function returning a truthy value when done) until TIMEOUT. */
async function until(what, probe, ms = TIMEOUT) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (${String(last.message ?? last).split('\n')[0]})` : ''}`);
    }
    await sleep(100);
  }
}

const tid = (id) => `[data-testid="${id}"]`;
const all = (css) => driver.findElements(By.css(css));
async function one(css) {
  return until(`${css}`, async () => (await all(css))[0]);
}
async function visible(css) {
  return until(`${css} to be visible`, async () => {
    for (const el of await all(css)) if (await el.isDisplayed()) return el;
    return undefined;
  });
}
/** The trimmed text of the first element matching `css`, once it passes `ok`. */
async function textOf(css, ok, what) {
  let seen;
  await until(what ?? `${css}'s text`, async () => {
    const el = (await all(css))[0];
    if (!el) return false;
    seen = (await el.getText()).trim();
    return ok(seen);
  }).catch((e) => {
    throw new Error(`${e.message}; last text: ${JSON.stringify(seen)}`);
  });
  return seen;
}
const hasText = (css, s) => textOf(css, (t) => t.includes(s), `${css} to contain ${JSON.stringify(s)}`);
const isText = (css, s) => textOf(css, (t) => t === s, `${css} to read ${JSON.stringify(s)}`);
async function count(css, n) {
  let seen;
  await until(`${n} × ${css}`, async () => (seen = (await all(css)).length) === n).catch((e) => {
    throw new Error(`${e.message}; found ${seen}`);
  });
}
async function classHas(css, cls) {
  let seen;
  await until(`${css} to have class ${cls}`, async () => {
    const el = (await all(css))[0];
    if (!el) return false;
    seen = await el.getAttribute('class');
    return seen.split(/\s+/).includes(cls);
  }).catch((e) => {
    throw new Error(`${e.message}; class: ${JSON.stringify(seen)}`);
  });
}
async function urlMatches(re) {
  let seen;
  await until(`the URL to match ${re}`, async () => re.test((seen = await driver.getCurrentUrl()))).catch((e) => {
    throw new Error(`${e.message}; URL: ${seen}`);
  });
}
/** The form control a visible label (or aria-label) names, as getByLabel finds it. */
async function byLabel(name) {
  return until(`the field labelled ${JSON.stringify(name)}`, () =>
    driver.executeScript(
      (name) => {
        const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
        for (const l of document.querySelectorAll('label')) {
          if (norm(l.textContent) === name && l.control) return l.control;
        }
        return document.querySelector(`[aria-label="${name}"]`);
      },
      name,
    ),
  );
}
async function fill(name, value) {
  const el = await byLabel(name);
  await el.clear();
  await el.sendKeys(value);
}
/** A button or link by its visible text (exact), optionally inside `scope` (a CSS selector). */
async function byRoleText(tag, name, scope = 'body') {
  return until(`${tag} ${JSON.stringify(name)} in ${scope}`, async () => {
    for (const el of await all(`${scope} ${tag}`)) {
      if ((await el.getText()).trim() === name && (await el.isDisplayed())) return el;
    }
    return undefined;
  });
}
async function enabled(css, want = true) {
  const el = await one(css);
  await until(`${css} to be ${want ? 'enabled' : 'disabled'}`, async () => (await el.isEnabled()) === want);
  return el;
}
/** Tomorrow 10:30 in the browser's zone, as a datetime-local value. */
function tomorrowLocal() {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T10:30`;
}
/**
 * Types `value` (YYYY-MM-DDTHH:MM) into a datetime-local control as an operator would: each
 * engine draws its own segmented control (month/day/year, then the time, in the C locale) and
 * takes keys differently: Firefox moves to the next segment once one is full and has an AM/PM
 * segment; WebKitGTK stays in a segment until Tab and counts hours to 24.
 */
async function typeDateTime(label, value) {
  const el = await byLabel(label);
  const [date, time] = value.split('T');
  const [y, mo, d] = date.split('-');
  const [h, mi] = time.split(':');
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", el);
  const { width } = await el.getRect();
  // The first segment (the month) is at the control's left edge.
  await driver.actions().move({ origin: el, x: -Math.floor(width / 2) + 8, y: 0 }).click().perform();
  const keys =
    engine === 'firefox'
      ? [mo, d, y, String(((Number(h) + 11) % 12) + 1).padStart(2, '0'), mi, Number(h) < 12 ? 'A' : 'P']
      : [mo, Key.TAB, d, Key.TAB, y, Key.TAB, h, Key.TAB, mi];
  await driver.actions().sendKeys(...keys).perform();
  let seen;
  await until(`the ${label} field to hold ${value}`, async () => (seen = await driver.executeScript('return arguments[0].value', el)) === value).catch((e) => {
    throw new Error(`${e.message}; it holds ${JSON.stringify(seen)}`);
  });
}
async function noCrash() {
  if ((await all('#crash')).length) throw new Error('the console hit a panic (#crash is shown)');
}

async function openConsole(p) {
  // English whatever the browser's language, as the e2e suite's openConsole.
  await driver.get(`${base}/config.json`);
  await driver.executeScript("localStorage.setItem('failover-console.lang', 'en-US')");
  await driver.get(`${base}${p}`);
}
async function signIn(user = 'admin') {
  await fill('Username', user);
  await fill('Password', user);
  await (await byRoleText('button', 'Sign in')).click();
  await isText(tid('signed-in-as'), `Signed in as ${user}`);
}

// ---------------------------------------------------------------- the scenarios

const node = (name) => `g.node[data-name="${name}"]`;

const scenarios = [
  {
    name: 'main path',
    steps: [
      ['sign in', async () => {
        await openConsole('/');
        await signIn();
      }],
      ['clusters list', async () => {
        await urlMatches(/\/clusters$/);
        await count(tid('cluster-row'), 8);
        await hasText(tid('cluster-row'), 'Primary');
      }],
      ["a tenant's failover precheck page", async () => {
        await (await visible('a[href$="/clusters/3000012"]')).click();
        await urlMatches(/\/clusters\/3000012$/);
        const row = await until('the tenant row of sales_dr', async () => {
          for (const r of await all(tid('tenant-row'))) if ((await r.getText()).includes('sales_dr')) return r;
          return undefined;
        });
        const link = await until('its Failover… link', async () => {
          for (const a of await row.findElements(By.css('a'))) if ((await a.getText()).trim() === 'Failover…') return a;
          return undefined;
        });
        await link.click();
        await hasText('h1', 'Failover of tenant sales_dr');
        await hasText(tid('verdict'), 'Can fail over');
        await isText(tid('count-blocking'), '0 blocking');
      }],
      ['typed-confirmation failover launches exactly once', async () => {
        await (await enabled(tid('launch'))).click();
        await hasText(`${tid('confirm-dialog')} ${tid('consequence')}`, 'Its primary sales is abandoned');
        await enabled(tid('confirm-launch'), false);
        await fill('Type sales_dr to confirm', 'sales_d');
        await enabled(tid('confirm-launch'), false);
        await fill('Type sales_dr to confirm', 'sales_dr');
        await (await enabled(tid('confirm-launch'))).click();
        await urlMatches(/\/tasks\/12022226$/);
        const n = await posts('/tenants/2000031/failover');
        if (n !== 1) throw new Error(`${n} failover POSTs reached the mock, not 1`);
      }],
      ['the task graph that launch opened', async () => {
        await hasText('h1', 'Failover tenant');
        await count('g.node', 5);
        await (await one(tid('view-table'))).click();
        await count(tid('subtask-row'), 5);
        await hasText(tid('subtask-row'), 'Reset log restore source');
      }],
      ['the readiness board', async () => {
        await (await visible('nav.topnav a[href$="/readiness"]')).click();
        await urlMatches(/\/readiness$/);
        await isText('h1', 'Failover readiness');
        await until('readiness rows', async () => (await all(tid('readiness-row'))).length > 0);
        const rows = (await all(tid('readiness-row'))).length;
        await (await enabled(tid('precheck-all'))).click();
        await textOf(tid('queue-status'), (t) => t === `Prechecked ${rows} of ${rows}`, `"Prechecked ${rows} of ${rows}"`);
      }],
      ['components (GFC) search', async () => {
        await (await visible('nav.topnav a[href$="/components"]')).click();
        await urlMatches(/\/components$/);
        await fill('Component ids', '7922; 7923 7924 99999');
        await (await byRoleText('button', 'Find components')).click();
        await count(tid('component-row'), 3);
        await isText(tid('not-found'), 'Not found: 99999');
      }],
      ['components (GFC): failback time typed in the engine\'s date control, checks run', async () => {
        await fill('Reason', 'DFW core switch replacement');
        await fill('Ticket 7922', 'CHG0042');
        await typeDateTime('Estimated failback time', tomorrowLocal());
        await hasText(tid('failback-utc'), 'UTC');
        await (await one(tid('run-checks'))).click();
        await until('the checks to reach the mock', async () => (await posts('/gfc/failover/doPreFailBackCheck')) >= 1);
        await clock({ advanceSeconds: 30 });
        await until('7922 VIP to pass and 7924 PEAK_TIME to warn', async () => {
          let vip = '';
          let peak = '';
          for (const row of await all(tid('check-row'))) {
            const t = await row.getText();
            if (t.includes('(7922)')) vip = await (await row.findElement(By.css('td[data-check="VIP"]'))).getText();
            if (t.includes('(7924)')) peak = await (await row.findElement(By.css('td[data-check="PEAK_TIME"]'))).getText();
          }
          return vip.includes('Pass') && peak.includes('Warning');
        });
        await isText(tid('launch-hint'), 'Acknowledge every warning to go ahead.');
      }],
    ],
  },
  {
    name: 'live task and an intervention',
    steps: [
      ['a task page, paused clock', async () => {
        await taskFault('Failover to Primary', 'fail');
        const id = await launchApi('/api/v2/ob/clusters/6/failover');
        await openConsole(`/tasks/${id}`);
        // The tab's session survives the navigation (sessionStorage): signed in, or asked to.
        const form = await until('the task page or the sign-in form', async () =>
          (await all(tid('signed-in-as'))).length ? 'in' : (await all('input[type="password"]')).length ? 'form' : undefined,
        );
        if (form === 'form') await signIn();
        await count('g.node', 9);
        await classHas(node('Mc lock ob clusters'), 'node-running');
        await isText(tid('task-progress'), '0 of 9 steps done');
        await hasText(tid('live'), 'Live');
      }],
      ["live updates: the clock advances, a step's state changes without reload", async () => {
        await driver.executeScript('window.__engines_no_reload = true');
        await clock({ advanceSeconds: 12 });
        await classHas(node('Mc lock ob clusters'), 'node-successful');
        await textOf(tid('task-progress'), (t) => t !== '0 of 9 steps done', 'the progress to move');
        if (!(await driver.executeScript('return window.__engines_no_reload === true'))) throw new Error('the page reloaded');
      }],
      ['a failed step shows by itself', async () => {
        await clock({ advanceSeconds: 60 });
        await hasText(tid('task-status'), 'Failed');
        await classHas(node('Failover to Primary'), 'node-failed');
        await hasText(tid('step-details'), 'Failover to Primary');
        await hasText(tid('step-log'), 'injected fault');
      }],
      ['retry the failed step: previewed, confirmed, sent once, runs again', async () => {
        await (await one(tid('act-retry'))).click();
        await hasText(tid('intervention'), 'Retry Failover to Primary');
        await classHas(node('Failover to Primary'), 'impact-rerun');
        if ((await posts('/retry')) !== 0) throw new Error('a retry was sent before confirming');
        await (await one(tid('confirm-intervention'))).click();
        await count(tid('intervention'), 0);
        await until('one retry POST', async () => (await posts('/subtasks/202628/retry')) === 1);
        await clock({ advanceSeconds: 60 });
        await classHas(node('Failover to Primary'), 'node-successful');
        await hasText(tid('task-status'), 'Successful');
        if (!(await driver.executeScript('return window.__engines_no_reload === true'))) throw new Error('the page reloaded');
      }],
    ],
  },
];

// ---------------------------------------------------------------- run

let passed = 0;
let failed = 0;
const started = Date.now();
setTimeout(() => {
  console.log(`FAIL ${engine} · the whole run: still running after ${DEADLINE} ms`);
  console.log(`${engine}: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, DEADLINE).unref();
let driverInfo;
try {
  // The C locale whatever the caller's: the date controls' segment order follows it.
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  if (!(process.env.ENGINES_SHOW === '1' && env.DISPLAY)) env.DISPLAY = await startXvfb();
  base = await startMock();
  driverInfo = await startDriver(env);
  driver = await new Builder().usingServer(driverInfo.url).withCapabilities(capabilities()).build();
  await driver.manage().setTimeouts({ script: 30000, pageLoad: 60000 });
  await driver.manage().window().setRect({ x: 0, y: 0, width: 1280, height: 1000 });
  const caps = await driver.getCapabilities();
  console.log(`${engine}: ${caps.getBrowserName()} ${caps.getBrowserVersion()} on ${env.DISPLAY}, console at ${base}`);
  for (const scenario of scenarios) {
    await admin('POST', 'reset');
    await clock({ paused: true });
    let broken;
    for (const [name, run] of scenario.steps) {
      const label = `${engine} · ${scenario.name} · ${name}`;
      if (broken) {
        failed++;
        console.log(`FAIL ${label}: not reached (${broken} failed)`);
        continue;
      }
      const t0 = Date.now();
      try {
        await run();
        await noCrash();
        passed++;
        console.log(`PASS ${label} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        broken = name;
        console.log(`FAIL ${label}: ${String(e?.message ?? e)}`);
        try {
          const shot = path.join(root, `target/engines-${engine}-failure.png`);
          fs.writeFileSync(shot, await driver.takeScreenshot(), 'base64');
          console.log(`     screenshot: ${shot}; URL: ${await driver.getCurrentUrl()}`);
        } catch {
          /* the screenshot is a courtesy */
        }
      }
    }
  }
} catch (e) {
  failed++;
  console.log(`FAIL ${engine} · setup: ${String(e?.message ?? e)}`);
  if (driverInfo) console.log(`     driver log: ${driverInfo.log()}`);
} finally {
  try {
    await driver?.quit();
  } catch {
    /* the driver is killed below */
  }
}
console.log(`${engine} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${engine}: ${passed} passed, ${failed} failed`);
stopAll();
process.exit(failed === 0 && passed > 0 ? 0 : 1);
