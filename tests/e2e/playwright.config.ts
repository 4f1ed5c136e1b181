// End-to-end suite: the release console served by the mock server, in Debian's Chromium.
// `cargo xtask test` sets MOCK_SERVER_BIN, DIST_DIR and E2E_PORT; never run `playwright install`.
import { defineConfig } from '@playwright/test';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const port = process.env.E2E_PORT ?? '18080';
const bin = process.env.MOCK_SERVER_BIN ?? path.join(root, 'target/debug/mock-server');
const dist = process.env.DIST_DIR ?? path.join(root, 'dist');
// With NGINX_CONF set, the console is served by Debian's nginx (deploy/nginx), which proxies the
// APIs to the mock; the suites that concern hosting run through it.
const nginxConf = process.env.NGINX_CONF;
const nginxPort = process.env.NGINX_PORT ?? '18090';
// With CHECK_REPLIES set (cargo xtask test does), the mock checks every reply it writes against
// its OpenAPI contract and appends each mismatch to that file; xtask fails the run if any.
const checkReplies = process.env.CHECK_REPLIES ? ` --check-replies "${process.env.CHECK_REPLIES}"` : '';
const mockServer = {
  command: `"${bin}" --dist "${dist}" --port ${port} --precheck-delay-ms 300${checkReplies}`,
  url: `http://127.0.0.1:${port}/config.json`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
};

export default defineConfig({
  testDir: '.',
  testMatch: nginxConf ? /(foundation|security|dr)\.spec\.ts/ : /.*\.spec\.ts/,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: path.join(__dirname, '.results.json') }]],
  use: {
    baseURL: nginxConf ? `http://127.0.0.1:${nginxPort}` : `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
      ],
    },
  },
  webServer: nginxConf
    ? [mockServer, {
        command: `/usr/sbin/nginx -c "${nginxConf}" -g "daemon off;"`,
        url: `http://127.0.0.1:${nginxPort}/config.json`,
        reuseExistingServer: false,
        timeout: 30_000,
        stdout: 'ignore' as const,
        stderr: 'pipe' as const,
      }]
    : mockServer,
});
