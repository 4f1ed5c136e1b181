// The benches' server: the release mock serving the release console, started from
// MOCK_SERVER_BIN and DIST_DIR on the given port (with `extra` arguments: a scenario, a
// precheck delay), ready once it answers /config.json.
import { spawn } from 'node:child_process';

export async function startMock(port, extra = []) {
  const bin = process.env.MOCK_SERVER_BIN;
  const dist = process.env.DIST_DIR;
  if (!bin || !dist) {
    console.error('set MOCK_SERVER_BIN (the release mock) and DIST_DIR (the release console)');
    process.exit(2);
  }
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(bin, ['--dist', dist, '--port', port, ...extra], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/config.json`)).ok) return { base, stop: () => server.kill() };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('the mock server did not start');
}
